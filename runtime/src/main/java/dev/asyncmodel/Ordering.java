package dev.asyncmodel;

import java.util.Objects;

/**
 * One term of an {@code orderBy}: a field and a direction, made by {@link Field#asc()} and {@link
 * Field#desc()}.
 *
 * @param <T> the model
 */
public final class Ordering<T extends Record> {
  /** Where rows whose value is NULL go: Django's {@code asc(nulls_first=True)} and the like. */
  public enum Nulls {
    /**
     * Where the database puts them: first in ascending order on MySQL and SQLite, last on
     * PostgreSQL.
     */
    DEFAULT,
    /** Before every other row: {@code NULLS FIRST}. */
    FIRST,
    /** After every other row: {@code NULLS LAST}. */
    LAST
  }

  private final Field<T> field;
  private final boolean descending;
  private final Nulls nulls;

  Ordering(Field<T> field, boolean descending) {
    this(field, descending, Nulls.DEFAULT);
  }

  private Ordering(Field<T> field, boolean descending, Nulls nulls) {
    this.field = Objects.requireNonNull(field, "field");
    this.descending = descending;
    this.nulls = nulls;
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
   * @return where NULLs go
   */
  public Nulls nulls() {
    return nulls;
  }

  /**
   * Rows whose value is NULL first, whatever the direction and the database: Django's {@code
   * asc(nulls_first=True)}. The databases disagree on where NULLs go by default (PostgreSQL puts
   * them last in ascending order, MySQL and SQLite first); this makes it the same on every one.
   *
   * <pre>{@code
   * Reviews.objects(db).orderBy(RATING.desc().nullsLast()).aall();
   * }</pre>
   *
   * @return this ordering with NULLs first
   */
  public Ordering<T> nullsFirst() {
    return new Ordering<>(field, descending, Nulls.FIRST);
  }

  /**
   * Rows whose value is NULL last: Django's {@code asc(nulls_last=True)}. See {@link #nullsFirst}.
   *
   * @return this ordering with NULLs last
   */
  public Ordering<T> nullsLast() {
    return new Ordering<>(field, descending, Nulls.LAST);
  }

  /**
   * @return the same field in the opposite direction, NULLs first where they were last and the
   *     other way round, as {@code alast} and {@code reverse()} use (Django's {@code
   *     reverse_ordering})
   */
  public Ordering<T> reversed() {
    Nulls opposite =
        switch (nulls) {
          case FIRST -> Nulls.LAST;
          case LAST -> Nulls.FIRST;
          case DEFAULT -> Nulls.DEFAULT;
        };
    return new Ordering<>(field, !descending, opposite);
  }

  @Override
  public String toString() {
    String text = (descending ? "-" : "") + field.name();
    return switch (nulls) {
      case FIRST -> text + " nulls first";
      case LAST -> text + " nulls last";
      case DEFAULT -> text;
    };
  }
}
