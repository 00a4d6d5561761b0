package dev.asyncmodel.spi;

import dev.asyncmodel.Field;
import dev.asyncmodel.FieldError;
import dev.asyncmodel.internal.Internals;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Django's field validators, from the column's annotations: NOT NULL, {@code @MaxLength} (in
 * characters, as Python's {@code len}), {@code @Decimal} (Django's {@code DecimalValidator}; zeros
 * after the last significant decimal do not count, since no value is lost).
 */
public final class Validation {
  private Validation() {}

  /**
   * @param field the field
   * @param value its value, as the record holds it
   * @param filledByInsert whether an insert will give a null value one (an {@code @Id} or
   *     {@code @AutoNowAdd})
   * @return what is wrong with the value, or null when it fits
   */
  public static @Nullable FieldError check(
      Field<?> field, @Nullable Object value, boolean filledByInsert) {
    ColumnSpec spec = Internals.spec(field);
    if (value == null) {
      return spec.nullable() || filledByInsert
          ? null
          : new FieldError(field.name(), "null", "This field cannot be null.");
    }
    if (spec.type() == ColumnType.STRING) {
      FieldError text = checkText(field, (String) value);
      if (text != null) {
        return text;
      }
    }
    if (spec.type() == ColumnType.STRING && spec.maxLength() > 0) {
      String text = (String) value;
      int length = text.codePointCount(0, text.length());
      if (length > spec.maxLength()) {
        return new FieldError(
            field.name(),
            "max_length",
            "Ensure this value has at most "
                + spec.maxLength()
                + " characters (it has "
                + length
                + ").");
      }
    }
    if (spec.type() == ColumnType.DECIMAL && value instanceof BigDecimal decimal) {
      BigDecimal stripped = decimal.stripTrailingZeros();
      int places = Math.max(0, stripped.scale());
      int whole = Math.max(0, stripped.precision() - stripped.scale());
      int digits = whole + places;
      if (digits > spec.maxDigits()) {
        return new FieldError(
            field.name(),
            "max_digits",
            "Ensure that there are no more than " + spec.maxDigits() + " digits in total.");
      }
      if (places > spec.decimalPlaces()) {
        return new FieldError(
            field.name(),
            "max_decimal_places",
            "Ensure that there are no more than " + spec.decimalPlaces() + " decimal places.");
      }
      if (whole > spec.maxDigits() - spec.decimalPlaces()) {
        return new FieldError(
            field.name(),
            "max_whole_digits",
            "Ensure that there are no more than "
                + (spec.maxDigits() - spec.decimalPlaces())
                + " digits before the decimal point.");
      }
    }
    return null;
  }

  /**
   * Text every database stores as it is: no NUL character (PostgreSQL refuses it; Django's {@code
   * ProhibitNullCharactersValidator}), no unpaired surrogate (the databases store {@code ?}).
   */
  private static @Nullable FieldError checkText(Field<?> field, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        return new FieldError(
            field.name(), "null_characters_not_allowed", "Null characters are not allowed.");
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return new FieldError(
            field.name(),
            "invalid_text",
            "Enter valid Unicode text: this has an unpaired surrogate at index " + i + ".");
      }
    }
    return null;
  }
}
