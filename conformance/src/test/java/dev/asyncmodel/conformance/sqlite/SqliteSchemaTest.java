package dev.asyncmodel.conformance.sqlite;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.SqliteBackend;
import dev.asyncmodel.conformance.suite.SchemaSuite;

/** The schema suite on Sqlite. */
class SqliteSchemaTest extends SchemaSuite {
  @Override
  protected Backend backend() {
    return SqliteBackend.get();
  }
}
