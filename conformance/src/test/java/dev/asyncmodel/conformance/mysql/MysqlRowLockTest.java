package dev.asyncmodel.conformance.mysql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.MysqlBackend;
import dev.asyncmodel.conformance.suite.RowLockSuite;

/** The row-lock suite on Mysql. */
class MysqlRowLockTest extends RowLockSuite {
  @Override
  protected Backend backend() {
    return MysqlBackend.get();
  }
}
