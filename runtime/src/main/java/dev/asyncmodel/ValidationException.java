package dev.asyncmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A record given to {@code acreate}, {@code aupdate}, {@code aupdateOrCreate}, {@code abulkCreate}
 * or {@code abulkUpdate} has values that its columns cannot hold exactly: a null in a NOT NULL
 * column, a string past its {@code @MaxLength}, a decimal with more digits or places than its
 * {@code @Decimal}. Nothing was written. The same checks run, without I/O, in the companion's
 * {@code validate(record)}.
 *
 * <p>For a bulk method, {@link #records()} says which records failed, by their index in the list:
 * every record is checked before the first row is sent.
 */
public final class ValidationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String model;
  private final List<FieldError> errors;
  private final Map<Integer, List<FieldError>> records;

  /**
   * @param model the model's name
   * @param errors the values that do not fit, at least one
   */
  public ValidationException(String model, List<FieldError> errors) {
    super(describe(model, errors));
    this.model = model;
    this.errors = List.copyOf(errors);
    this.records = Map.of();
  }

  /**
   * The records of a bulk method that do not fit.
   *
   * @param model the model's name
   * @param records each failing record's index in the list, in ascending order, and its errors
   */
  public ValidationException(String model, Map<Integer, List<FieldError>> records) {
    super(describe(model, records));
    this.model = model;
    Map<Integer, List<FieldError>> copy = new LinkedHashMap<>();
    List<FieldError> all = new ArrayList<>();
    records.forEach(
        (index, errors) -> {
          copy.put(index, List.copyOf(errors));
          all.addAll(errors);
        });
    this.records = java.util.Collections.unmodifiableMap(copy);
    this.errors = List.copyOf(all);
  }

  private static String describe(String model, Map<Integer, List<FieldError>> records) {
    StringBuilder text =
        new StringBuilder("Invalid ")
            .append(model)
            .append(records.size() == 1 ? " record" : " records")
            .append(", nothing written:");
    int shown = 0;
    for (Map.Entry<Integer, List<FieldError>> record : records.entrySet()) {
      if (shown++ == 10) {
        text.append(" ... and ").append(records.size() - 10).append(" more");
        break;
      }
      text.append(" [").append(record.getKey()).append(']');
      for (FieldError error : record.getValue()) {
        text.append(' ').append(model).append('.').append(error.field()).append(": ");
        text.append(error.message());
      }
    }
    return text.toString();
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
   * @return every value that does not fit, in component order (for a bulk method, record by record)
   */
  public List<FieldError> errors() {
    return errors;
  }

  /**
   * @return for a bulk method, the index of each record that does not fit, in ascending order, and
   *     its errors; empty for a method given one record
   */
  public Map<Integer, List<FieldError>> records() {
    return records;
  }
}
