package dev.asyncmodel.conformance.suite;

import static dev.asyncmodel.conformance.fixture.Await.await;
import static dev.asyncmodel.conformance.fixture.Await.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.Database;
import dev.asyncmodel.IntegrityException;
import dev.asyncmodel.conformance.fixture.ConformanceTest;
import dev.asyncmodel.conformance.fixture.Telemetry;
import dev.asyncmodel.conformance.model.User;
import dev.asyncmodel.conformance.model.Users;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code telemetry=opentelemetry}: a CLIENT span per statement, with the stable database semantic
 * conventions and never a value, the histogram {@code db.client.operation.duration}, and the pool's
 * connection count.
 */
public abstract class TelemetrySuite extends ConformanceTest {
  private static AttributeKey<String> key(String name) {
    return AttributeKey.stringKey(name);
  }

  @BeforeEach
  void resetTelemetry() {
    Telemetry.install();
    Telemetry.SPANS.reset();
    Telemetry.METRICS.collectAllMetrics(); // drops what earlier tests recorded
  }

  private Database traced() {
    String url = backend().url();
    return Database.connect(
        vertx, url + (url.contains("?") ? "&" : "?") + "telemetry=opentelemetry");
  }

  private List<SpanData> spans() {
    return Telemetry.SPANS.getFinishedSpanItems();
  }

  @Test
  void eachStatementIsAClientSpanWithTheSemanticConventionsAndNoValue() {
    Database db2 = traced();
    try {
      User ann = await(Users.objects(db2).acreate(new User(null, "ann-7f3c")));
      await(Users.objects(db2).aget(Users.USERNAME.eq("ann-7f3c")));
      await(Users.objects(db2).filter(Users.ID.eq(ann.id())).acount());
      failure(Users.objects(db2).acreate(new User(null, "ann-7f3c")), IntegrityException.class);
    } finally {
      await(db2.close());
    }
    List<SpanData> spans = spans();
    assertEquals(
        List.of("INSERT auth_user", "SELECT auth_user", "SELECT auth_user", "INSERT auth_user"),
        spans.stream().map(SpanData::getName).toList());
    String system = backend().name().equals("mysql") ? "mysql" : backend().name();
    for (SpanData span : spans) {
      assertEquals(SpanKind.CLIENT, span.getKind());
      var attributes = span.getAttributes();
      assertEquals(system, attributes.get(key("db.system.name")));
      assertEquals("auth_user", attributes.get(key("db.collection.name")));
      String query = attributes.get(key("db.query.text"));
      assertTrue(query.contains("auth_user"), query);
      assertFalse(query.contains("ann-7f3c"), "a value was recorded: " + query);
      assertFalse(attributes.get(key("db.namespace")).isEmpty());
      if (!backend().name().equals("sqlite")) {
        assertEquals(URI.create(backend().url()).getHost(), attributes.get(key("server.address")));
      }
    }
    assertEquals("INSERT", spans.get(0).getAttributes().get(key("db.operation.name")));
    assertEquals("SELECT", spans.get(1).getAttributes().get(key("db.operation.name")));
    SpanData refused = spans.get(3);
    assertEquals(StatusCode.ERROR, refused.getStatus().getStatusCode());
    assertEquals(
        IntegrityException.class.getName(), refused.getAttributes().get(key("error.type")));
    assertFalse(
        refused.getStatus().getDescription().contains("ann-7f3c"), "no value in the status");
    assertEquals(StatusCode.UNSET, spans.get(0).getStatus().getStatusCode());
  }

  @Test
  void aStreamIsOneSpanFromItsFirstReadToItsCloseWithItsRows() {
    Database db2 = traced();
    try {
      for (int i = 0; i < 5; i++) {
        await(Users.objects(db2).acreate(new User(null, "streamed-" + i)));
      }
      Telemetry.SPANS.reset();
      io.vertx.core.Promise<Void> ended = io.vertx.core.Promise.promise();
      Users.objects(db2)
          .aiterator(2)
          .exceptionHandler(ended::tryFail)
          .endHandler(ended::tryComplete)
          .handler(u -> {});
      await(ended.future());
    } finally {
      await(db2.close());
    }
    List<SpanData> spans = spans();
    assertEquals(List.of("SELECT auth_user"), spans.stream().map(SpanData::getName).toList());
    assertEquals(
        5L, spans.get(0).getAttributes().get(AttributeKey.longKey("db.response.returned_rows")));
    assertEquals(StatusCode.UNSET, spans.get(0).getStatus().getStatusCode());
  }

  @Test
  void theDurationHistogramAndThePoolsConnectionsAreRecorded() {
    Database db2 = traced();
    try {
      for (int i = 0; i < 5; i++) {
        await(Users.objects(db2).acount());
      }
      Collection<MetricData> metrics = Telemetry.METRICS.collectAllMetrics();
      MetricData duration =
          metrics.stream()
              .filter(m -> m.getName().equals("db.client.operation.duration"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no duration in " + names(metrics)));
      assertEquals("s", duration.getUnit());
      long count =
          duration.getHistogramData().getPoints().stream()
              .mapToLong(HistogramPointData::getCount)
              .sum();
      assertTrue(count >= 5, "recorded " + count);
      assertTrue(
          metrics.stream().anyMatch(m -> m.getName().equals("db.client.connection.count")),
          names(metrics));
      assertTrue(
          metrics.stream()
              .anyMatch(m -> m.getName().equals("db.client.connection.pending_requests")),
          names(metrics));
    } finally {
      await(db2.close());
    }
  }

  @Test
  void aDatabaseWithoutTheSettingRecordsNothing() {
    await(Users.objects(db).acreate(new User(null, "bob")));
    await(Users.objects(db).acount());
    assertEquals(List.of(), spans());
  }

  private static String names(Collection<MetricData> metrics) {
    return metrics.stream().map(MetricData::getName).collect(Collectors.joining(", "));
  }
}
