-- Drops the conformance models' tables; the suite then creates them with Database.createTables,
-- from the DDL the processor wrote.
SET FOREIGN_KEY_CHECKS = 0;
DROP TABLE IF EXISTS `document`, `note`, `invoice`, `account`, `sample`, `review`, `transaction`, `auth_user`;
SET FOREIGN_KEY_CHECKS = 1;
