package dev.asyncmodel.testfixtures;

import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for the fixtures' own Futures, from the calling thread, never from an event loop. */
final class Await {
  private static final long SECONDS = 30;

  private Await() {}

  static <T> T await(Future<T> future) {
    try {
      return future.await(SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("The database did not answer in " + SECONDS + " s", e);
    }
  }
}
