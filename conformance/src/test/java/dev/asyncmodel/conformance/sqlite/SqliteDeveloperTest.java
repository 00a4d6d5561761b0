package dev.asyncmodel.conformance.sqlite;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.SqliteBackend;
import dev.asyncmodel.conformance.suite.DeveloperSuite;

/** The developer suite on Sqlite. */
class SqliteDeveloperTest extends DeveloperSuite {
  @Override
  protected Backend backend() {
    return SqliteBackend.get();
  }
}
