-- auth_user as `manage.py migrate` leaves it in a Django 5.x project on the default user model
-- (AUTH_USER_MODEL = "auth.User"): the end state of django.contrib.auth's migrations 0001 to 0012.
-- `sqlmigrate auth 0001` creates the table with username, first_name and last_name varchar(30),
-- email varchar(75) and last_login NOT NULL; 0003, 0005, 0008, 0009 and 0012 alter those
-- columns to what is below. Its id is an AutoField (integer): auth's migrations say so, whatever
-- the project's DEFAULT_AUTO_FIELD. Left out: auth_permission, auth_user_user_permissions,
-- auth_group_permissions and the rest of what auth's migrations make.
--
-- On SQLite each ALTER remakes the table (CREATE TABLE "new__auth_user", copy, DROP, RENAME), and
-- a remake puts the altered column last: after 0012, first_name is the last column. This is the
-- CREATE TABLE that sqlite_master then holds.

CREATE TABLE "auth_user" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "password" varchar(128) NOT NULL, "last_login" datetime NULL, "is_superuser" bool NOT NULL, "username" varchar(150) NOT NULL UNIQUE, "last_name" varchar(150) NOT NULL, "email" varchar(254) NOT NULL, "is_staff" bool NOT NULL, "is_active" bool NOT NULL, "date_joined" datetime NOT NULL, "first_name" varchar(150) NOT NULL);

-- auth_group and auth_user_groups, the table of User.groups (a ManyToManyField without a through
-- model), as auth's migrations leave them: 0001 creates both, 0010 makes the group's name
-- varchar(150). The link table's id is an integer here (AutoField, auth's own default); a project
-- whose DEFAULT_AUTO_FIELD is BigAutoField may get a bigint, which the same mapping (@Id Long)
-- reads and writes alike. Its pair of keys is unique together, and each key is indexed.
-- Constraint and index names are Django's.

CREATE TABLE "auth_group" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(150) NOT NULL UNIQUE);
CREATE TABLE "auth_user_groups" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "user_id" integer NOT NULL REFERENCES "auth_user" ("id") DEFERRABLE INITIALLY DEFERRED, "group_id" integer NOT NULL REFERENCES "auth_group" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE UNIQUE INDEX "auth_user_groups_user_id_group_id_94350c0c_uniq" ON "auth_user_groups" ("user_id", "group_id");
CREATE INDEX "auth_user_groups_user_id_6a12ed8b" ON "auth_user_groups" ("user_id");
CREATE INDEX "auth_user_groups_group_id_97559544" ON "auth_user_groups" ("group_id");
