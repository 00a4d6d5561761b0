package dev.asyncmodel.conformance.postgresql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.PostgresBackend;
import dev.asyncmodel.conformance.suite.SubquerySuite;

/** The subquery suite on PostgreSQL. */
class PostgresSubqueryTest extends SubquerySuite {
  @Override
  protected Backend backend() {
    return PostgresBackend.get();
  }
}
