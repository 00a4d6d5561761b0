package dev.asyncmodel.conformance.mysql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.MysqlBackend;
import dev.asyncmodel.conformance.suite.JsonSuite;

/** The JSON suite on MySQL and MariaDB. */
class MysqlJsonTest extends JsonSuite {
  @Override
  protected Backend backend() {
    return MysqlBackend.get();
  }
}
