package dev.asyncmodel.conformance.sqlite;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.SqliteBackend;
import dev.asyncmodel.conformance.suite.RawSqlSuite;

/** The raw SQL suite on Sqlite. */
class SqliteRawSqlTest extends RawSqlSuite {
  @Override
  protected Backend backend() {
    return SqliteBackend.get();
  }
}
