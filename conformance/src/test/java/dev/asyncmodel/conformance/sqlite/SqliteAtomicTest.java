package dev.asyncmodel.conformance.sqlite;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.SqliteBackend;
import dev.asyncmodel.conformance.suite.AtomicSuite;

/** The atomic suite on SQLite. */
class SqliteAtomicTest extends AtomicSuite {
  @Override
  protected Backend backend() {
    return SqliteBackend.get();
  }
}
