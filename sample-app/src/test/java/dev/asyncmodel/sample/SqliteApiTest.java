package dev.asyncmodel.sample;

import dev.asyncmodel.testfixtures.TestDatabase;
import dev.asyncmodel.testfixtures.TestDatabases;

/** The API on SQLite, the default database: a new file in a temporary directory. */
class SqliteApiTest extends ApiContract {
  @Override
  TestDatabase database() {
    return TestDatabases.sqlite("sample.db");
  }
}
