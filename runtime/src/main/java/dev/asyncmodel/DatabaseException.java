package dev.asyncmodel;

import org.jspecify.annotations.Nullable;

/**
 * The database refused a statement, or could not be reached. The message names the model and the
 * statement (its SQL, never its values); {@link #getCause()} is the driver's exception.
 */
public class DatabaseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String sqlState;

  /**
   * @param message what failed
   * @param sqlState the SQLSTATE the database reported, if any
   * @param cause the driver's exception
   */
  public DatabaseException(String message, @Nullable String sqlState, @Nullable Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
  }

  /**
   * @return the SQLSTATE the database reported ({@code 23505} for a unique violation), if any
   */
  public @Nullable String sqlState() {
    return sqlState;
  }
}
