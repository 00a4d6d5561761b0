package dev.asyncmodel.conformance.mysql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.MysqlBackend;
import dev.asyncmodel.conformance.suite.DjangoDatabaseSuite;

/** The Django database suite on MySQL and MariaDB. */
class MysqlDjangoDatabaseTest extends DjangoDatabaseSuite {
  @Override
  protected Backend backend() {
    return MysqlBackend.get();
  }
}
