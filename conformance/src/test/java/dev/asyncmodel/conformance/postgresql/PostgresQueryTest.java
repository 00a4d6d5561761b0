package dev.asyncmodel.conformance.postgresql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.PostgresBackend;
import dev.asyncmodel.conformance.suite.QuerySuite;

/** The query suite on PostgreSQL. */
class PostgresQueryTest extends QuerySuite {
  @Override
  protected Backend backend() {
    return PostgresBackend.get();
  }
}
