package dev.asyncmodel.conformance.mysql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.MysqlBackend;
import dev.asyncmodel.conformance.suite.ExpressionSuite;

/** The expression suite on MySQL. */
class MysqlExpressionTest extends ExpressionSuite {
  @Override
  protected Backend backend() {
    return MysqlBackend.get();
  }
}
