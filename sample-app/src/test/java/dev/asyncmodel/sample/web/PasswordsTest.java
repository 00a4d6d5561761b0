package dev.asyncmodel.sample.web;

import static dev.asyncmodel.sample.fixture.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

/** Django's PBKDF2 hashes, and the cache of verified ones. */
class PasswordsTest {
  private final Passwords passwords = new Passwords(1000);

  /** Computed with Python's {@code hashlib.pbkdf2_hmac}, which is what Django calls. */
  @Test
  void verifiesHashesThatDjangoMade() {
    assertTrue(
        passwords.verify(
            "lètmein", "pbkdf2_sha256$1000$seasalt$JgZryXe2Ga8ysg6XbzkLpTdyPQrHqsinbL9BnnhgX4A="));
    assertFalse(
        passwords.verify(
            "letmein", "pbkdf2_sha256$1000$seasalt$JgZryXe2Ga8ysg6XbzkLpTdyPQrHqsinbL9BnnhgX4A="));
    // Django 5.2's default iteration count; the stored count is used, whatever new hashes get.
    assertTrue(
        passwords.verify(
            "correct horse",
            "pbkdf2_sha256$1000000$abcdefghijklmnopqrstuv$RQsDuUkUYsVKKMGEVf7KhP1xnDLlZ9RiOO63KN0aAbE="));
  }

  @Test
  void hashesInDjangosFormatWithANewSaltEachTime() {
    String first = passwords.hash("s3cret");
    String second = passwords.hash("s3cret");
    assertTrue(first.matches("pbkdf2_sha256\\$1000\\$[A-Za-z0-9]{22}\\$[A-Za-z0-9+/]{43}="), first);
    assertNotEquals(first, second);
    assertTrue(first.length() <= 128, "fits auth_user.password");
    assertTrue(passwords.verify("s3cret", first));
    assertTrue(passwords.verify("s3cret", second));
    assertFalse(passwords.verify("s3cret ", first));
    assertFalse(passwords.verify("", first));
    assertEquals(1_000_000, Passwords.DJANGO_ITERATIONS, "Django 5.2's default");
  }

  @Test
  void refusesHashesInOtherFormats() {
    for (String encoded :
        new String[] {
          "",
          "s3cret",
          "!unusable",
          "md5$salt$abc",
          "pbkdf2_sha1$1000$salt$abc=",
          "pbkdf2_sha256$x$salt$abc=",
          "pbkdf2_sha256$0$salt$abc=",
          "pbkdf2_sha256$999999999$salt$abc=",
          "pbkdf2_sha256$1000$$abc=",
          "pbkdf2_sha256$1000$salt$",
          "pbkdf2_sha256$1000$salt$***",
          "pbkdf2_sha256$1000$salt$abc=$extra",
        }) {
      assertFalse(passwords.verify("s3cret", encoded), encoded);
    }
  }

  @Test
  void neverRunsOnAnEventLoop() {
    Vertx vertx = Vertx.vertx();
    try {
      Future<String> onLoop =
          Future.future(
              promise ->
                  vertx.runOnContext(
                      v -> {
                        try {
                          promise.complete(passwords.hash("x"));
                        } catch (RuntimeException e) {
                          promise.fail(e);
                        }
                      }));
      Throwable failure =
          assertThrows(
              Exception.class, () -> onLoop.await(10, java.util.concurrent.TimeUnit.SECONDS));
      assertTrue(failure.getMessage().contains("event loop"), failure.toString());

      Credentials credentials = new Credentials(vertx, passwords, new VerifiedCredentials(8), 2);
      String hash = await(credentials.hash("pw"));
      assertTrue(await(credentials.check("pw", hash)));
      assertFalse(await(credentials.check("wrong", hash)));
      assertFalse(await(credentials.check("pw", null)), "no such user");
      await(credentials.close());
    } finally {
      await(vertx.close());
    }
  }

  @Test
  void theCacheRemembersOnlyVerifiedPairsAndIsBounded() {
    VerifiedCredentials cache = new VerifiedCredentials(2);
    cache.add("hash-a", "pw-a");
    assertTrue(cache.contains("hash-a", "pw-a"));
    assertFalse(cache.contains("hash-a", "pw-b"), "another password");
    assertFalse(cache.contains("hash-b", "pw-a"), "another hash: a changed password");
    cache.add("hash-b", "pw-b");
    cache.add("hash-c", "pw-c");
    assertEquals(2, cache.size());
    assertFalse(cache.contains("hash-a", "pw-a"), "the least recently used went");
    assertTrue(cache.contains("hash-c", "pw-c"));

    VerifiedCredentials off = new VerifiedCredentials(0);
    off.add("hash-a", "pw-a");
    assertFalse(off.contains("hash-a", "pw-a"));
    assertEquals(0, off.size());
  }
}
