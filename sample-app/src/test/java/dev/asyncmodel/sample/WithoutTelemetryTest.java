package dev.asyncmodel.sample;

import static dev.asyncmodel.sample.fixture.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.Database;
import dev.asyncmodel.sample.model.Users;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

/**
 * The app does not depend on OpenTelemetry, and neither does the runtime but optionally: without
 * the API on the class path a database works, and one whose URL asks for telemetry is refused with
 * a message saying what is missing.
 */
class WithoutTelemetryTest {
  @Test
  void theApiIsAbsentAndTheRuntimeWorksWithoutIt() {
    assertThrows(
        ClassNotFoundException.class,
        () -> Class.forName("io.opentelemetry.api.GlobalOpenTelemetry"),
        "this test needs a class path without OpenTelemetry");
    Vertx vertx = Vertx.vertx();
    try {
      Database db = Database.connect(vertx, "sqlite::memory:");
      await(db.createTables(Users.model()));
      assertEquals(0L, await(Users.objects(db).acount()));
      await(db.close());
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> Database.connect(vertx, "sqlite::memory:?telemetry=opentelemetry"));
      assertTrue(e.getMessage().contains("io.opentelemetry:opentelemetry-api"), e.getMessage());
    } finally {
      await(vertx.close());
    }
  }
}
