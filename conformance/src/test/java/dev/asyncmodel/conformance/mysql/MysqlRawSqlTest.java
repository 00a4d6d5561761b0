package dev.asyncmodel.conformance.mysql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.MysqlBackend;
import dev.asyncmodel.conformance.suite.RawSqlSuite;

/** The raw SQL suite on Mysql. */
class MysqlRawSqlTest extends RawSqlSuite {
  @Override
  protected Backend backend() {
    return MysqlBackend.get();
  }
}
