package dev.asyncmodel;

import java.util.List;

/**
 * A record given to {@code acreate}, {@code aupdate} or {@code aupdateOrCreate} has values that its
 * columns cannot hold exactly: a null in a NOT NULL column, a string past its {@code @MaxLength}, a
 * decimal with more digits or places than its {@code @Decimal}. Nothing was written. The same
 * checks run, without I/O, in the companion's {@code validate(record)}.
 */
public final class ValidationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String model;
  private final List<FieldError> errors;

  /**
   * @param model the model's name
   * @param errors the values that do not fit, at least one
   */
  public ValidationException(String model, List<FieldError> errors) {
    super(describe(model, errors));
    this.model = model;
    this.errors = List.copyOf(errors);
  }

  private static String describe(String model, List<FieldError> errors) {
    StringBuilder text = new StringBuilder("Invalid ").append(model).append(':');
    for (FieldError error : errors) {
      text.append(' ').append(model).append('.').append(error.field()).append(": ");
      text.append(error.message());
    }
    return text.toString();
  }

  /**
   * @return the model's name
   */
  public String model() {
    return model;
  }

  /**
   * @return every value that does not fit, in component order
   */
  public List<FieldError> errors() {
    return errors;
  }
}
