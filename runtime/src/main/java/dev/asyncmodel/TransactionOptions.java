package dev.asyncmodel;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How {@link Database#atomic(TransactionOptions, java.util.function.Function)} runs its
 * transaction: its isolation level, whether it may write, and how many times it runs again after a
 * serialization failure or a deadlock. Immutable; each method returns a new value.
 *
 * <pre>{@code
 * db.atomic(TransactionOptions.defaults().isolation(Isolation.SERIALIZABLE).retries(3), tx -> ...)
 * }</pre>
 */
public final class TransactionOptions {
  private static final TransactionOptions DEFAULTS = new TransactionOptions(null, false, 0);

  private final @Nullable Isolation isolation;
  private final boolean readOnly;
  private final int retries;

  private TransactionOptions(@Nullable Isolation isolation, boolean readOnly, int retries) {
    this.isolation = isolation;
    this.readOnly = readOnly;
    this.retries = retries;
  }

  /**
   * @return the database's own isolation level, writes allowed, no retry: what {@code
   *     atomic(block)} does
   */
  public static TransactionOptions defaults() {
    return DEFAULTS;
  }

  /**
   * @param level the isolation level
   * @return these options with that level
   */
  public TransactionOptions isolation(Isolation level) {
    return new TransactionOptions(Objects.requireNonNull(level, "level"), readOnly, retries);
  }

  /**
   * A transaction that only reads: a write in it fails with {@link DatabaseException}. On
   * PostgreSQL and MySQL a {@code READ ONLY} transaction; on SQLite, {@code PRAGMA query_only}.
   *
   * @return these options, read-only
   */
  public TransactionOptions readOnly() {
    return new TransactionOptions(isolation, true, retries);
  }

  /**
   * Runs the whole block again, after a short growing pause, when the database ends the transaction
   * as a serialization failure or a deadlock (SQLSTATE 40001, 40P01), at most {@code times} times.
   * The block must then be safe to run again: its writes were rolled back, but what it did outside
   * the database (a message sent) was not; register such effects with {@link Database#onCommit}.
   *
   * @param times how many more attempts, 0 to 10
   * @return these options with the retries
   */
  public TransactionOptions retries(int times) {
    if (times < 0 || times > 10) {
      throw new IllegalArgumentException("retries must be from 0 to 10, not " + times);
    }
    return new TransactionOptions(isolation, readOnly, times);
  }

  /**
   * @return the isolation level, or null for the database's own
   */
  public @Nullable Isolation isolationLevel() {
    return isolation;
  }

  /**
   * @return whether the transaction only reads
   */
  public boolean isReadOnly() {
    return readOnly;
  }

  /**
   * @return how many times the block runs again after a serialization failure
   */
  public int retryCount() {
    return retries;
  }

  /**
   * @return whether these are the defaults, which a savepoint can take
   */
  public boolean isDefault() {
    return isolation == null && !readOnly && retries == 0;
  }

  @Override
  public String toString() {
    return "TransactionOptions[isolation="
        + (isolation == null ? "default" : isolation)
        + (readOnly ? ", read only" : "")
        + ", retries="
        + retries
        + "]";
  }
}
