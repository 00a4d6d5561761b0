package dev.asyncmodel.conformance.mysql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.MysqlBackend;
import dev.asyncmodel.conformance.suite.HeadOfLineSuite;

/** The head-of-line suite on Mysql. */
class MysqlHeadOfLineTest extends HeadOfLineSuite {
  @Override
  protected Backend backend() {
    return MysqlBackend.get();
  }
}
