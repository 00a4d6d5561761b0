package dev.asyncmodel.conformance.mysql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.MysqlBackend;
import dev.asyncmodel.conformance.suite.ContractSuite;

/** The contract suite on MySQL or MariaDB, when MYSQL_URL names a server. */
class MysqlContractTest extends ContractSuite {
  @Override
  protected Backend backend() {
    return MysqlBackend.get();
  }
}
