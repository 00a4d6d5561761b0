package dev.asyncmodel.internal;

import org.jspecify.annotations.Nullable;

/**
 * Whether a database, or a transaction inside it, still accepts statements. A closed database, or
 * an atomic block that has ended, fails every later call instead of hanging or reaching a pool that
 * is gone.
 */
public final class Lifecycle {
  private final @Nullable Lifecycle parent;
  private final @Nullable CommitHooks hooks;
  private volatile boolean ended;

  /** A root lifecycle: an open database. */
  public Lifecycle() {
    this(null, null);
  }

  private Lifecycle(@Nullable Lifecycle parent, @Nullable CommitHooks hooks) {
    this.parent = parent;
    this.hooks = hooks;
  }

  /**
   * @return a lifecycle that ends with this one, or earlier: a transaction's, with its commit hooks
   */
  public Lifecycle child() {
    return new Lifecycle(this, new CommitHooks());
  }

  /**
   * @return the callbacks of the transaction this is the lifecycle of; null for a database's
   */
  public @Nullable CommitHooks hooks() {
    return hooks;
  }

  /**
   * @return the callbacks of the transaction this is the lifecycle of
   * @throws IllegalStateException on a database's lifecycle
   */
  public CommitHooks transactionHooks() {
    CommitHooks own = hooks;
    if (own == null) {
      throw new IllegalStateException("Not in a transaction");
    }
    return own;
  }

  /**
   * Runs {@code callback} when the transaction this is the lifecycle of commits; on a database's
   * lifecycle, outside any transaction, at once.
   *
   * @param callback what to run
   */
  public void onCommit(Runnable callback) {
    CommitHooks own = hooks;
    if (own == null) {
      callback.run(); // no transaction: committed already
    } else {
      own.add(callback);
    }
  }

  /** Ends it: later statements fail. */
  public void end() {
    ended = true;
  }

  /**
   * @return why statements are refused now, or {@code null} while they are accepted
   */
  public @Nullable IllegalStateException unusable() {
    if (parent != null) {
      IllegalStateException closed = parent.unusable();
      if (closed != null) {
        return closed;
      }
      if (ended) {
        return new IllegalStateException(
            "This atomic block has ended: run later queries on the Database atomic() was called on");
      }
      return null;
    }
    return ended ? new IllegalStateException("The Database is closed") : null;
  }
}
