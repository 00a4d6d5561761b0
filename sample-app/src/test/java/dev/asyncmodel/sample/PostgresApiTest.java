package dev.asyncmodel.sample;

import dev.asyncmodel.sample.fixture.PostgresDatabase;
import dev.asyncmodel.sample.fixture.TestDatabase;

/** The API on PostgreSQL: the server PGHOST names, else an embedded one. */
class PostgresApiTest extends ApiContract {
  @Override
  TestDatabase database() {
    return PostgresDatabase.get();
  }
}
