package dev.asyncmodel.conformance.mysql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.MysqlBackend;
import dev.asyncmodel.conformance.suite.FaultSuite;

/** The fault suite on Mysql. */
class MysqlFaultTest extends FaultSuite {
  @Override
  protected Backend backend() {
    return MysqlBackend.get();
  }
}
