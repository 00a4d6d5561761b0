package dev.asyncmodel.conformance.mysql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.MysqlBackend;
import dev.asyncmodel.conformance.suite.AtomicSuite;

/** The atomic suite on MySQL or MariaDB, when MYSQL_URL names a server. */
class MysqlAtomicTest extends AtomicSuite {
  @Override
  protected Backend backend() {
    return MysqlBackend.get();
  }
}
