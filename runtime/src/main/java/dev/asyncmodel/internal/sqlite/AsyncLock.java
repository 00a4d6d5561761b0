package dev.asyncmodel.internal.sqlite;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Supplier;

/**
 * A lock that waits without blocking a thread: {@link #acquire()} completes when the lock is yours,
 * in the order asked. Guards SQLite's one writer connection, which a transaction holds for as long
 * as its block runs.
 */
final class AsyncLock {
  private final Queue<Promise<Void>> waiting = new ArrayDeque<>();
  private boolean held;

  private final Vertx vertx;
  private final long timeoutMillis;
  private final Supplier<RuntimeException> timedOut;

  /**
   * @param vertx for the timers of waiting turns
   * @param timeoutMillis how long a turn waits before it fails
   * @param timedOut the failure of a turn that waited too long
   */
  AsyncLock(Vertx vertx, long timeoutMillis, Supplier<RuntimeException> timedOut) {
    this.vertx = vertx;
    this.timeoutMillis = timeoutMillis;
    this.timedOut = timedOut;
  }

  /**
   * @return a Future completed when the lock is the caller's; failed when it waited longer than the
   *     timeout, so that a caller the holder waits for (a deadlock) fails instead of hanging
   */
  synchronized Future<Void> acquire() {
    if (!held) {
      held = true;
      return Future.succeededFuture();
    }
    Promise<Void> turn = Promise.promise();
    waiting.add(turn);
    long timer =
        vertx.setTimer(
            timeoutMillis,
            id -> {
              boolean gaveUp;
              synchronized (this) {
                gaveUp = waiting.remove(turn);
              }
              if (gaveUp) {
                turn.fail(timedOut.get());
              }
            });
    return turn.future().andThen(done -> vertx.cancelTimer(timer));
  }

  void release() {
    Promise<Void> next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        held = false;
        return;
      }
    }
    next.complete();
  }

  /**
   * Runs {@code work} holding the lock, and releases it when the work's Future completes.
   *
   * @param work the work
   * @param <T> its result
   * @return the work's result
   */
  <T> Future<T> with(Supplier<Future<T>> work) {
    return acquire()
        .compose(
            locked -> {
              Future<T> result;
              try {
                result = work.get();
              } catch (RuntimeException e) {
                release();
                return Future.failedFuture(e);
              }
              return result.andThen(done -> release());
            });
  }
}
