package dev.asyncmodel.conformance.sqlite;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.SqliteBackend;
import dev.asyncmodel.conformance.suite.SubquerySuite;

/** The subquery suite on SQLite. */
class SqliteSubqueryTest extends SubquerySuite {
  @Override
  protected Backend backend() {
    return SqliteBackend.get();
  }
}
