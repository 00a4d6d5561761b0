package dev.asyncmodel.conformance.sqlite;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.SqliteBackend;
import dev.asyncmodel.conformance.suite.TypesSuite;

/** The types suite on SQLite. */
class SqliteTypesTest extends TypesSuite {
  @Override
  protected Backend backend() {
    return SqliteBackend.get();
  }
}
