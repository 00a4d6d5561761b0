package dev.asyncmodel.conformance.sqlite;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.SqliteBackend;
import dev.asyncmodel.conformance.suite.ExpressionSuite;

/** The expression suite on SQLite. */
class SqliteExpressionTest extends ExpressionSuite {
  @Override
  protected Backend backend() {
    return SqliteBackend.get();
  }
}
