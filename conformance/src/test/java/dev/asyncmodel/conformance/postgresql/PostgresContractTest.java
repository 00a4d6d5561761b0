package dev.asyncmodel.conformance.postgresql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.PostgresBackend;
import dev.asyncmodel.conformance.suite.ContractSuite;

/** The contract suite on PostgreSQL. */
class PostgresContractTest extends ContractSuite {
  @Override
  protected Backend backend() {
    return PostgresBackend.get();
  }
}
