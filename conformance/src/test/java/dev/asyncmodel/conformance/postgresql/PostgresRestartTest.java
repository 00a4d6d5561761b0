package dev.asyncmodel.conformance.postgresql;

import static dev.asyncmodel.conformance.fixture.Await.await;
import static dev.asyncmodel.conformance.fixture.Await.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.Database;
import dev.asyncmodel.DatabaseException;
import dev.asyncmodel.conformance.fixture.TlsPostgres;
import dev.asyncmodel.conformance.model.Users;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server that crashes and comes back, and backends ended by {@code pg_terminate_backend}: on a
 * PostgreSQL server of the test's own, so that nothing else is disturbed. While it is down every
 * request fails, none hangs; once it is back, and once the ended connections are gone, every
 * request succeeds on new connections, the pipelined reads' included.
 */
class PostgresRestartTest {
  private static Vertx vertx;
  private static TlsPostgres server;

  @BeforeAll
  static void start() {
    server = TlsPostgres.startOrSkip("PostgresRestartTest");
    vertx = Vertx.vertx();
    Database setup =
        Database.connect(vertx, "postgresql://postgres@127.0.0.1:" + server.port() + "/postgres");
    try {
      await(setup.createTables(Users.model()));
    } finally {
      await(setup.close());
    }
  }

  @AfterAll
  static void stop() {
    if (vertx != null) {
      await(vertx.close());
    }
    if (server != null) {
      server.close();
    }
  }

  private String url() {
    return "postgresql://postgres@127.0.0.1:"
        + server.port()
        + "/postgres?application_name=asyncmodel-restart&connect_timeout=2000";
  }

  /** Many reads at once, so that several pipelined connections are open. */
  private static List<Future<Long>> reads(Database db, int n) {
    List<Future<Long>> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(Users.objects(db).acount());
    }
    return all;
  }

  private static Future<Void> pause(long millis) {
    return Future.future(p -> vertx.setTimer(millis, id -> p.complete()));
  }

  @Test
  void aServerThatCrashesFailsEveryRequestAndServesAgainOnceBack() {
    Database db = Database.connect(vertx, url());
    try {
      await(Future.all(reads(db, 32)));
      server.stop();
      List<Future<Long>> during = reads(db, 32);
      for (Future<Long> read : during) {
        failure(read, DatabaseException.class);
      }
      server.restart();
      for (Future<Long> read : reads(db, 64)) {
        assertEquals(0L, await(read), "served again");
      }
    } finally {
      await(db.close());
    }
  }

  @Test
  void backendsEndedByTheServerAreReplaced() {
    Database db = Database.connect(vertx, url());
    try {
      await(Future.all(reads(db, 32)));
      Database admin =
          Database.connect(vertx, "postgresql://postgres@127.0.0.1:" + server.port() + "/postgres");
      try {
        long ended =
            await(
                admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE application_name = ?",
                    "asyncmodel-restart"));
        assertTrue(ended > 0, "ended " + ended);
        await(pause(200));
        for (Future<Long> read : reads(db, 64)) {
          assertEquals(0L, await(read), "served on new connections");
        }
        assertEquals(1L, await(db.execute("SELECT 1 WHERE ? = 1", 1)), "writes' pool too");
      } finally {
        await(admin.close());
      }
    } finally {
      await(db.close());
    }
  }
}
