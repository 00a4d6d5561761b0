package dev.asyncmodel.conformance.postgresql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.PostgresBackend;
import dev.asyncmodel.conformance.suite.FaultSuite;

/** The fault suite on Postgres. */
class PostgresFaultTest extends FaultSuite {
  @Override
  protected Backend backend() {
    return PostgresBackend.get();
  }
}
