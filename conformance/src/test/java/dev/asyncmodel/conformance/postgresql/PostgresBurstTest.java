package dev.asyncmodel.conformance.postgresql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.PostgresBackend;
import dev.asyncmodel.conformance.suite.BurstSuite;

/** The burst suite on Postgres, in a small heap. */
class PostgresBurstTest extends BurstSuite {
  @Override
  protected Backend backend() {
    return PostgresBackend.get();
  }
}
