package dev.asyncmodel;

import java.util.Objects;

/**
 * One term of an {@code orderBy}: a field and a direction, made by {@link Field#asc()} and {@link
 * Field#desc()}.
 *
 * @param <T> the model
 */
public final class Ordering<T extends Record> {
  private final Field<T> field;
  private final boolean descending;

  Ordering(Field<T> field, boolean descending) {
    this.field = Objects.requireNonNull(field, "field");
    this.descending = descending;
  }

  /**
   * @return the field ordered by
   */
  public Field<T> field() {
    return field;
  }

  /**
   * @return whether the order is descending
   */
  public boolean descending() {
    return descending;
  }

  /**
   * @return the same field in the opposite direction, as {@code alast} uses
   */
  public Ordering<T> reversed() {
    return new Ordering<>(field, !descending);
  }

  @Override
  public String toString() {
    return (descending ? "-" : "") + field.name();
  }
}
