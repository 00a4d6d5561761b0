package dev.asyncmodel.conformance.sqlite;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.SqliteBackend;
import dev.asyncmodel.conformance.suite.StreamMemorySuite;

/** The small-heap stream suite on Sqlite. */
class SqliteStreamMemoryTest extends StreamMemorySuite {
  @Override
  protected Backend backend() {
    return SqliteBackend.get();
  }
}
