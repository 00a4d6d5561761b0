package dev.asyncmodel.conformance.postgresql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.PostgresBackend;
import dev.asyncmodel.conformance.suite.TypesSuite;

/** The types suite on PostgreSQL. */
class PostgresTypesTest extends TypesSuite {
  @Override
  protected Backend backend() {
    return PostgresBackend.get();
  }
}
