package dev.asyncmodel.conformance.mysql;

import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.MysqlBackend;
import dev.asyncmodel.conformance.suite.TelemetrySuite;

/** The telemetry suite on Mysql. */
class MysqlTelemetryTest extends TelemetrySuite {
  @Override
  protected Backend backend() {
    return MysqlBackend.get();
  }
}
