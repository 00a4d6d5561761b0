package dev.asyncmodel;

import dev.asyncmodel.internal.Expr;
import dev.asyncmodel.internal.Expr.Arithmetic;
import java.math.BigDecimal;

/**
 * A decimal expression: a {@code @Decimal BigDecimal} field, or arithmetic of one. Arithmetic is
 * exact on PostgreSQL and MySQL; SQLite computes in double precision (15 significant digits), as
 * Django there.
 *
 * <p>Arithmetic is Django's {@code F("a") + F("b")}: {@code plus}, {@code minus}, {@code times} and
 * {@code dividedBy} take a value or another expression of the same type and model, and render in
 * SQL ({@code "a" + $1}), so that {@code aupdate(AMOUNT.setTo(AMOUNT.plus(delta)))} is one
 * race-free statement.
 *
 * @param <T> the model
 */
public sealed interface DecimalExpression<T extends Record>
    extends ComparableExpression<T, BigDecimal> permits DecimalField, Computed.DecimalNode {

  /**
   * @param value the value to add
   * @return {@code this + value}
   */
  default DecimalExpression<T> plus(BigDecimal value) {
    return new Computed.DecimalNode<>(Exprs.arithmetic(this, Arithmetic.PLUS, value));
  }

  /**
   * @param other the expression to add
   * @return {@code this + other}
   */
  default DecimalExpression<T> plus(DecimalExpression<T> other) {
    return new Computed.DecimalNode<>(Exprs.arithmetic(this, Arithmetic.PLUS, other));
  }

  /**
   * @param value the value to subtract
   * @return {@code this - value}
   */
  default DecimalExpression<T> minus(BigDecimal value) {
    return new Computed.DecimalNode<>(Exprs.arithmetic(this, Arithmetic.MINUS, value));
  }

  /**
   * @param other the expression to subtract
   * @return {@code this - other}
   */
  default DecimalExpression<T> minus(DecimalExpression<T> other) {
    return new Computed.DecimalNode<>(Exprs.arithmetic(this, Arithmetic.MINUS, other));
  }

  /**
   * @param value the factor
   * @return {@code this * value}
   */
  default DecimalExpression<T> times(BigDecimal value) {
    return new Computed.DecimalNode<>(Exprs.arithmetic(this, Arithmetic.TIMES, value));
  }

  /**
   * @param other the factor
   * @return {@code this * other}
   */
  default DecimalExpression<T> times(DecimalExpression<T> other) {
    return new Computed.DecimalNode<>(Exprs.arithmetic(this, Arithmetic.TIMES, other));
  }

  /**
   * @param value the divisor
   * @return {@code this / value}, at the scale of the dividend plus 4
   */
  default DecimalExpression<T> dividedBy(BigDecimal value) {
    return new Computed.DecimalNode<>(Exprs.arithmetic(this, Arithmetic.DIVIDED_BY, value));
  }

  /**
   * @param other the divisor
   * @return {@code this / other}, at the scale of the dividend plus 4
   */
  default DecimalExpression<T> dividedBy(DecimalExpression<T> other) {
    return new Computed.DecimalNode<>(Exprs.arithmetic(this, Arithmetic.DIVIDED_BY, other));
  }

  /**
   * Django's {@code Sum}.
   *
   * @return the aggregate: BigDecimal at the scale of the field, empty for no rows
   */
  default Aggregate<T, BigDecimal> sum() {
    return new Aggregate<>(Expr.aggregate(Expr.Aggregate.SUM, Exprs.of(this)));
  }

  /**
   * Django's {@code Avg}.
   *
   * @return the aggregate: BigDecimal at the scale of the field plus 4, rounded half even, empty
   *     for no rows
   */
  default Aggregate<T, BigDecimal> avg() {
    return new Aggregate<>(Expr.aggregate(Expr.Aggregate.AVG, Exprs.of(this)));
  }
}
