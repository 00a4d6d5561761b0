package dev.asyncmodel;

import dev.asyncmodel.Lookup.Op;
import dev.asyncmodel.internal.Expr;
import java.util.Collection;

/**
 * A value computed from a row of model {@code T}: a field ({@code AMOUNT}, Django's {@code
 * F("amount")}) or an expression of fields and values ({@code AMOUNT.plus(FEE)}, {@code
 * CREATED_AT.year()}, {@code DESCRIPTION.lower()}). An expression can be compared with a value or
 * with another expression of the same model and type, ordered by, selected by {@code values} and
 * aggregated; what fits its type is on the interface of its type ({@link ComparableExpression},
 * {@link IntegerExpression}, {@link DecimalExpression}, {@link DateTimeExpression}, ...), so that a
 * comparison of a date with a number, or the sum of a text, does not compile.
 *
 * <p>The library implements this interface: its implementations are the field classes and the
 * expressions their methods return.
 *
 * @param <T> the model
 * @param <V> the Java type of the value
 */
public sealed interface Expression<T extends Record, V> extends Selection<T, V>
    permits ValueField, ComparableExpression {

  /**
   * Django's {@code exact} against another expression: {@code F("a") == F("b")}. Rows where either
   * side is NULL do not match.
   *
   * @param other the expression to compare with
   * @return {@code this = other}
   */
  default Condition<T> eq(Expression<T, V> other) {
    return Comparison.of(this, Op.EQ, other);
  }

  /**
   * Django's {@code exact} against a value; a null value is {@code IS NULL}. (A literal {@code
   * null} is ambiguous between the two {@code eq}s: write {@code isNull(true)}.)
   *
   * @param value the value
   * @return {@code this = value}
   */
  default Condition<T> eq(V value) {
    return value == null ? isNull(true) : Comparison.of(this, Op.EQ, value);
  }

  /**
   * Not equal to another expression, with Django's {@code exclude} semantics: {@code
   * eq(other).not()}, which keeps rows where either side is NULL.
   *
   * @param other the expression
   * @return the condition
   */
  default Condition<T> ne(Expression<T, V> other) {
    return eq(other).not();
  }

  /**
   * Not equal to a value, with Django's {@code exclude} semantics: {@code eq(value).not()}.
   *
   * @param value the value
   * @return the condition
   */
  default Condition<T> ne(V value) {
    return eq(value).not();
  }

  /**
   * Django's {@code in}; an empty collection matches nothing.
   *
   * @param values the values, none null
   * @return the condition
   */
  default Condition<T> in(Collection<? extends V> values) {
    return Comparison.in(this, values);
  }

  /**
   * Django's {@code isnull}.
   *
   * @param isNull {@code true} for {@code IS NULL}
   * @return the condition
   */
  default Condition<T> isNull(boolean isNull) {
    return Comparison.isNull(this, isNull);
  }

  /**
   * @return ascending order on this expression
   */
  default Ordering<T> asc() {
    return new Ordering<>(this, false);
  }

  /**
   * @return descending order on this expression
   */
  default Ordering<T> desc() {
    return new Ordering<>(this, true);
  }

  /**
   * Django's {@code Count("field")}: the rows where this is not NULL. {@code ID.count()} counts
   * every row.
   *
   * @return the aggregate, a {@code Long}, 0 for no rows
   */
  default Aggregate<T, Long> count() {
    return new Aggregate<>(Expr.aggregate(Expr.Aggregate.COUNT, Exprs.of(this)));
  }

  /**
   * Django's {@code Count("field", distinct=True)}: the distinct values that are not NULL.
   *
   * @return the aggregate, a {@code Long}, 0 for no rows
   */
  default Aggregate<T, Long> countDistinct() {
    return new Aggregate<>(Expr.aggregate(Expr.Aggregate.COUNT_DISTINCT, Exprs.of(this)));
  }
}
