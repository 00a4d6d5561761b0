package dev.asyncmodel.conformance.sqlite;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.SqliteBackend;
import dev.asyncmodel.conformance.suite.StreamSuite;

/** The stream suite on Sqlite. */
class SqliteStreamTest extends StreamSuite {
  @Override
  protected Backend backend() {
    return SqliteBackend.get();
  }
}
