package dev.asyncmodel.sample;

import dev.asyncmodel.sample.fixture.MysqlDatabase;
import dev.asyncmodel.sample.fixture.TestDatabase;

/** The API on MySQL or MariaDB: the server MYSQL_URL names; skipped, saying why, without it. */
class MysqlApiTest extends ApiContract {
  @Override
  TestDatabase database() {
    return MysqlDatabase.get();
  }
}
