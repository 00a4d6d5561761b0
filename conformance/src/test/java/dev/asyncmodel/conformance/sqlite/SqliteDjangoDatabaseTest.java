package dev.asyncmodel.conformance.sqlite;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.SqliteBackend;
import dev.asyncmodel.conformance.suite.DjangoDatabaseSuite;

/** The Django database suite on SQLite. */
class SqliteDjangoDatabaseTest extends DjangoDatabaseSuite {
  @Override
  protected Backend backend() {
    return SqliteBackend.get();
  }
}
