package dev.asyncmodel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Precision and scale of a {@code BigDecimal} column: Django's {@code DecimalField(max_digits,
 * decimal_places)}, a {@code numeric(maxDigits, decimalPlaces)} column. Required on every {@code
 * BigDecimal} component. Values are read back at scale {@code decimalPlaces}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface Decimal {
  /**
   * Total number of digits, at least 1. Both elements must be written: their defaults only let the
   * processor say so ({@code [asyncmodel.MissingValue]}) instead of javac stopping every model.
   *
   * @return the precision
   */
  int maxDigits() default 0;

  /**
   * Digits after the decimal point, from 0 to {@link #maxDigits()}.
   *
   * @return the scale
   */
  int decimalPlaces() default -1;
}
