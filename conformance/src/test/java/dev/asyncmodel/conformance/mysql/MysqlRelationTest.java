package dev.asyncmodel.conformance.mysql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.MysqlBackend;
import dev.asyncmodel.conformance.suite.RelationSuite;

/** The relation suite on MySQL. */
class MysqlRelationTest extends RelationSuite {
  @Override
  protected Backend backend() {
    return MysqlBackend.get();
  }
}
