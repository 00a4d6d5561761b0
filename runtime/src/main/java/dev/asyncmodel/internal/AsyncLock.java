package dev.asyncmodel.internal;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * A lock that waits without blocking a thread: {@link #acquire()} completes when the lock is yours,
 * in the order asked. Guards SQLite's one writer connection, which a transaction holds for as long
 * as its block runs.
 */
final class AsyncLock {
  private final Queue<Promise<Void>> waiting = new ArrayDeque<>();
  private boolean held;

  synchronized Future<Void> acquire() {
    if (!held) {
      held = true;
      return Future.succeededFuture();
    }
    Promise<Void> turn = Promise.promise();
    waiting.add(turn);
    return turn.future();
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
  <T> Future<T> with(java.util.function.Supplier<Future<T>> work) {
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
