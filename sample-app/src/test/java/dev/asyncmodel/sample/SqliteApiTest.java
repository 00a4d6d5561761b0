package dev.asyncmodel.sample;

import dev.asyncmodel.sample.fixture.SqliteDatabase;
import dev.asyncmodel.sample.fixture.TestDatabase;

/** The API on SQLite, the default database: a new file in a temporary directory. */
class SqliteApiTest extends ApiContract {
  @Override
  TestDatabase database() {
    return new SqliteDatabase();
  }
}
