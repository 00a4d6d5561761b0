-- auth_user as `manage.py migrate` leaves it in a Django 5.x project on the default user model
-- (AUTH_USER_MODEL = "auth.User"): the end state of django.contrib.auth's migrations 0001 to 0012.
-- `sqlmigrate auth 0001` creates the table with username, first_name and last_name varchar(30),
-- email varchar(75) and last_login NOT NULL; 0003, 0005, 0008, 0009 and 0012 alter those
-- columns to what is below. Its id is an AutoField (integer): auth's migrations say so, whatever
-- the project's DEFAULT_AUTO_FIELD. Left out: auth_permission, auth_user_user_permissions,
-- auth_group_permissions and the rest of what auth's migrations make.
--
-- On MySQL and MariaDB the ALTERs are MODIFY, which keeps 0001's column order.

CREATE TABLE `auth_user` (`id` integer AUTO_INCREMENT NOT NULL PRIMARY KEY, `password` varchar(128) NOT NULL, `last_login` datetime(6) NULL, `is_superuser` bool NOT NULL, `username` varchar(150) NOT NULL UNIQUE, `first_name` varchar(150) NOT NULL, `last_name` varchar(150) NOT NULL, `email` varchar(254) NOT NULL, `is_staff` bool NOT NULL, `is_active` bool NOT NULL, `date_joined` datetime(6) NOT NULL);

-- auth_group and auth_user_groups, the table of User.groups (a ManyToManyField without a through
-- model), as auth's migrations leave them: 0001 creates both, 0010 makes the group's name
-- varchar(150). The link table's id is an integer here (AutoField, auth's own default); a project
-- whose DEFAULT_AUTO_FIELD is BigAutoField may get a bigint, which the same mapping (@Id Long)
-- reads and writes alike. Its pair of keys is unique together, and each key is indexed.
-- Constraint and index names are Django's.

CREATE TABLE `auth_group` (`id` integer AUTO_INCREMENT NOT NULL PRIMARY KEY, `name` varchar(150) NOT NULL UNIQUE);
CREATE TABLE `auth_user_groups` (`id` integer AUTO_INCREMENT NOT NULL PRIMARY KEY, `user_id` integer NOT NULL, `group_id` integer NOT NULL);
ALTER TABLE `auth_user_groups` ADD CONSTRAINT `auth_user_groups_user_id_group_id_94350c0c_uniq` UNIQUE (`user_id`, `group_id`);
ALTER TABLE `auth_user_groups` ADD CONSTRAINT `auth_user_groups_user_id_6a12ed8b_fk_auth_user_id` FOREIGN KEY (`user_id`) REFERENCES `auth_user` (`id`);
ALTER TABLE `auth_user_groups` ADD CONSTRAINT `auth_user_groups_group_id_97559544_fk_auth_group_id` FOREIGN KEY (`group_id`) REFERENCES `auth_group` (`id`);
