-- Drops the conformance models' tables; the suite then creates them with Database.createTables,
-- from the DDL the processor wrote.
DROP TABLE IF EXISTS "document";
DROP TABLE IF EXISTS "note";
DROP TABLE IF EXISTS "invoice";
DROP TABLE IF EXISTS "account";
DROP TABLE IF EXISTS "sample";
DROP TABLE IF EXISTS "review";
DROP TABLE IF EXISTS "transaction";
DROP TABLE IF EXISTS "auth_user";
