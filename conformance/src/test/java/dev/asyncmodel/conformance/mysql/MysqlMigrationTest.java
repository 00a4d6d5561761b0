package dev.asyncmodel.conformance.mysql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.MysqlBackend;
import dev.asyncmodel.conformance.suite.MigrationSuite;

/** The migration suite on Mysql. */
class MysqlMigrationTest extends MigrationSuite {
  @Override
  protected Backend backend() {
    return MysqlBackend.get();
  }
}
