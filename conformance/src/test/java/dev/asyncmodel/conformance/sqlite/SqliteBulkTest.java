package dev.asyncmodel.conformance.sqlite;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.SqliteBackend;
import dev.asyncmodel.conformance.suite.BulkSuite;

/** The bulk suite on Sqlite. */
class SqliteBulkTest extends BulkSuite {
  @Override
  protected Backend backend() {
    return SqliteBackend.get();
  }
}
