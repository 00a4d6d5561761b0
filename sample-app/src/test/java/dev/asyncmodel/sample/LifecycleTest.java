package dev.asyncmodel.sample;

import static dev.asyncmodel.sample.fixture.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.sample.fixture.Http;
import dev.asyncmodel.sample.fixture.Http.Reply;
import dev.asyncmodel.testfixtures.TestDatabases;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Starting, failing to start, failing unexpectedly, and stopping. */
class LifecycleTest {
  private Vertx vertx;

  @BeforeEach
  void vertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void close() {
    await(vertx.close());
  }

  private static Config config(String url) {
    return new Config("127.0.0.1", 0, url, ApiContract.TEST_ITERATIONS, 16);
  }

  @Test
  void anUnexpectedFailureIsA500WithAGenericBodyAndTheCauseIsLogged() {
    App app = await(App.start(vertx, config(TestDatabases.sqlite("sample.db").url())));
    Http http = new Http(vertx, app.port());
    Logger logger = Logger.getLogger("dev.asyncmodel.sample");
    StringBuilder logged = new StringBuilder();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.append(record.getMessage()).append(' ').append(record.getThrown());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(capture);
    try {
      // The database goes away under the running server.
      await(app.database().close());
      Reply reply = http.get("/api/transactions", new Http.Login("someone", "pw"));
      assertEquals(500, reply.status(), reply::toString);
      assertEquals("{\"error\":\"Internal server error.\"}", reply.body());
      assertTrue(logged.toString().contains("IllegalStateException"), logged::toString);
    } finally {
      logger.removeHandler(capture);
      http.close();
      await(app.stop());
    }
  }

  @Test
  void aBadDatabaseUrlFailsTheStartSayingWhichVariable() {
    Exception e =
        assertThrows(
            Exception.class,
            () -> App.start(vertx, config("oracle://x/y")).await(10, TimeUnit.SECONDS));
    assertTrue(e.getMessage().startsWith("DATABASE_URL"), e.getMessage());
  }

  @Test
  void anUnreachableDatabaseFailsTheStart() {
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                App.start(vertx, config("postgresql://nobody:pw@127.0.0.1:1/none"))
                    .await(20, TimeUnit.SECONDS));
    assertFalse(e.getMessage().contains(":pw@"), e.getMessage());
  }

  @Test
  void stopClosesTheServerAndTheDatabase() {
    App app = await(App.start(vertx, config(TestDatabases.sqlite("sample.db").url())));
    int port = app.port();
    Http http = new Http(vertx, port);
    assertEquals(404, http.get("/", null).status());
    await(app.stop());
    await(app.stop());
    assertThrows(Exception.class, () -> http.get("/", null), "nothing listens any more");
    http.close();
  }
}
