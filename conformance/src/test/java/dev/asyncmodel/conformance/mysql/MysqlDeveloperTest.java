package dev.asyncmodel.conformance.mysql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.MysqlBackend;
import dev.asyncmodel.conformance.suite.DeveloperSuite;

/** The developer suite on Mysql. */
class MysqlDeveloperTest extends DeveloperSuite {
  @Override
  protected Backend backend() {
    return MysqlBackend.get();
  }
}
