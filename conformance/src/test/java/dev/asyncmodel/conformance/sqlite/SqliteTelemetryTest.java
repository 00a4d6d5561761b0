package dev.asyncmodel.conformance.sqlite;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.SqliteBackend;
import dev.asyncmodel.conformance.suite.TelemetrySuite;

/** The telemetry suite on Sqlite. */
class SqliteTelemetryTest extends TelemetrySuite {
  @Override
  protected Backend backend() {
    return SqliteBackend.get();
  }
}
