package dev.asyncmodel.internal;

import dev.asyncmodel.QueryTimeoutException;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * When the statements of one call must be done by: {@code QuerySet.timeout(d)} makes one when its
 * terminal method starts, and every statement the method runs (a cascade's, an upsert's retry) gets
 * what is left of it. A URL's {@code query_timeout} is not a Deadline: each statement gets all of
 * it.
 */
public final class Deadline {
  private final Duration timeout;
  private final long expiresAt;

  private Deadline(Duration timeout, long expiresAt) {
    this.timeout = timeout;
    this.expiresAt = expiresAt;
  }

  /**
   * @param timeout from now
   * @return the deadline
   */
  public static Deadline after(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    return new Deadline(timeout, System.nanoTime() + timeout.toNanos());
  }

  /**
   * How long one statement may run, and the timeout to name when it runs out.
   *
   * @param millis the milliseconds left; 0 once the deadline has passed
   * @param timeout the deadline's timeout, or the URL's {@code query_timeout}
   */
  public record Limit(long millis, Duration timeout) {
    /**
     * @param queryTimeoutMillis a URL's {@code query_timeout}, 0 for none
     * @return the limit it puts on every statement, or null for none; made once per database
     */
    public static @Nullable Limit of(long queryTimeoutMillis) {
      return queryTimeoutMillis > 0
          ? new Limit(queryTimeoutMillis, Duration.ofMillis(queryTimeoutMillis))
          : null;
    }
  }

  /**
   * The limit of a session's next statement: what is left of its deadline, which replaces the URL's
   * {@code query_timeout}, else that.
   *
   * @param deadline the session's deadline, if any
   * @param queryTimeout the URL's limit, if any
   * @return the limit, or null for none
   */
  public static @Nullable Limit next(@Nullable Deadline deadline, @Nullable Limit queryTimeout) {
    return deadline == null
        ? queryTimeout
        : new Limit(deadline.remainingMillis(), deadline.timeout);
  }

  /**
   * @return the timeout it was made with
   */
  public Duration timeout() {
    return timeout;
  }

  /**
   * @return the whole milliseconds left, rounded up, or 0 once it has passed
   */
  public long remainingMillis() {
    long left = expiresAt - System.nanoTime();
    return left <= 0 ? 0 : (left + 999_999) / 1_000_000;
  }

  /**
   * The exception of a statement that ran past a timeout, or never started because it had passed.
   *
   * @param timeout the timeout that passed
   * @param statement the statement
   * @param started whether the statement had been sent, and so was cancelled on the server
   * @return the exception
   */
  public static QueryTimeoutException expired(
      Duration timeout, Statement statement, boolean started) {
    return expired(
        timeout,
        statement,
        started
            ? " and was cancelled on the server"
            : ", before it was sent (no connection was free in time)");
  }

  /**
   * The exception of a statement that ran past a timeout and was left to finish: SQLite cannot stop
   * one statement of a transaction without ending the transaction.
   *
   * @param timeout the timeout that passed
   * @param statement the statement
   * @return the exception
   */
  public static QueryTimeoutException expiredInTransaction(Duration timeout, Statement statement) {
    return expired(
        timeout,
        statement,
        "; inside a transaction it is left to finish, and the transaction's next statement waits"
            + " for it");
  }

  private static QueryTimeoutException expired(Duration timeout, Statement statement, String what) {
    return new QueryTimeoutException(
        "Query timed out after "
            + describe(timeout)
            + what
            + " ["
            + statement.model()
            + ": "
            + statement.sql()
            + "]",
        timeout,
        null,
        null,
        null,
        null);
  }

  /**
   * @param timeout a timeout
   * @return it in the unit a person reads best: {@code 250 ms}, {@code 2.5 s}
   */
  static String describe(Duration timeout) {
    long millis = timeout.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    return millis % 1000 == 0 ? millis / 1000 + " s" : String.format("%.3f s", millis / 1000.0);
  }

  @Override
  public String toString() {
    return "Deadline[" + describe(timeout) + ", " + remainingMillis() + " ms left]";
  }
}
