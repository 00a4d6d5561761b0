package dev.asyncmodel.conformance.postgresql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.PostgresBackend;
import dev.asyncmodel.conformance.suite.RowLockSuite;

/** The row-lock suite on Postgres. */
class PostgresRowLockTest extends RowLockSuite {
  @Override
  protected Backend backend() {
    return PostgresBackend.get();
  }
}
