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
        "pool_size, pipelining and log_statements", rejected("postgresql://localhost/app?ssl=1"));
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
    IllegalArgumentException e = rejected("postgresql://localhost/app?sslmode=require");
    assertMentions("\"sslmode\"", e);
    assertMentions("pool_size", e);
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
    assertMentions("pool_size and log_statements", rejected("mysql://localhost/app?x=1"));
    assertMentions("pool_size and log_statements", rejected("sqlite:app.db?x=1"));
  }
}
