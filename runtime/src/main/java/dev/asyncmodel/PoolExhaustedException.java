package dev.asyncmodel;

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
   * @param cause the pool's exception
   */
  public PoolExhaustedException(String message, Throwable cause) {
    super(message, null, cause);
  }
}
