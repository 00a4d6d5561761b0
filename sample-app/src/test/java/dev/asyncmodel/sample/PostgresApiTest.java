package dev.asyncmodel.sample;

import dev.asyncmodel.testfixtures.TestDatabase;
import dev.asyncmodel.testfixtures.TestDatabases;

/** The API on PostgreSQL: the server PGHOST names, else an embedded one. */
class PostgresApiTest extends ApiContract {
  @Override
  TestDatabase database() {
    return TestDatabases.postgres();
  }
}
