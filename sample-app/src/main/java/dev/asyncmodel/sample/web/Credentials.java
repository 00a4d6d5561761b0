package dev.asyncmodel.sample.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.jspecify.annotations.Nullable;

/**
 * Password hashing and checking for the handlers: PBKDF2 ({@link Passwords}) on a worker pool of
 * its own, never on an event loop, with a {@link VerifiedCredentials} cache in front of the check.
 */
public final class Credentials {
  private final Passwords passwords;
  private final VerifiedCredentials verified;
  private final WorkerExecutor worker;

  /**
   * Hashed when a user does not exist, so that the answer takes as long as for a wrong password.
   */
  private final Future<String> dummy;

  /**
   * @param vertx the Vert.x instance
   * @param passwords the hasher
   * @param verified the cache of accepted passwords
   * @param threads the size of the worker pool that runs PBKDF2
   */
  public Credentials(Vertx vertx, Passwords passwords, VerifiedCredentials verified, int threads) {
    this.passwords = passwords;
    this.verified = verified;
    this.worker = vertx.createSharedWorkerExecutor("asyncmodel-sample-pbkdf2", threads);
    this.dummy = worker.executeBlocking(() -> passwords.hash("not a password"), false);
  }

  /**
   * @param password a new password
   * @return a Future of its hash in Django's format
   */
  public Future<String> hash(String password) {
    return worker.executeBlocking(() -> passwords.hash(password), false);
  }

  /**
   * Checks a password against a user's stored hash, or, when there is no such user, spends the same
   * time and says no.
   *
   * @param password the password given
   * @param encoded the stored hash, or null when the user does not exist
   * @return a Future of whether the password is right
   */
  public Future<Boolean> check(String password, @Nullable String encoded) {
    if (encoded == null) {
      return dummy.compose(
          hash ->
              worker.executeBlocking(
                  () -> {
                    passwords.verify(password, hash);
                    return false;
                  },
                  false));
    }
    if (verified.contains(encoded, password)) {
      return Future.succeededFuture(true);
    }
    return worker.executeBlocking(
        () -> {
          boolean ok = passwords.verify(password, encoded);
          if (ok) {
            verified.add(encoded, password);
          }
          return ok;
        },
        false);
  }

  /**
   * @return the cache of accepted passwords
   */
  public VerifiedCredentials verified() {
    return verified;
  }

  /**
   * @return a Future completed when the worker pool is closed
   */
  public Future<Void> close() {
    return worker.close();
  }
}
