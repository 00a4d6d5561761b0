package dev.asyncmodel.conformance.postgresql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.PostgresBackend;
import dev.asyncmodel.conformance.suite.RawSqlSuite;

/** The raw SQL suite on Postgres. */
class PostgresRawSqlTest extends RawSqlSuite {
  @Override
  protected Backend backend() {
    return PostgresBackend.get();
  }
}
