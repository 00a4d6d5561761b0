package dev.asyncmodel.conformance.sqlite;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.SqliteBackend;
import dev.asyncmodel.conformance.suite.RowLockSuite;

/** The row-lock suite on Sqlite. */
class SqliteRowLockTest extends RowLockSuite {
  @Override
  protected Backend backend() {
    return SqliteBackend.get();
  }
}
