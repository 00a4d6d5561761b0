package dev.asyncmodel.conformance.postgresql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.PostgresBackend;
import dev.asyncmodel.conformance.suite.StreamSuite;

/** The stream suite on Postgres. */
class PostgresStreamTest extends StreamSuite {
  @Override
  protected Backend backend() {
    return PostgresBackend.get();
  }
}
