package dev.asyncmodel.conformance.postgresql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.PostgresBackend;
import dev.asyncmodel.conformance.suite.DeveloperSuite;

/** The developer suite on Postgres. */
class PostgresDeveloperTest extends DeveloperSuite {
  @Override
  protected Backend backend() {
    return PostgresBackend.get();
  }
}
