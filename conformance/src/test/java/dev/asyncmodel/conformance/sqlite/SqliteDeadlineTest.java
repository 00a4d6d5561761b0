package dev.asyncmodel.conformance.sqlite;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.SqliteBackend;
import dev.asyncmodel.conformance.suite.DeadlineSuite;

/** The deadline suite on Sqlite. */
class SqliteDeadlineTest extends DeadlineSuite {
  @Override
  protected Backend backend() {
    return SqliteBackend.get();
  }
}
