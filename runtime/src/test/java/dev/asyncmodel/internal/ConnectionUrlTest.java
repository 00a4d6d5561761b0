package dev.asyncmodel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Parsing connection URLs, and the errors that say what is wrong with a malformed one. */
class ConnectionUrlTest {
  private static IllegalArgumentException rejected(String url) {
    return assertThrows(IllegalArgumentException.class, () -> ConnectionUrl.parse(url));
  }

  private static void assertMentions(String expected, Exception e) {
    assertTrue(
        e.getMessage().contains(expected),
        () -> "expected \"" + expected + "\" in: " + e.getMessage());
  }

  @Test
  void parsesEveryPart() {
    ConnectionUrl url = ConnectionUrl.parse("postgresql://app:secret@db.example.com:6543/shop");
    assertEquals("postgresql", url.backend());
    assertEquals("app", url.user());
    assertEquals("secret", url.password());
    assertEquals("db.example.com", url.host());
    assertEquals(6543, url.port());
    assertEquals("shop", url.database());
    assertEquals(ConnectionUrl.DEFAULT_POOL_SIZE, url.poolSize());
  }

  @Test
  void postgresIsAnAliasOfPostgresqlAndTheSchemeIgnoresCase() {
    assertEquals("postgresql", ConnectionUrl.parse("postgres://localhost/app").backend());
    assertEquals("postgresql", ConnectionUrl.parse("PostgreSQL://localhost/app").backend());
  }

  @Test
  void missingPortIsMinusOneForTheBackendsDefault() {
    assertEquals(-1, ConnectionUrl.parse("postgresql://app@localhost/app").port());
  }

  @Test
  void missingUserIsPostgresAndThereIsNoPassword() {
    ConnectionUrl url = ConnectionUrl.parse("postgresql://localhost/app");
    assertEquals("postgres", url.user());
    assertNull(url.password());
  }

  @Test
  void userWithoutPasswordHasNoPassword() {
    ConnectionUrl url = ConnectionUrl.parse("postgresql://app@localhost/app");
    assertEquals("app", url.user());
    assertNull(url.password());
  }

  @Test
  void userPasswordAndDatabaseAreUrlDecoded() {
    ConnectionUrl url =
        ConnectionUrl.parse("postgresql://j%C3%BCrgen:p%40ss%3Aw%2Fo+rd%25@localhost/my%20db");
    assertEquals("jürgen", url.user());
    assertEquals("p@ss:w/o+rd%", url.password());
    assertEquals("my db", url.database());
  }

  @Test
  void poolSizeParameterSetsThePoolSize() {
    assertEquals(20, ConnectionUrl.parse("postgresql://localhost/app?pool_size=20").poolSize());
    assertEquals(1, ConnectionUrl.parse("postgresql://localhost/app?pool_size=1").poolSize());
    assertEquals(1024, ConnectionUrl.parse("postgresql://localhost/app?pool_size=1024").poolSize());
  }

  @Test
  void pipeliningIsFourOnPostgresqlAndOneElsewhereUnlessSet() {
    assertEquals(4, ConnectionUrl.parse("postgresql://localhost/app").pipelining());
    assertEquals(1, ConnectionUrl.parse("postgresql://localhost/app?pipelining=1").pipelining());
    assertEquals(
        256,
        ConnectionUrl.parse("postgres://localhost/app?pool_size=4&pipelining=256").pipelining());
    assertEquals(1, ConnectionUrl.parse("mysql://localhost/app").pipelining());
    assertEquals(1, ConnectionUrl.parse("sqlite:app.db").pipelining());
  }

  @Test
  void pipeliningOutOfRangeOrOffPostgresqlIsRejected() {
    assertMentions(
        "pipelining must be a whole number from 1 (no pipelining) to 256, not \"0\"",
        rejected("postgresql://localhost/app?pipelining=0"));
    assertMentions("not \"257\"", rejected("postgresql://localhost/app?pipelining=257"));
    assertMentions("not \"two\"", rejected("postgresql://localhost/app?pipelining=two"));
    assertMentions("PostgreSQL only", rejected("mysql://localhost/app?pipelining=2"));
    assertMentions(
        "the known ones are acquire_timeout, application_name, connect_timeout,"
            + " log_slow_statements, log_statements, max_waiting, pipelining, pool_size,"
            + " query_timeout, sslmode, sslrootcert and telemetry",
        rejected("postgresql://localhost/app?ssl=1"));
  }

  @Test
  void toStringNeverShowsThePassword() {
    ConnectionUrl url = ConnectionUrl.parse("postgresql://app:s3cr3t@localhost:5432/app");
    assertEquals("postgresql://app:***@localhost:5432/app", url.toString());
    assertFalse(url.toString().contains("s3cr3t"));
  }

  @Test
  void toStringLeavesOutAMissingPort() {
    assertEquals(
        "postgresql://app@localhost/app",
        ConnectionUrl.parse("postgresql://app@localhost/app").toString());
  }

  // ---------------------------------------------------------------------------------------------
  // Errors.

  @Test
  void urlWithoutSchemeIsRejected() {
    assertMentions("no scheme", rejected("localhost/app"));
    assertMentions("no scheme", rejected(":5432/app"));
  }

  @Test
  void unknownSchemeIsRejectedNamingIt() {
    IllegalArgumentException e = rejected("mongodb://localhost/app");
    assertMentions("Unknown database URL scheme \"mongodb\"", e);
    assertMentions("postgresql://", e);
  }

  @Test
  void urlWithoutHostIsRejected() {
    assertMentions("no host", rejected("postgresql:///app"));
    assertMentions("no host", rejected("postgresql:app"));
  }

  @Test
  void urlWithoutDatabaseIsRejected() {
    assertMentions("no database", rejected("postgresql://localhost"));
    assertMentions("no database", rejected("postgresql://localhost:5432/"));
    assertMentions("no database", rejected("postgresql://localhost/app/extra"));
  }

  @Test
  void unknownParameterIsRejectedNamingItAndTheKnownOne() {
    IllegalArgumentException e = rejected("postgresql://localhost/app?ssl_mode=required");
    assertMentions("\"ssl_mode\"", e);
    assertMentions("pool_size", e);
    assertMentions("sslmode", e);
    IllegalArgumentException mysql = rejected("mysql://localhost/app?sslmode=require");
    assertMentions("\"sslmode\"", mysql);
    assertMentions("ssl_mode", mysql);
  }

  @Test
  void limitsDefaultToNoQueryDeadlineAndABoundedWaitQueue() {
    ConnectionUrl.Limits limits = ConnectionUrl.parse("postgresql://localhost/app").limits();
    assertEquals(ConnectionUrl.Limits.DEFAULTS, limits);
    assertEquals(0, limits.queryTimeoutMillis());
    assertEquals(100_000, limits.maxWaiting());
    assertEquals(30_000, limits.acquireTimeoutMillis());
    assertEquals(10_000, limits.connectTimeoutMillis());
    assertEquals(0, ConnectionUrl.parse("sqlite:app.db").limits().queryTimeoutMillis());
  }

  @Test
  void limitsAreReadFromTheUrl() {
    ConnectionUrl.Limits limits =
        ConnectionUrl.parse(
                "mysql://localhost/app?query_timeout=250&connect_timeout=1500"
                    + "&acquire_timeout=800&max_waiting=0")
            .limits();
    assertEquals(new ConnectionUrl.Limits(250, 1500, 800, 0, 0), limits);
    assertEquals(
        5000,
        ConnectionUrl.parse("sqlite:app.db?query_timeout=5000").limits().queryTimeoutMillis());
  }

  @Test
  void telemetryIsOffUnlessTheUrlAsksForOpenTelemetry() {
    assertFalse(ConnectionUrl.parse("postgresql://localhost/app").openTelemetry());
    assertTrue(
        ConnectionUrl.parse("mysql://localhost/app?telemetry=opentelemetry").openTelemetry());
    assertTrue(ConnectionUrl.parse("sqlite:app.db?telemetry=OpenTelemetry").openTelemetry());
    assertFalse(ConnectionUrl.parse("sqlite:app.db?telemetry=off").openTelemetry());
    assertMentions(
        "telemetry must be one of off, opentelemetry, not \"zipkin\"",
        rejected("postgresql://localhost/app?telemetry=zipkin"));
  }

  @Test
  void theSlowStatementLogTakesAThresholdInMilliseconds() {
    assertEquals(
        0, ConnectionUrl.parse("postgresql://localhost/app").limits().slowStatementMillis());
    assertEquals(
        250,
        ConnectionUrl.parse("sqlite:app.db?log_slow_statements=250")
            .limits()
            .slowStatementMillis());
    assertMentions(
        "log_slow_statements is in milliseconds",
        rejected("mysql://localhost/app?log_slow_statements=fast"));
  }

  @Test
  void limitsOutOfRangeAreRejected() {
    assertMentions(
        "query_timeout is in milliseconds: a whole number from 0 (none) to 86400000 (a day),"
            + " not \"-1\"",
        rejected("postgresql://localhost/app?query_timeout=-1"));
    assertMentions("not \"1s\"", rejected("postgresql://localhost/app?query_timeout=1s"));
    assertMentions(
        "connect_timeout is in milliseconds: a whole number from 1 to",
        rejected("postgresql://localhost/app?connect_timeout=0"));
    assertMentions(
        "acquire_timeout is in milliseconds", rejected("mysql://localhost/app?acquire_timeout="));
    assertMentions(
        "max_waiting must be a whole number from 0",
        rejected("postgresql://localhost/app?max_waiting=-5"));
    assertMentions(
        "applies to server databases only", rejected("sqlite:app.db?acquire_timeout=100"));
    assertMentions("applies to server databases only", rejected("sqlite:app.db?connect_timeout=5"));
    assertEquals(7, ConnectionUrl.parse("sqlite:app.db?max_waiting=7").limits().maxWaiting());
  }

  @Test
  void postgresqlTakesLibpqsTlsModesAndAnApplicationName() {
    ConnectionUrl url =
        ConnectionUrl.parse("postgresql://localhost/app?sslmode=REQUIRE&application_name=billing");
    assertEquals(
        java.util.Map.of("sslmode", "require", "application_name", "billing"), url.options());
    assertMentions(
        "sslmode must be one of disable, allow, prefer, require, verify-ca, verify-full, not"
            + " \"on\"",
        rejected("postgresql://localhost/app?sslmode=on"));
    assertMentions(
        "sslmode=verify-full checks the server's certificate against a certificate authority:"
            + " name its PEM file with sslrootcert=",
        rejected("postgresql://localhost/app?sslmode=verify-full"));
    assertMentions(
        "sslrootcert must name a readable PEM file",
        rejected("postgresql://localhost/app?sslmode=verify-ca&sslrootcert=/no/such/file.crt"));
    assertMentions(
        "application_name is at most 63 printable ASCII characters",
        rejected("postgresql://localhost/app?application_name=" + "x".repeat(64)));
  }

  @Test
  void mysqlTakesTheSslModesThatNeedNoAuthority() {
    assertEquals(
        java.util.Map.of("ssl_mode", "required"),
        ConnectionUrl.parse("mysql://localhost/app?ssl_mode=REQUIRED").options());
    assertMentions(
        "ssl_mode must be one of disabled, preferred, required, not \"verify_identity\"",
        rejected("mariadb://localhost/app?ssl_mode=verify_identity"));
  }

  @Test
  void poolSizeOutOfRangeIsRejected() {
    assertMentions(
        "pool_size must be a whole number from 1 to 1024, not \"0\"",
        rejected("postgresql://localhost/app?pool_size=0"));
    assertMentions("not \"1025\"", rejected("postgresql://localhost/app?pool_size=1025"));
    assertMentions("not \"-3\"", rejected("postgresql://localhost/app?pool_size=-3"));
  }

  @Test
  void poolSizeThatIsNotANumberIsRejected() {
    assertMentions("not \"eight\"", rejected("postgresql://localhost/app?pool_size=eight"));
    assertMentions("not \"\"", rejected("postgresql://localhost/app?pool_size"));
    assertMentions("not \"2.5\"", rejected("postgresql://localhost/app?pool_size=2.5"));
  }

  @Test
  void portThatIsNotANumberIsRejectedAsABadPortNotAMissingHost() {
    IllegalArgumentException e = rejected("postgresql://localhost:abc/app");
    assertMentions("port", e);
    assertFalse(e.getMessage().contains("has no host"), e.getMessage());
  }

  @Test
  void portOutOfRangeIsRejected() {
    assertMentions("port", rejected("postgresql://localhost:70000/app"));
    assertMentions("port", rejected("postgresql://localhost:0/app"));
  }

  @Test
  void syntaxErrorIsRejectedWithItsPosition() {
    assertMentions("Malformed database URL at index", rejected("postgresql://local host/app"));
  }

  @Test
  void errorsNeverEchoThePassword() {
    String[] urls = {
      "postgresql://app:s3cr3t@localhost:abc/app",
      "postgresql://app:s3cr3t@localhost",
      "postgresql://app:s3cr3t @localhost/app",
      "postgresql://app:s3cr3t@local host/app",
      "postgresql://app:s3%ZZcr3t@localhost/app",
    };
    for (String url : urls) {
      IllegalArgumentException e = rejected(url);
      assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
      assertNull(e.getCause(), () -> "the cause may quote the URL: " + url);
    }
  }

  @Test
  void logStatementsIsOffUnlessTheUrlTurnsItOnOnEveryBackend() {
    assertFalse(ConnectionUrl.parse("postgresql://localhost/app").logStatements());
    assertTrue(
        ConnectionUrl.parse("postgresql://localhost/app?log_statements=true").logStatements());
    assertTrue(ConnectionUrl.parse("mysql://localhost/app?log_statements=1").logStatements());
    assertTrue(ConnectionUrl.parse("sqlite:app.db?log_statements").logStatements());
    assertFalse(ConnectionUrl.parse("sqlite:app.db?log_statements=false").logStatements());
    assertMentions(
        "log_statements must be true or false, not \"yes\"",
        rejected("postgresql://localhost/app?log_statements=yes"));
    assertMentions(
        "acquire_timeout, connect_timeout, log_slow_statements, log_statements, max_waiting,"
            + " pool_size, query_timeout, ssl_mode and telemetry",
        rejected("mysql://localhost/app?x=1"));
    assertMentions(
        "the known ones are log_slow_statements, log_statements, max_waiting, pool_size,"
            + " query_timeout and telemetry",
        rejected("sqlite:app.db?x=1"));
  }
}
