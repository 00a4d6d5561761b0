package dev.asyncmodel;

import org.jspecify.annotations.Nullable;

/**
 * The database refused a statement, or could not be reached. The message is the database's own,
 * then the model and the statement (its SQL, never its values), in the same form on every backend:
 *
 * <pre>
 * ERROR 1062 (23000): Duplicate entry 'Ann' for key 'name' [Author: INSERT INTO ...]   MySQL
 * ERROR: duplicate key value violates unique constraint "author_name_key" (23505) [Author: ...]
 * </pre>
 *
 * <p>{@link #sqlState()}, {@link #errorCode()} and {@link #databaseMessage()} give the parts;
 * {@link #getCause()} is the driver's exception.
 */
public class DatabaseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String sqlState;
  private final @Nullable Integer errorCode;
  private final @Nullable String databaseMessage;

  /**
   * @param message what failed
   * @param sqlState the SQLSTATE the database reported, if any
   * @param cause the driver's exception
   */
  public DatabaseException(String message, @Nullable String sqlState, @Nullable Throwable cause) {
    this(message, sqlState, null, null, cause);
  }

  /**
   * @param message what failed
   * @param sqlState the SQLSTATE the database reported, if any
   * @param errorCode the database's own error number, if it has one
   * @param databaseMessage the database's own message, if it gave one
   * @param cause the driver's exception
   */
  public DatabaseException(
      String message,
      @Nullable String sqlState,
      @Nullable Integer errorCode,
      @Nullable String databaseMessage,
      @Nullable Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
    this.errorCode = errorCode;
    this.databaseMessage = databaseMessage;
  }

  /**
   * @return the database's own error number: MySQL's and MariaDB's ({@code 1062} for a duplicate
   *     key), SQLite's extended result code ({@code 2067} for a unique constraint); PostgreSQL has
   *     none beside its SQLSTATE
   */
  public @Nullable Integer errorCode() {
    return errorCode;
  }

  /**
   * @return the database's own message, without asyncmodel's additions: {@code Duplicate entry
   *     'Ann' for key 'name'}
   */
  public @Nullable String databaseMessage() {
    return databaseMessage;
  }

  /**
   * @return the SQLSTATE the database reported ({@code 23505} for a unique violation), if any
   */
  public @Nullable String sqlState() {
    return sqlState;
  }
}
