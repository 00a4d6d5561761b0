package dev.asyncmodel.conformance.sqlite;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.SqliteBackend;
import dev.asyncmodel.conformance.suite.FaultSuite;

/** The fault suite on Sqlite. */
class SqliteFaultTest extends FaultSuite {
  @Override
  protected Backend backend() {
    return SqliteBackend.get();
  }
}
