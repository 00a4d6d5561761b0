package dev.asyncmodel.conformance.postgresql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.PostgresBackend;
import dev.asyncmodel.conformance.suite.AtomicSuite;

/** The atomic suite on PostgreSQL. */
class PostgresAtomicTest extends AtomicSuite {
  @Override
  protected Backend backend() {
    return PostgresBackend.get();
  }
}
