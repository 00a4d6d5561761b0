package dev.asyncmodel.sample.web;

import dev.asyncmodel.FieldError;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns JSON members and query parameters into the Java types of the models, or into a message
 * saying why not. Types are decided here; the column rules (NOT NULL, lengths, digits) are not:
 * they come from the generated {@code validate(record)}, see {@link #addAll}.
 */
final class Fields {
  private Fields() {}

  static final String REQUIRED = "This field is required.";
  static final String NOT_A_STRING = "Not a valid string.";
  static final String NOT_A_NUMBER = "A valid number is required.";
  static final String NUL = "Null characters are not allowed.";
  static final String BAD_UNICODE = "Unpaired surrogate characters are not allowed.";
  static final String BLANK = "This field cannot be blank.";

  /** A decimal as Python's {@code Decimal} reads it, without NaN and infinities. */
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

  /** Longer decimal text is not parsed: no amount needs it. */
  private static final int MAX_DECIMAL_TEXT = 100;

  /**
   * A decimal from a JSON number or a JSON string ({@code 12.5}, {@code "12.50"}), exactly as sent:
   * the digit rules are the model's, checked later.
   *
   * @param value the member
   * @param field its name
   * @param errors where a type error goes
   * @return the number; null when it is JSON null (NOT NULL is the model's rule) or wrong
   */
  static @Nullable BigDecimal decimal(JsonBody.Value value, String field, Errors errors) {
    return switch (value.kind()) {
      case NULL -> null;
      case NUMBER, STRING -> decimal(text(value), field, errors);
      default -> {
        errors.add(field, NOT_A_NUMBER);
        yield null;
      }
    };
  }

  /**
   * @param text a decimal's text; whitespace around it is ignored
   * @param field the field or parameter it is for
   * @param errors where a syntax error goes
   * @return the number, or null when it is not one
   */
  static @Nullable BigDecimal decimal(String text, String field, Errors errors) {
    String trimmed = text.strip();
    if (!DECIMAL.matcher(trimmed).matches()) {
      errors.add(field, NOT_A_NUMBER);
      return null;
    }
    if (trimmed.length() > MAX_DECIMAL_TEXT) {
      errors.add(field, "Ensure that there are no more than " + MAX_DECIMAL_TEXT + " characters.");
      return null;
    }
    try {
      return new BigDecimal(trimmed);
    } catch (NumberFormatException e) {
      // An exponent past the range of int.
      errors.add(field, NOT_A_NUMBER);
      return null;
    }
  }

  /**
   * @param value the member
   * @param field its name
   * @param errors where a type or character error goes
   * @return the string; null when it is JSON null (NOT NULL is the model's rule) or wrong
   */
  static @Nullable String string(JsonBody.Value value, String field, Errors errors) {
    return switch (value.kind()) {
      case NULL -> null;
      case STRING -> checkedText(text(value), field, errors);
      default -> {
        errors.add(field, NOT_A_STRING);
        yield null;
      }
    };
  }

  /**
   * Text that every database can store: no NUL (PostgreSQL refuses it, as Django's {@code
   * ProhibitNullCharactersValidator} does) and no unpaired surrogate (it has no UTF-8 encoding).
   *
   * @param text the text
   * @param field the field or parameter it is for
   * @param errors where an error goes
   * @return the text, or null when it cannot be stored
   */
  static @Nullable String checkedText(String text, String field, Errors errors) {
    if (text.indexOf('\0') >= 0) {
      errors.add(field, NUL);
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        errors.add(field, BAD_UNICODE);
        return null;
      }
    }
    return text;
  }

  /**
   * Adds the generated validation's errors ({@code Transactions.validate(record)}) for the fields
   * that have none yet, under their JSON names.
   *
   * @param found what {@code validate} returned
   * @param fields the JSON names to report; errors of other fields are left out
   * @param errors where they go
   */
  static void addAll(List<FieldError> found, Set<String> fields, Errors errors) {
    for (FieldError error : found) {
      String name = snake(error.field());
      if (fields.contains(name) && !errors.has(name)) {
        errors.add(name, error.message());
      }
    }
  }

  /** {@code createdAt} to {@code created_at}, the generated {@code toDict}'s keys. */
  static String snake(String component) {
    StringBuilder out = new StringBuilder(component.length() + 4);
    for (int i = 0; i < component.length(); i++) {
      char c = component.charAt(i);
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  private static String text(JsonBody.Value value) {
    String text = value.text();
    if (text == null) {
      throw new IllegalStateException("A " + value.kind() + " member without text");
    }
    return text;
  }
}
