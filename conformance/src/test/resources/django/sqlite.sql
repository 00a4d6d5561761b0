-- What Django 5.x's `manage.py sqlmigrate accounts 0001` and `sqlmigrate ledger 0001` print on
-- SQLite for the models below, statement for statement (less what is left out, listed below).
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
-- SQLite specifics: every (Big)AutoField is "integer ... AUTOINCREMENT", DecimalField is
-- "decimal" (NUMERIC affinity), BooleanField "bool", DateTimeField "datetime"; foreign keys are
-- inline, "REFERENCES ... DEFERRABLE INITIALLY DEFERRED" without ON DELETE (Django cascades in
-- Python), each with an index named <table>_<column>_<first 8 hex digits of md5(table + column)>.

--
-- Create model User
--
CREATE TABLE "accounts_user" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "password" varchar(128) NOT NULL, "last_login" datetime NULL, "is_superuser" bool NOT NULL, "username" varchar(150) NOT NULL UNIQUE, "first_name" varchar(150) NOT NULL, "last_name" varchar(150) NOT NULL, "email" varchar(254) NOT NULL, "is_staff" bool NOT NULL, "is_active" bool NOT NULL, "date_joined" datetime NOT NULL);

--
-- Create model Budget
--
CREATE TABLE "ledger_budget" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "category" varchar(50) NOT NULL, "monthly_limit" decimal NOT NULL, "user_id" bigint NOT NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED);
--
-- Create model Note
--
CREATE TABLE "ledger_note" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "text" text NOT NULL, "user_id" bigint NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED);
--
-- Create model Transaction
--
CREATE TABLE "ledger_transaction" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "amount" decimal NOT NULL, "description" varchar(200) NOT NULL, "category" varchar(50) NOT NULL, "created_at" datetime NOT NULL, "user_id" bigint NOT NULL REFERENCES "accounts_user" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE INDEX "ledger_budget_user_id_8d2d56c8" ON "ledger_budget" ("user_id");
CREATE INDEX "ledger_note_user_id_3ff20411" ON "ledger_note" ("user_id");
CREATE INDEX "ledger_transaction_user_id_b0f6a97d" ON "ledger_transaction" ("user_id");
