-- com.example.Transaction (sqlite), written by asyncmodel's processor.
CREATE TABLE IF NOT EXISTS "transaction" (
  "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT,
  "user_id" bigint NOT NULL REFERENCES "auth_user" ("id") DEFERRABLE INITIALLY DEFERRED,
  "amount" decimal NOT NULL,
  "description" varchar(200) NOT NULL,
  "category" varchar(50) NOT NULL,
  "created_at" datetime NOT NULL
);
CREATE INDEX IF NOT EXISTS "transaction_user_id_idx" ON "transaction" ("user_id");
