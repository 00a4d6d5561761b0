package dev.asyncmodel.conformance.postgresql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.PostgresBackend;
import dev.asyncmodel.conformance.suite.SchemaSuite;

/** The schema suite on PostgreSQL. */
class PostgresSchemaTest extends SchemaSuite {
  @Override
  protected Backend backend() {
    return PostgresBackend.get();
  }
}
