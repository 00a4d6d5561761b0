package dev.asyncmodel.conformance.postgresql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.PostgresBackend;
import dev.asyncmodel.conformance.suite.StreamMemorySuite;

/** The small-heap stream suite on Postgres. */
class PostgresStreamMemoryTest extends StreamMemorySuite {
  @Override
  protected Backend backend() {
    return PostgresBackend.get();
  }
}
