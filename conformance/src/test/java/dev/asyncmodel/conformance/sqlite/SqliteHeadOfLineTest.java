package dev.asyncmodel.conformance.sqlite;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.SqliteBackend;
import dev.asyncmodel.conformance.suite.HeadOfLineSuite;

/** The head-of-line suite on Sqlite. */
class SqliteHeadOfLineTest extends HeadOfLineSuite {
  @Override
  protected Backend backend() {
    return SqliteBackend.get();
  }
}
