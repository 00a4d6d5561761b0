package dev.asyncmodel;

/**
 * A transaction's isolation level, for {@link TransactionOptions#isolation}. SQLite runs every
 * transaction serializably (one writer at a time), which satisfies each of these.
 */
public enum Isolation {
  /** Each statement sees what was committed before it started. MySQL's connections default. */
  READ_COMMITTED,
  /** Every statement sees what was committed before the transaction's first one. */
  REPEATABLE_READ,
  /**
   * As if the transactions ran one after another: a conflict fails one of them with SQLSTATE 40001,
   * which {@link TransactionOptions#retries} can run again.
   */
  SERIALIZABLE
}
