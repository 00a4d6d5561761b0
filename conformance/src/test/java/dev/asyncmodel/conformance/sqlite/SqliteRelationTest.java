package dev.asyncmodel.conformance.sqlite;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.SqliteBackend;
import dev.asyncmodel.conformance.suite.RelationSuite;

/** The relation suite on SQLite. */
class SqliteRelationTest extends RelationSuite {
  @Override
  protected Backend backend() {
    return SqliteBackend.get();
  }
}
