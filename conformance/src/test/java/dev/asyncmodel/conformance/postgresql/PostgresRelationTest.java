package dev.asyncmodel.conformance.postgresql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.PostgresBackend;
import dev.asyncmodel.conformance.suite.RelationSuite;

/** The relation suite on PostgreSQL. */
class PostgresRelationTest extends RelationSuite {
  @Override
  protected Backend backend() {
    return PostgresBackend.get();
  }
}
