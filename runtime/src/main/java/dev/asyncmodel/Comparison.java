package dev.asyncmodel;

import dev.asyncmodel.Lookup.Op;
import dev.asyncmodel.internal.Expr;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A lookup on an expression: {@code AMOUNT.gt(LIMIT)} (Django's {@code amount__gt=F("limit")}),
 * {@code CREATED_AT.year().eq(2026)} ({@code created_at__year=2026}), {@code
 * DESCRIPTION.lower().eq("rent")}, {@code AMOUNT.sum().gt(total)} in a {@code having}. Made by the
 * expressions' methods, never directly.
 *
 * @param <T> the model
 */
public final class Comparison<T extends Record> extends Condition<T> {
  private final Expr left;
  private final Op op;
  private final List<Expr> right;

  private Comparison(Expr left, Op op, List<Expr> right) {
    this.left = left;
    this.op = op;
    this.right = right;
  }

  static <T extends Record> Comparison<T> of(Selection<T, ?> left, Op op, Object value) {
    Expr l = Exprs.of(left);
    Objects.requireNonNull(value, () -> op.djangoName() + " on " + l + " needs a value, not null");
    return new Comparison<>(l, op, List.of(Exprs.operand(l, value)));
  }

  static <T extends Record> Comparison<T> between(Selection<T, ?> left, Object low, Object high) {
    Expr l = Exprs.of(left);
    Objects.requireNonNull(low, () -> "between on " + l + " needs a lower bound");
    Objects.requireNonNull(high, () -> "between on " + l + " needs an upper bound");
    return new Comparison<>(l, Op.BETWEEN, List.of(Exprs.operand(l, low), Exprs.operand(l, high)));
  }

  static <T extends Record> Comparison<T> in(Selection<T, ?> left, Collection<?> values) {
    Expr l = Exprs.of(left);
    List<Expr> operands = new ArrayList<>(values.size());
    for (Object value : values) {
      operands.add(
          Expr.value(l.type(), Objects.requireNonNull(value, () -> "in on " + l + " got a null")));
    }
    return new Comparison<>(l, Op.IN, List.copyOf(operands));
  }

  static <T extends Record> Comparison<T> isNull(Selection<T, ?> left, boolean isNull) {
    return new Comparison<>(Exprs.of(left), isNull ? Op.IS_NULL : Op.NOT_NULL, List.of());
  }

  /**
   * @return the expression tested
   */
  Expr left() {
    return left;
  }

  /**
   * @return the lookup: {@code EQ}, {@code GT}, {@code GTE}, {@code LT}, {@code LTE}, {@code IN},
   *     {@code BETWEEN}, {@code IS_NULL} or {@code NOT_NULL}
   */
  public Op op() {
    return op;
  }

  /** The operands: values or expressions; none for isNull, two for between. */
  List<Expr> right() {
    return right;
  }

  /**
   * @return the lookup as Django writes it: {@code amount__gt=F(limit)}, {@code
   *     year(F(created_at))__exact=2026}
   */
  @Override
  public String toString() {
    String lookup = left + "__" + op.djangoName() + "=";
    return switch (op) {
      case IS_NULL -> lookup + "True";
      case NOT_NULL -> lookup + "False";
      case BETWEEN -> lookup + "(" + right.get(0) + ", " + right.get(1) + ")";
      case IN -> lookup + right;
      default -> lookup + right.get(0);
    };
  }
}
