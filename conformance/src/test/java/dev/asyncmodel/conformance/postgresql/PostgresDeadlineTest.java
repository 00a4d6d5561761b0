package dev.asyncmodel.conformance.postgresql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.PostgresBackend;
import dev.asyncmodel.conformance.suite.DeadlineSuite;

/** The deadline suite on Postgres. */
class PostgresDeadlineTest extends DeadlineSuite {
  @Override
  protected Backend backend() {
    return PostgresBackend.get();
  }
}
