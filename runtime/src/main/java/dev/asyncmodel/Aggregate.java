package dev.asyncmodel;

import dev.asyncmodel.Lookup.Op;
import dev.asyncmodel.internal.Expr;

/**
 * An aggregate of an expression over the rows of a QuerySet or of a group: Django's {@code Count},
 * {@code Sum}, {@code Avg}, {@code Min} and {@code Max}, made by the expressions that fit them
 * ({@code AMOUNT.sum()}, {@code ID.count()}; there is no {@code sum()} of a text). Its result type
 * is Django's: see each method that makes one.
 *
 * <pre>{@code
 * Aggregate<Transaction, BigDecimal> total = AMOUNT.sum();
 * Optional<BigDecimal> spent = await(Transactions.objects(db).filter(USER.eq(ann)).aaggregate(total));
 *
 * Transactions.objects(db)
 *     .values(CATEGORY, total)              // GROUP BY category
 *     .having(total.gt(new BigDecimal("100")))
 *     .orderBy(total.desc())
 *     .aall();
 * }</pre>
 *
 * <p>An aggregate compares with values into a {@link Having}, the condition on groups that a {@code
 * values(...)} projection takes; it cannot be given to {@code filter}, which tests rows.
 *
 * @param <T> the model
 * @param <R> the Java type of the result
 */
public final class Aggregate<T extends Record, R> implements Selection<T, R> {
  private final Expr expr;

  Aggregate(Expr expr) {
    this.expr = expr;
  }

  Expr expr() {
    return expr;
  }

  /**
   * @param value the bound
   * @return {@code HAVING aggregate > value}
   */
  public Having<T> gt(R value) {
    return new Having<>(Comparison.of(this, Op.GT, value));
  }

  /**
   * @param value the bound
   * @return {@code HAVING aggregate >= value}
   */
  public Having<T> gte(R value) {
    return new Having<>(Comparison.of(this, Op.GTE, value));
  }

  /**
   * @param value the bound
   * @return {@code HAVING aggregate < value}
   */
  public Having<T> lt(R value) {
    return new Having<>(Comparison.of(this, Op.LT, value));
  }

  /**
   * @param value the bound
   * @return {@code HAVING aggregate <= value}
   */
  public Having<T> lte(R value) {
    return new Having<>(Comparison.of(this, Op.LTE, value));
  }

  /**
   * @param value the value; null for {@code IS NULL} (the sum of a group whose values are all NULL)
   * @return {@code HAVING aggregate = value}
   */
  public Having<T> eq(R value) {
    return new Having<>(
        value == null ? Comparison.isNull(this, true) : Comparison.of(this, Op.EQ, value));
  }

  /**
   * @param low the lower bound
   * @param high the upper bound
   * @return {@code HAVING aggregate BETWEEN low AND high}
   */
  public Having<T> between(R low, R high) {
    return new Having<>(Comparison.between(this, low, high));
  }

  /**
   * @param isNull {@code true} for {@code IS NULL}
   * @return the condition on groups
   */
  public Having<T> isNull(boolean isNull) {
    return new Having<>(Comparison.isNull(this, isNull));
  }

  /**
   * @return ascending order on the aggregate, for a {@code values(...)} projection
   */
  public Ordering<T> asc() {
    return new Ordering<>(this, false);
  }

  /**
   * @return descending order on the aggregate, for a {@code values(...)} projection
   */
  public Ordering<T> desc() {
    return new Ordering<>(this, true);
  }

  @Override
  public String toString() {
    return expr.toString();
  }
}
