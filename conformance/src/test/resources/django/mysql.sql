-- What Django 5.x's `manage.py sqlmigrate accounts 0001` and `sqlmigrate ledger 0001` print on
-- MySQL and MariaDB for the models below, statement for statement (less what is left out, listed below).
--
-- The Django project (Django 5.x, startproject defaults: both apps' AppConfig.default_auto_field
-- is "django.db.models.BigAutoField"):
--
--   # settings.py
--   AUTH_USER_MODEL = "accounts.User"
--
--   # accounts/models.py
--   class User(AbstractUser):
--       pass
--
--   # ledger/models.py
--   class Budget(models.Model):
--       user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
--       category = models.CharField(max_length=50)
--       monthly_limit = models.DecimalField(max_digits=10, decimal_places=2)
--
--   class Note(models.Model):
--       user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
--       text = models.TextField()
--
--   class Transaction(models.Model):
--       user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
--       amount = models.DecimalField(max_digits=10, decimal_places=2)
--       description = models.CharField(max_length=200)
--       category = models.CharField(max_length=50)
--       created_at = models.DateTimeField(auto_now_add=True)
--
-- makemigrations puts each foreign key last in its CreateModel, so user_id is the last column.
-- accounts_user has the columns of auth_user (AbstractUser's fields), in the same order; it is
-- used instead of auth_user because the conformance suite's own User maps auth_user, and two
-- models of one compilation may not share a table. auth-<backend>.sql has auth_user itself.
--
-- Left out of what sqlmigrate prints: the BEGIN; / COMMIT; around each migration (PostgreSQL,
-- SQLite) and the many-to-many tables accounts_user_groups and accounts_user_user_permissions
-- (they reference auth_group and auth_permission, which these tests do not make).
--
-- MySQL specifics: no table options (the database's default character set applies: create it
-- with utf8mb4, as Django's docs say); BooleanField is "bool" (tinyint(1)), DateTimeField
-- "datetime(6)" holding UTC; each foreign key is a separate ALTER TABLE without ON DELETE (Django
-- cascades in Python) and gets no CREATE INDEX, because InnoDB indexes a foreign key itself.
-- Names are Django's: <table>_<column>_<first 8 hex digits of md5(table + column)>_fk_<target>.

--
-- Create model User
--
CREATE TABLE `accounts_user` (`id` bigint AUTO_INCREMENT NOT NULL PRIMARY KEY, `password` varchar(128) NOT NULL, `last_login` datetime(6) NULL, `is_superuser` bool NOT NULL, `username` varchar(150) NOT NULL UNIQUE, `first_name` varchar(150) NOT NULL, `last_name` varchar(150) NOT NULL, `email` varchar(254) NOT NULL, `is_staff` bool NOT NULL, `is_active` bool NOT NULL, `date_joined` datetime(6) NOT NULL);

--
-- Create model Budget
--
CREATE TABLE `ledger_budget` (`id` bigint AUTO_INCREMENT NOT NULL PRIMARY KEY, `category` varchar(50) NOT NULL, `monthly_limit` numeric(10, 2) NOT NULL, `user_id` bigint NOT NULL);
--
-- Create model Note
--
CREATE TABLE `ledger_note` (`id` bigint AUTO_INCREMENT NOT NULL PRIMARY KEY, `text` longtext NOT NULL, `user_id` bigint NULL);
--
-- Create model Transaction
--
CREATE TABLE `ledger_transaction` (`id` bigint AUTO_INCREMENT NOT NULL PRIMARY KEY, `amount` numeric(10, 2) NOT NULL, `description` varchar(200) NOT NULL, `category` varchar(50) NOT NULL, `created_at` datetime(6) NOT NULL, `user_id` bigint NOT NULL);
ALTER TABLE `ledger_budget` ADD CONSTRAINT `ledger_budget_user_id_8d2d56c8_fk_accounts_user_id` FOREIGN KEY (`user_id`) REFERENCES `accounts_user` (`id`);
ALTER TABLE `ledger_note` ADD CONSTRAINT `ledger_note_user_id_3ff20411_fk_accounts_user_id` FOREIGN KEY (`user_id`) REFERENCES `accounts_user` (`id`);
ALTER TABLE `ledger_transaction` ADD CONSTRAINT `ledger_transaction_user_id_b0f6a97d_fk_accounts_user_id` FOREIGN KEY (`user_id`) REFERENCES `accounts_user` (`id`);
