package dev.asyncmodel.conformance.sqlite;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.SqliteBackend;
import dev.asyncmodel.conformance.suite.JsonSuite;

/** The JSON suite on SQLite. */
class SqliteJsonTest extends JsonSuite {
  @Override
  protected Backend backend() {
    return SqliteBackend.get();
  }
}
