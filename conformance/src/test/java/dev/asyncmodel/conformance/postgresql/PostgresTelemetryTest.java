package dev.asyncmodel.conformance.postgresql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.PostgresBackend;
import dev.asyncmodel.conformance.suite.TelemetrySuite;

/** The telemetry suite on Postgres. */
class PostgresTelemetryTest extends TelemetrySuite {
  @Override
  protected Backend backend() {
    return PostgresBackend.get();
  }
}
