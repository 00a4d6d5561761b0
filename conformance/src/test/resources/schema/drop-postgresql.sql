-- Drops the conformance models' tables; the suite then creates them with Database.createTables,
-- from the DDL the processor wrote.
DROP TABLE IF EXISTS "document", "note", "invoice", "account", "sample", "review", "transaction", "auth_user" CASCADE;
