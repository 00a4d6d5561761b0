package dev.asyncmodel;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A statement ran past its deadline: {@link QuerySet#timeout}, {@link RawQuerySet#timeout} or the
 * URL's {@code query_timeout}. The Future fails when the deadline passes, not when the database
 * answers; the statement is cancelled on the server (PostgreSQL's cancel request, {@code KILL
 * QUERY} on MySQL and MariaDB, an interrupt on SQLite) and its connection is used again once the
 * database has stopped it. Inside {@link Database#atomic}, it fails the block, which rolls back.
 *
 * <p>Also raised when the database itself stops a statement for its own time limit: PostgreSQL's
 * {@code statement_timeout} (SQLSTATE {@code 57014}), MariaDB's {@code max_statement_time} and
 * MySQL's {@code max_execution_time}.
 */
public class QueryTimeoutException extends DatabaseException {
  private static final long serialVersionUID = 1L;

  private final @Nullable Duration timeout;

  /**
   * @param message what timed out
   * @param timeout the deadline that passed, or {@code null} when the database's own limit did
   * @param sqlState the SQLSTATE the database reported, if it stopped the statement itself
   * @param errorCode the database's own error number, if any
   * @param databaseMessage the database's own message, if any
   * @param cause the driver's exception, if any
   */
  public QueryTimeoutException(
      String message,
      @Nullable Duration timeout,
      @Nullable String sqlState,
      @Nullable Integer errorCode,
      @Nullable String databaseMessage,
      @Nullable Throwable cause) {
    super(message, sqlState, errorCode, databaseMessage, cause);
    this.timeout = timeout;
  }

  /**
   * @return the deadline that passed, or {@code null} when the database stopped the statement for a
   *     limit of its own
   */
  public @Nullable Duration timeout() {
    return timeout;
  }
}
