package dev.asyncmodel;

import org.jspecify.annotations.Nullable;

/**
 * The database refused a value: a number that does not fit its column ({@code numeric field
 * overflow}, SQLSTATE {@code 22003}), a division by zero ({@code 22012}), any SQLSTATE of class
 * {@code 22}. Django's {@code DataError}. The statement changed nothing.
 *
 * <pre>{@code
 * // AMOUNT is @Decimal(maxDigits = 10, decimalPlaces = 2)
 * qs.aupdate(AMOUNT.setTo(AMOUNT.plus(new BigDecimal("99999999"))))
 *     .onFailure(e -> { if (e instanceof DataException) ... });   // 22003, nothing written
 * }</pre>
 */
public class DataException extends DatabaseException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed
   * @param sqlState the SQLSTATE, of class 22
   * @param errorCode the database's own error number, if it has one
   * @param databaseMessage the database's own message, if it gave one
   * @param cause the driver's exception
   */
  public DataException(
      String message,
      @Nullable String sqlState,
      @Nullable Integer errorCode,
      @Nullable String databaseMessage,
      @Nullable Throwable cause) {
    super(message, sqlState, errorCode, databaseMessage, cause);
  }
}
