package dev.asyncmodel;

import dev.asyncmodel.internal.Expr;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One term of an {@code orderBy}: a field, an expression or an aggregate, and a direction, made by
 * {@link Field#asc()}, {@link Expression#desc()}, {@link Aggregate#desc()} and the like.
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

  private final Expr expr;
  private final @Nullable Field<T> field;
  private final boolean descending;
  private final Nulls nulls;

  Ordering(Field<T> field, boolean descending) {
    this(field.expr(), field, descending, Nulls.DEFAULT);
  }

  @SuppressWarnings("unchecked") // a field that is a Selection<T, ?> is a Field<T>
  Ordering(Selection<T, ?> selection, boolean descending) {
    this(
        Exprs.of(selection),
        selection instanceof Field<?> ? (Field<T>) selection : null,
        descending,
        Nulls.DEFAULT);
  }

  private Ordering(Expr expr, @Nullable Field<T> field, boolean descending, Nulls nulls) {
    this.expr = Objects.requireNonNull(expr, "expr");
    this.field = field;
    this.descending = descending;
    this.nulls = nulls;
  }

  /**
   * @return the field ordered by; null when the ordering is on an expression or an aggregate
   */
  public @Nullable Field<T> field() {
    return field;
  }

  /** What is ordered by, as the compiler renders it. */
  Expr expr() {
    return expr;
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
    return new Ordering<>(expr, field, descending, Nulls.FIRST);
  }

  /**
   * Rows whose value is NULL last: Django's {@code asc(nulls_last=True)}. See {@link #nullsFirst}.
   *
   * @return this ordering with NULLs last
   */
  public Ordering<T> nullsLast() {
    return new Ordering<>(expr, field, descending, Nulls.LAST);
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
    return new Ordering<>(expr, field, !descending, opposite);
  }

  @Override
  public String toString() {
    String text = (descending ? "-" : "") + (field != null ? field.name() : expr.toString());
    return switch (nulls) {
      case FIRST -> text + " nulls first";
      case LAST -> text + " nulls last";
      case DEFAULT -> text;
    };
  }
}
