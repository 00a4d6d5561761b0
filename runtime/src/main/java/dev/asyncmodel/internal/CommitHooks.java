package dev.asyncmodel.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * The callbacks a transaction runs once it has committed: Django's {@code transaction.on_commit}. A
 * savepoint that rolls back drops the callbacks registered inside it; a transaction that rolls back
 * drops them all. A callback that throws is logged and the others still run: the transaction has
 * committed, so its Future succeeds whatever a callback does.
 */
public final class CommitHooks {
  private static final System.Logger LOG = System.getLogger("dev.asyncmodel");

  private final List<Runnable> callbacks = new ArrayList<>();

  /**
   * @param callback what to run after the commit
   */
  public synchronized void add(Runnable callback) {
    callbacks.add(callback);
  }

  /**
   * @return a mark to {@link #rollBackTo} when a savepoint starting now rolls back
   */
  synchronized int mark() {
    return callbacks.size();
  }

  /**
   * Drops the callbacks registered since {@code mark}.
   *
   * @param mark what {@link #mark} gave
   */
  synchronized void rollBackTo(int mark) {
    callbacks.subList(mark, callbacks.size()).clear();
  }

  /** Runs every callback, in the order they were registered, once the transaction committed. */
  void runAll() {
    List<Runnable> run;
    synchronized (this) {
      run = List.copyOf(callbacks);
      callbacks.clear();
    }
    for (Runnable callback : run) {
      try {
        callback.run();
      } catch (RuntimeException | Error e) {
        LOG.log(Level.ERROR, "An onCommit callback failed after the commit: " + e, e);
      }
    }
  }
}
