package dev.asyncmodel.conformance.sqlite;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.SqliteBackend;
import dev.asyncmodel.conformance.suite.MigrationSuite;

/** The migration suite on Sqlite. */
class SqliteMigrationTest extends MigrationSuite {
  @Override
  protected Backend backend() {
    return SqliteBackend.get();
  }
}
