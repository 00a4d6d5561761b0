-- auth_user as `manage.py migrate` leaves it in a Django 5.x project on the default user model
-- (AUTH_USER_MODEL = "auth.User"): the end state of django.contrib.auth's migrations 0001 to 0012.
-- `sqlmigrate auth 0001` creates the table with username, first_name and last_name varchar(30),
-- email varchar(75) and last_login NOT NULL; 0003, 0005, 0008, 0009 and 0012 alter those
-- columns to what is below. Its id is an AutoField (integer): auth's migrations say so, whatever
-- the project's DEFAULT_AUTO_FIELD. Left out: auth_group, auth_permission, auth_user_groups,
-- auth_user_user_permissions and the rest of what auth's migrations make.
--
-- On MySQL and MariaDB the ALTERs are MODIFY, which keeps 0001's column order.

CREATE TABLE `auth_user` (`id` integer AUTO_INCREMENT NOT NULL PRIMARY KEY, `password` varchar(128) NOT NULL, `last_login` datetime(6) NULL, `is_superuser` bool NOT NULL, `username` varchar(150) NOT NULL UNIQUE, `first_name` varchar(150) NOT NULL, `last_name` varchar(150) NOT NULL, `email` varchar(254) NOT NULL, `is_staff` bool NOT NULL, `is_active` bool NOT NULL, `date_joined` datetime(6) NOT NULL);
