package dev.asyncmodel;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A new value for one column, for {@code aupdate}: made by {@code FIELD.set(value)}.
 *
 * @param <T> the model
 */
public final class Assignment<T extends Record> {
  private final Field<T> field;
  private final @Nullable Object value;

  private Assignment(Field<T> field, @Nullable Object value) {
    this.field = field;
    this.value = value;
  }

  static <T extends Record> Assignment<T> of(Field<T> field, @Nullable Object value) {
    Objects.requireNonNull(field, "field");
    if (value == null && !field.spec().nullable()) {
      throw new NullPointerException(
          field.name() + " is NOT NULL: set(null) is allowed only on a @Nullable component");
    }
    return new Assignment<>(field, value);
  }

  /**
   * @return the field assigned
   */
  public Field<T> field() {
    return field;
  }

  /**
   * @return the value, as the record holds it (a {@link Ref} for a foreign key)
   */
  public @Nullable Object value() {
    return value;
  }

  @Override
  public String toString() {
    return field.name() + " = " + value;
  }
}
