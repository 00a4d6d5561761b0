package dev.asyncmodel;

import org.jspecify.annotations.Nullable;

/**
 * No connection could be had: every connection of the pool is in use and either {@code max_waiting}
 * requests are already waiting for one, or this one waited {@code acquire_timeout} ms. Nothing was
 * sent to the database, so the operation may be retried as it is. Under overload this is how the
 * excess fails: fast, instead of queueing without bound.
 */
public class PoolExhaustedException extends DatabaseException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was exhausted, and which URL parameter bounds it
   * @param cause the pool's exception, if any
   */
  public PoolExhaustedException(String message, @Nullable Throwable cause) {
    super(message, null, cause);
  }

  /**
   * The failure of a request refused because {@code max_waiting} requests already wait.
   *
   * @param model the model of the refused statement
   * @param sql the refused statement
   * @param cause the pool's exception, if the pool refused it
   * @return the exception
   */
  public static PoolExhaustedException queueFull(
      String model, String sql, @Nullable Throwable cause) {
    return new PoolExhaustedException(
        "No connection is free and the wait queue is full (max_waiting): the request was refused"
            + " at once and nothing was sent; retry later, or raise pool_size or max_waiting in the"
            + " database URL ["
            + model
            + ": "
            + sql
            + "]",
        cause);
  }

  /**
   * No stack trace: a refusal is flow control, raised by the hundred thousand under overload, and
   * where it was raised says nothing; the message names the statement.
   *
   * @return this
   */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
