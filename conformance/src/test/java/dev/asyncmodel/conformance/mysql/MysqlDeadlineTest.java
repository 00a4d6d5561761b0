package dev.asyncmodel.conformance.mysql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.MysqlBackend;
import dev.asyncmodel.conformance.suite.DeadlineSuite;

/** The deadline suite on Mysql. */
class MysqlDeadlineTest extends DeadlineSuite {
  @Override
  protected Backend backend() {
    return MysqlBackend.get();
  }
}
