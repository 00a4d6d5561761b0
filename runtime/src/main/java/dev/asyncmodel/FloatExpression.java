package dev.asyncmodel;

import dev.asyncmodel.internal.Expr;
import dev.asyncmodel.internal.Expr.Arithmetic;

/**
 * A floating-point expression: a {@code double} or {@code float} field, or arithmetic of one.
 *
 * <p>Arithmetic is Django's {@code F("a") + F("b")}: {@code plus}, {@code minus}, {@code times} and
 * {@code dividedBy} take a value or another expression of the same type and model, and render in
 * SQL ({@code "a" + $1}), so that {@code aupdate(AMOUNT.setTo(AMOUNT.plus(delta)))} is one
 * race-free statement.
 *
 * @param <T> the model
 * @param <V> {@code Double} or {@code Float}
 */
public sealed interface FloatExpression<T extends Record, V extends Number & Comparable<? super V>>
    extends ComparableExpression<T, V> permits FloatField, Computed.FloatNode {

  /**
   * @param value the value to add
   * @return {@code this + value}
   */
  default FloatExpression<T, V> plus(V value) {
    return new Computed.FloatNode<>(Exprs.arithmetic(this, Arithmetic.PLUS, value));
  }

  /**
   * @param other the expression to add
   * @return {@code this + other}
   */
  default FloatExpression<T, V> plus(FloatExpression<T, V> other) {
    return new Computed.FloatNode<>(Exprs.arithmetic(this, Arithmetic.PLUS, other));
  }

  /**
   * @param value the value to subtract
   * @return {@code this - value}
   */
  default FloatExpression<T, V> minus(V value) {
    return new Computed.FloatNode<>(Exprs.arithmetic(this, Arithmetic.MINUS, value));
  }

  /**
   * @param other the expression to subtract
   * @return {@code this - other}
   */
  default FloatExpression<T, V> minus(FloatExpression<T, V> other) {
    return new Computed.FloatNode<>(Exprs.arithmetic(this, Arithmetic.MINUS, other));
  }

  /**
   * @param value the factor
   * @return {@code this * value}
   */
  default FloatExpression<T, V> times(V value) {
    return new Computed.FloatNode<>(Exprs.arithmetic(this, Arithmetic.TIMES, value));
  }

  /**
   * @param other the factor
   * @return {@code this * other}
   */
  default FloatExpression<T, V> times(FloatExpression<T, V> other) {
    return new Computed.FloatNode<>(Exprs.arithmetic(this, Arithmetic.TIMES, other));
  }

  /**
   * @param value the divisor
   * @return {@code this / value}
   */
  default FloatExpression<T, V> dividedBy(V value) {
    return new Computed.FloatNode<>(Exprs.arithmetic(this, Arithmetic.DIVIDED_BY, value));
  }

  /**
   * @param other the divisor
   * @return {@code this / other}
   */
  default FloatExpression<T, V> dividedBy(FloatExpression<T, V> other) {
    return new Computed.FloatNode<>(Exprs.arithmetic(this, Arithmetic.DIVIDED_BY, other));
  }

  /**
   * Django's {@code Sum}.
   *
   * @return the aggregate: Double, empty for no rows
   */
  default Aggregate<T, Double> sum() {
    return new Aggregate<>(Expr.aggregate(Expr.Aggregate.SUM, Exprs.of(this)));
  }

  /**
   * Django's {@code Avg}.
   *
   * @return the aggregate: Double, empty for no rows
   */
  default Aggregate<T, Double> avg() {
    return new Aggregate<>(Expr.aggregate(Expr.Aggregate.AVG, Exprs.of(this)));
  }
}
