package dev.asyncmodel.conformance.sqlite;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.SqliteBackend;
import dev.asyncmodel.conformance.suite.ContractSuite;

/** The contract suite on SQLite. */
class SqliteContractTest extends ContractSuite {
  @Override
  protected Backend backend() {
    return SqliteBackend.get();
  }
}
