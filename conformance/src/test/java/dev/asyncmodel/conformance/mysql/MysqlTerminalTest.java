package dev.asyncmodel.conformance.mysql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.MysqlBackend;
import dev.asyncmodel.conformance.suite.TerminalSuite;

/** The terminal suite on MySQL or MariaDB, when MYSQL_URL names a server. */
class MysqlTerminalTest extends TerminalSuite {
  @Override
  protected Backend backend() {
    return MysqlBackend.get();
  }
}
