package dev.asyncmodel.conformance.postgresql;

import static dev.asyncmodel.conformance.fixture.Await.await;
import static dev.asyncmodel.conformance.fixture.Await.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.Database;
import dev.asyncmodel.DatabaseException;
import dev.asyncmodel.conformance.fixture.TlsPostgres;
import io.vertx.core.Vertx;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code sslmode}, {@code sslrootcert} and {@code application_name} against a PostgreSQL server of
 * the test's own with TLS on, its certificate signed by a test authority for {@code localhost}.
 * Whether a connection is encrypted is read from the server ({@code pg_stat_ssl}).
 */
class PostgresTlsTest {
  private static Vertx vertx;
  private static TlsPostgres server;

  @BeforeAll
  static void start() {
    server = TlsPostgres.startOrSkip("PostgresTlsTest");
    vertx = Vertx.vertx();
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

  private String url(String host, String parameters) {
    return "postgresql://postgres@" + host + ":" + server.port() + "/postgres?" + parameters;
  }

  private <T> T with(String url, Function<Database, io.vertx.core.Future<T>> work) {
    Database db = Database.connect(vertx, url);
    try {
      return await(work.apply(db));
    } finally {
      await(db.close());
    }
  }

  /** Whether the connection is encrypted, as the server sees it: a SELECT's count of rows. */
  private boolean sslOf(String url) {
    return with(
            url,
            db ->
                db.execute(
                    "SELECT 1 FROM pg_stat_ssl WHERE pid = pg_backend_pid() AND ssl = ?", true))
        == 1L;
  }

  @Test
  void requireEncryptsAndDisableDoesNot() {
    assertTrue(sslOf(url("localhost", "sslmode=require")), "encrypted");
    assertTrue(!sslOf(url("localhost", "sslmode=disable")), "not encrypted");
    assertTrue(sslOf(url("127.0.0.1", "sslmode=prefer")), "prefer encrypts when it can");
  }

  @Test
  void verifyFullAcceptsTheRightHostAndAuthority() {
    String root = server.rootCertificate().toString();
    assertTrue(sslOf(url("localhost", "sslmode=verify-full&sslrootcert=" + root)));
    assertTrue(sslOf(url("127.0.0.1", "sslmode=verify-ca&sslrootcert=" + root)));
  }

  @Test
  void verifyFullRefusesAnotherHostName() {
    String root = server.rootCertificate().toString();
    DatabaseException e =
        failure(
            Database.connect(vertx, url("127.0.0.1", "sslmode=verify-full&sslrootcert=" + root))
                .execute("SELECT 1"),
            DatabaseException.class);
    assertTrue(
        String.valueOf(e.getCause()).toLowerCase().contains("ssl")
            || String.valueOf(e.getMessage()).toLowerCase().contains("certificate"),
        e.toString());
  }

  @Test
  void verifyCaRefusesACertificateOfAnotherAuthority() {
    String other = server.otherAuthority().toString();
    failure(
        Database.connect(vertx, url("localhost", "sslmode=verify-ca&sslrootcert=" + other))
            .execute("SELECT 1"),
        DatabaseException.class);
  }

  @Test
  void applicationNameReachesTheServer() {
    long named =
        with(
            url("localhost", "sslmode=require&application_name=asyncmodel-tls-test"),
            db ->
                db.execute(
                    "SELECT 1 WHERE current_setting('application_name') = ?",
                    "asyncmodel-tls-test"));
    assertEquals(1L, named);
  }
}
