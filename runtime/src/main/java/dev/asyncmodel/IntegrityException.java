package dev.asyncmodel;

import org.jspecify.annotations.Nullable;

/**
 * A constraint refused a write: a duplicate in a unique column, a NULL in a NOT NULL one, a foreign
 * key to a missing row. Django's {@code IntegrityError}.
 */
public class IntegrityException extends DatabaseException {
  private static final long serialVersionUID = 1L;

  private final boolean uniqueViolation;

  /**
   * @param message what failed
   * @param sqlState the SQLSTATE, if any
   * @param uniqueViolation whether a unique constraint refused the write
   * @param cause the driver's exception
   */
  public IntegrityException(
      String message,
      @Nullable String sqlState,
      boolean uniqueViolation,
      @Nullable Throwable cause) {
    this(message, sqlState, null, null, uniqueViolation, cause);
  }

  /**
   * @param message what failed
   * @param sqlState the SQLSTATE, if any
   * @param errorCode the database's own error number, if it has one
   * @param databaseMessage the database's own message, if it gave one
   * @param uniqueViolation whether a unique constraint refused the write
   * @param cause the driver's exception
   */
  public IntegrityException(
      String message,
      @Nullable String sqlState,
      @Nullable Integer errorCode,
      @Nullable String databaseMessage,
      boolean uniqueViolation,
      @Nullable Throwable cause) {
    super(message, sqlState, errorCode, databaseMessage, cause);
    this.uniqueViolation = uniqueViolation;
  }

  /**
   * @return whether a unique constraint (or the primary key) refused the write
   */
  public boolean uniqueViolation() {
    return uniqueViolation;
  }
}
