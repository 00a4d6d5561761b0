package dev.asyncmodel;

import dev.asyncmodel.Lookup.Op;
import dev.asyncmodel.internal.Expr;

/**
 * An expression with an order: numbers, dates and times, text. Compares with a value or with
 * another expression of the same type ({@code AMOUNT.gt(LIMIT)}, Django's {@code
 * amount__gt=F("limit")}); has {@code min()} and {@code max()}.
 *
 * @param <T> the model
 * @param <V> the Java type of the value
 */
public sealed interface ComparableExpression<T extends Record, V extends Comparable<? super V>>
    extends Expression<T, V>
    permits ComparableField,
        IntegerExpression,
        FloatExpression,
        DecimalExpression,
        CalendarExpression,
        TextExpression {

  /**
   * @param value the bound
   * @return {@code this > value}
   */
  default Condition<T> gt(V value) {
    return Comparison.of(this, Op.GT, value);
  }

  /**
   * @param other the expression to compare with
   * @return {@code this > other}
   */
  default Condition<T> gt(Expression<T, V> other) {
    return Comparison.of(this, Op.GT, other);
  }

  /**
   * @param value the bound
   * @return {@code this >= value}
   */
  default Condition<T> gte(V value) {
    return Comparison.of(this, Op.GTE, value);
  }

  /**
   * @param other the expression to compare with
   * @return {@code this >= other}
   */
  default Condition<T> gte(Expression<T, V> other) {
    return Comparison.of(this, Op.GTE, other);
  }

  /**
   * @param value the bound
   * @return {@code this < value}
   */
  default Condition<T> lt(V value) {
    return Comparison.of(this, Op.LT, value);
  }

  /**
   * @param other the expression to compare with
   * @return {@code this < other}
   */
  default Condition<T> lt(Expression<T, V> other) {
    return Comparison.of(this, Op.LT, other);
  }

  /**
   * @param value the bound
   * @return {@code this <= value}
   */
  default Condition<T> lte(V value) {
    return Comparison.of(this, Op.LTE, value);
  }

  /**
   * @param other the expression to compare with
   * @return {@code this <= other}
   */
  default Condition<T> lte(Expression<T, V> other) {
    return Comparison.of(this, Op.LTE, other);
  }

  /**
   * Django's {@code range}: both ends included.
   *
   * @param low the lower bound
   * @param high the upper bound
   * @return {@code this BETWEEN low AND high}
   */
  default Condition<T> between(V low, V high) {
    return Comparison.between(this, low, high);
  }

  /**
   * Django's {@code Min}.
   *
   * @return the aggregate, of this expression's type; empty for no rows
   */
  default Aggregate<T, V> min() {
    return new Aggregate<>(Expr.aggregate(Expr.Aggregate.MIN, Exprs.of(this)));
  }

  /**
   * Django's {@code Max}.
   *
   * @return the aggregate, of this expression's type; empty for no rows
   */
  default Aggregate<T, V> max() {
    return new Aggregate<>(Expr.aggregate(Expr.Aggregate.MAX, Exprs.of(this)));
  }
}
