package dev.asyncmodel.sample;

import dev.asyncmodel.testfixtures.TestDatabase;
import dev.asyncmodel.testfixtures.TestDatabases;

/** The API on MySQL or MariaDB: the server MYSQL_URL names; skipped, saying why, without it. */
class MysqlApiTest extends ApiContract {
  @Override
  TestDatabase database() {
    return TestDatabases.mysql();
  }
}
