package dev.asyncmodel.conformance.mysql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.MysqlBackend;
import dev.asyncmodel.conformance.suite.SchemaSuite;

/** The schema suite on MySQL or MariaDB, when MYSQL_URL names a server. */
class MysqlSchemaTest extends SchemaSuite {
  @Override
  protected Backend backend() {
    return MysqlBackend.get();
  }
}
