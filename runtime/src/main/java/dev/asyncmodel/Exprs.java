package dev.asyncmodel;

import dev.asyncmodel.internal.Expr;
import dev.asyncmodel.internal.Expr.Arithmetic;
import java.util.Locale;
import java.util.Objects;

/** The trees behind the API's expressions. */
final class Exprs {
  private Exprs() {}

  /**
   * @param selection a field, an expression or an aggregate
   * @return its tree
   */
  static Expr of(Selection<?, ?> selection) {
    if (selection instanceof Field<?> field) {
      return field.expr();
    }
    if (selection instanceof Computed.Node node) {
      return node.expr();
    }
    return ((Aggregate<?, ?>) selection).expr();
  }

  /**
   * @param left the left operand
   * @param operator the operator
   * @param right a value of the left operand's type, or an expression of it
   * @return {@code left operator right}
   */
  static Expr arithmetic(Selection<?, ?> left, Arithmetic operator, Object right) {
    Expr l = of(left);
    Objects.requireNonNull(
        right, () -> operator.name().toLowerCase(Locale.ROOT) + " needs a value");
    Expr r = right instanceof Selection<?, ?> s ? of(s) : Expr.value(l.type(), right);
    return Expr.arithmetic(operator, l, r);
  }

  /**
   * @param type the type of the expression the value is compared with
   * @param value a value, not null, or an expression
   * @return the value's tree
   */
  static Expr operand(Expr type, Object value) {
    return value instanceof Selection<?, ?> s ? of(s) : Expr.value(type.type(), value);
  }
}
