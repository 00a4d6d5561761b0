package dev.asyncmodel.conformance.mysql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.MysqlBackend;
import dev.asyncmodel.conformance.suite.BulkSuite;

/** The bulk suite on Mysql. */
class MysqlBulkTest extends BulkSuite {
  @Override
  protected Backend backend() {
    return MysqlBackend.get();
  }
}
