package dev.asyncmodel.conformance.postgresql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.PostgresBackend;
import dev.asyncmodel.conformance.suite.DjangoDatabaseSuite;

/** The Django database suite on PostgreSQL. */
class PostgresDjangoDatabaseTest extends DjangoDatabaseSuite {
  @Override
  protected Backend backend() {
    return PostgresBackend.get();
  }
}
