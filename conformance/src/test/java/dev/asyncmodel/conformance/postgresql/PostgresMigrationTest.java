package dev.asyncmodel.conformance.postgresql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.PostgresBackend;
import dev.asyncmodel.conformance.suite.MigrationSuite;

/** The migration suite on Postgres. */
class PostgresMigrationTest extends MigrationSuite {
  @Override
  protected Backend backend() {
    return PostgresBackend.get();
  }
}
