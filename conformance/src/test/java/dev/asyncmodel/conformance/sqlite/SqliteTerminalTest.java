package dev.asyncmodel.conformance.sqlite;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.SqliteBackend;
import dev.asyncmodel.conformance.suite.TerminalSuite;

/** The terminal suite on SQLite. */
class SqliteTerminalTest extends TerminalSuite {
  @Override
  protected Backend backend() {
    return SqliteBackend.get();
  }
}
