package dev.asyncmodel.conformance.mysql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.MysqlBackend;
import dev.asyncmodel.conformance.suite.BurstSuite;

/** The burst suite on Mysql, in a small heap. */
class MysqlBurstTest extends BurstSuite {
  @Override
  protected Backend backend() {
    return MysqlBackend.get();
  }
}
