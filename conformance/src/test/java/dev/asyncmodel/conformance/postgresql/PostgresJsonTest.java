package dev.asyncmodel.conformance.postgresql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.PostgresBackend;
import dev.asyncmodel.conformance.suite.JsonSuite;

/** The JSON suite on PostgreSQL. */
class PostgresJsonTest extends JsonSuite {
  @Override
  protected Backend backend() {
    return PostgresBackend.get();
  }
}
