-- The conformance models' tables on SQLite, with the declared types of DESIGN.md's table (what
-- Django's migrate makes). Foreign keys have no ON DELETE clause, as Django's: adelete cascades.
DROP TABLE IF EXISTS "note";
DROP TABLE IF EXISTS "invoice";
DROP TABLE IF EXISTS "account";
DROP TABLE IF EXISTS "sample";
DROP TABLE IF EXISTS "review";
DROP TABLE IF EXISTS "transaction";
DROP TABLE IF EXISTS "auth_user";

CREATE TABLE "auth_user" (
  "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT,
  "username" varchar(150) NOT NULL UNIQUE
);

CREATE TABLE "transaction" (
  "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT,
  "user_id" bigint NOT NULL REFERENCES "auth_user" ("id") DEFERRABLE INITIALLY DEFERRED,
  "amount" decimal NOT NULL,
  "description" varchar(200) NOT NULL,
  "category" varchar(50) NOT NULL,
  "created_at" datetime NOT NULL
);

CREATE TABLE "review" (
  "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT,
  "transaction_id" bigint NOT NULL REFERENCES "transaction" ("id") DEFERRABLE INITIALLY DEFERRED,
  "rating" real NULL,
  "due" date NULL
);

CREATE TABLE "sample" (
  "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT,
  "text" text NOT NULL,
  "label" varchar(20) NULL,
  "flag" bool NOT NULL,
  "maybe" bool NULL,
  "count" integer NOT NULL,
  "boxed_count" integer NULL,
  "big" bigint NOT NULL,
  "small" smallint NOT NULL,
  "ratio" real NOT NULL,
  "ratio32" real NOT NULL,
  "price" decimal NULL,
  "at" datetime NULL,
  "offset_at" datetime NULL,
  "day" date NULL,
  "local_at" datetime NULL,
  "time" time NULL,
  "uuid" char(32) NULL,
  "data" BLOB NULL,
  "mood" varchar(6) NULL,
  "secret_code" text NULL
);

CREATE TABLE "account" (
  "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT,
  "name" varchar(50) NOT NULL
);

CREATE TABLE "invoice" (
  "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT,
  "account_id" bigint NOT NULL REFERENCES "account" ("id") DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE "note" (
  "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT,
  "account_id" bigint NULL REFERENCES "account" ("id") DEFERRABLE INITIALLY DEFERRED,
  "text" text NOT NULL
);
