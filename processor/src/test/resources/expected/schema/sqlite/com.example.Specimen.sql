-- com.example.Specimen (sqlite), written by asyncmodel's processor.
CREATE TABLE IF NOT EXISTS "lab_specimen" (
  "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT,
  "name" varchar(80) NOT NULL UNIQUE,
  "notes" text NULL,
  "active" bool NOT NULL,
  "verified" bool NULL,
  "count" integer NOT NULL,
  "rank" integer NULL,
  "total" bigint NOT NULL,
  "parent_id" bigint NULL,
  "level" smallint NOT NULL,
  "tier" smallint NULL,
  "weight" real NOT NULL,
  "height" real NULL,
  "ratio" real NOT NULL,
  "score" real NULL,
  "price" decimal NOT NULL,
  "discount" decimal NULL,
  "created_at" datetime NOT NULL,
  "seen_at" datetime NULL,
  "born_on" date NOT NULL,
  "updated_at" datetime NULL,
  "opens_at" time NULL,
  "token" char(32) NOT NULL,
  "secret" BLOB NOT NULL,
  "kind" varchar NOT NULL,
  "previous_kind" varchar NULL,
  "category_id" bigint NULL REFERENCES "category" ("id") DEFERRABLE INITIALLY DEFERRED,
  "owner_id" bigint NOT NULL REFERENCES "auth_user" ("id") DEFERRABLE INITIALLY DEFERRED,
  "legacy_code" varchar(8) NOT NULL
);
CREATE INDEX IF NOT EXISTS "lab_specimen_category_id_idx" ON "lab_specimen" ("category_id");
CREATE INDEX IF NOT EXISTS "lab_specimen_owner_id_idx" ON "lab_specimen" ("owner_id");
