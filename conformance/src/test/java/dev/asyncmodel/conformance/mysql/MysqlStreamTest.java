package dev.asyncmodel.conformance.mysql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.MysqlBackend;
import dev.asyncmodel.conformance.suite.StreamSuite;

/** The stream suite on Mysql. */
class MysqlStreamTest extends StreamSuite {
  @Override
  protected Backend backend() {
    return MysqlBackend.get();
  }
}
