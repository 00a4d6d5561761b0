package dev.asyncmodel.conformance.postgresql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.PostgresBackend;
import dev.asyncmodel.conformance.suite.BulkSuite;

/** The bulk suite on Postgres. */
class PostgresBulkTest extends BulkSuite {
  @Override
  protected Backend backend() {
    return PostgresBackend.get();
  }
}
