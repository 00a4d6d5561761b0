package dev.asyncmodel.conformance.sqlite;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.SqliteBackend;
import dev.asyncmodel.conformance.suite.QuerySuite;

/** The query suite on SQLite. */
class SqliteQueryTest extends QuerySuite {
  @Override
  protected Backend backend() {
    return SqliteBackend.get();
  }
}
