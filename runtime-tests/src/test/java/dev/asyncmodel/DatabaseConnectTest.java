package dev.asyncmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.testmodels.Authors;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link Database#connect} checks the URL at once and opens no connection until a query runs. */
class DatabaseConnectTest {
  private static Vertx vertx;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void closeVertx() throws Exception {
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** The cause a failed Future completes with. */
  private static Throwable failure(Future<?> future) throws Exception {
    ExecutionException e = assertThrows(ExecutionException.class, () -> await(future));
    return e.getCause();
  }

  private static int unusedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void malformedUrlThrowsIllegalArgumentException() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Database.connect(vertx, "postgresql:///app"));
    assertTrue(e.getMessage().contains("no host"), e.getMessage());
  }

  @Test
  void unknownSchemeThrowsIllegalArgumentException() {
    assertThrows(
        IllegalArgumentException.class, () -> Database.connect(vertx, "oracle://localhost/app"));
  }

  @Test
  void wellFormedUrlToAnUnusedPortConnectsWithoutErrorAndCloses() throws Exception {
    Database db = Database.connect(vertx, "postgresql://app@127.0.0.1:" + unusedPort() + "/app");
    await(db.close());
  }

  @Test
  void connectOpensNoConnection() throws Exception {
    try (ServerSocket server = new ServerSocket(0)) {
      server.setSoTimeout(300);
      Database db =
          Database.connect(vertx, "postgresql://app@127.0.0.1:" + server.getLocalPort() + "/app");
      try {
        assertThrows(SocketTimeoutException.class, server::accept, "connect() opened a connection");
      } finally {
        await(db.close());
      }
    }
  }

  @Test
  void unreachableServerShowsUpAsAFailedFuture() throws Exception {
    Database db = Database.connect(vertx, "postgresql://app@127.0.0.1:" + unusedPort() + "/app");
    try {
      Throwable cause = failure(Authors.objects(db).acount());
      assertInstanceOf(DatabaseException.class, cause);
    } finally {
      await(db.close());
    }
  }

  @Test
  void terminalMethodsAfterCloseReturnFailedFutures() throws Exception {
    Database db = Database.connect(vertx, "postgresql://app@127.0.0.1:" + unusedPort() + "/app");
    await(db.close());
    Throwable cause = failure(Authors.objects(db).aall());
    assertInstanceOf(IllegalStateException.class, cause);
    assertEquals("The Database is closed", cause.getMessage());
  }
}
