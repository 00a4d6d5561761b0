package dev.asyncmodel.conformance.mysql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.MysqlBackend;
import dev.asyncmodel.conformance.suite.StreamMemorySuite;

/** The small-heap stream suite on Mysql. */
class MysqlStreamMemoryTest extends StreamMemorySuite {
  @Override
  protected Backend backend() {
    return MysqlBackend.get();
  }
}
