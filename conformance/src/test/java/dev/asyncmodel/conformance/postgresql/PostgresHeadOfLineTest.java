package dev.asyncmodel.conformance.postgresql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.PostgresBackend;
import dev.asyncmodel.conformance.suite.HeadOfLineSuite;

/** The head-of-line suite on Postgres. */
class PostgresHeadOfLineTest extends HeadOfLineSuite {
  @Override
  protected Backend backend() {
    return PostgresBackend.get();
  }
}
