package dev.asyncmodel.conformance.sqlite;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.SqliteBackend;
import dev.asyncmodel.conformance.suite.BurstSuite;

/** The burst suite on Sqlite, in a small heap. */
class SqliteBurstTest extends BurstSuite {
  @Override
  protected Backend backend() {
    return SqliteBackend.get();
  }
}
