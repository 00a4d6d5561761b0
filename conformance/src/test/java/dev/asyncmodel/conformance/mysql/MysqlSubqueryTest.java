package dev.asyncmodel.conformance.mysql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.MysqlBackend;
import dev.asyncmodel.conformance.suite.SubquerySuite;

/** The subquery suite on MySQL. */
class MysqlSubqueryTest extends SubquerySuite {
  @Override
  protected Backend backend() {
    return MysqlBackend.get();
  }
}
