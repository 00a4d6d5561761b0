package dev.asyncmodel.conformance.postgresql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.PostgresBackend;
import dev.asyncmodel.conformance.suite.TerminalSuite;

/** The terminal suite on PostgreSQL. */
class PostgresTerminalTest extends TerminalSuite {
  @Override
  protected Backend backend() {
    return PostgresBackend.get();
  }
}
