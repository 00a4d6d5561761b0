package dev.asyncmodel;

import dev.asyncmodel.internal.Expr;
import dev.asyncmodel.internal.Expr.Arithmetic;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

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

  /**
   * Django's default names of what a projection selects: a field's name as Django's {@code
   * values()} and {@code model_to_dict} key it ({@code created_at}, {@code user}: the model's dict
   * key), {@code amount__sum} for an aggregate, {@code created_at__month} for a transform, {@code
   * amount__plus} for arithmetic; a name taken already gets {@code _2}, {@code _3}, ...
   *
   * @param exprs the selections' trees
   * @return their names, in order
   */
  static List<String> names(List<Expr> exprs) {
    List<String> names = new ArrayList<>(exprs.size());
    Set<String> taken = new HashSet<>();
    for (Expr e : exprs) {
      String base = name(e);
      String name = base;
      for (int n = 2; !taken.add(name); n++) {
        name = base + "_" + n;
      }
      names.add(name);
    }
    return List.copyOf(names);
  }

  private static String name(Expr e) {
    return switch (e.kind()) {
      case COLUMN -> e.type().dictKey();
      case VALUE -> "value";
      case ARITHMETIC ->
          name(e.args().get(0))
              + "__"
              + Expr.Arithmetic.values()[e.op()].name().toLowerCase(Locale.ROOT);
      case TRANSFORM ->
          name(e.args().get(0))
              + "__"
              + Expr.Transform.values()[e.op()].name().toLowerCase(Locale.ROOT);
      case JSON -> {
        StringBuilder path = new StringBuilder(name(e.args().get(0)));
        for (Object step : e.path()) {
          path.append("__").append(step);
        }
        yield path.toString();
      }
      case AGGREGATE -> {
        Expr.Aggregate aggregate = Expr.Aggregate.values()[e.op()];
        String function =
            switch (aggregate) {
              case COUNT_ALL, COUNT, COUNT_DISTINCT -> "count";
              default -> aggregate.name().toLowerCase(Locale.ROOT);
            };
        yield e.args().isEmpty() ? function : name(e.args().get(0)) + "__" + function;
      }
    };
  }
}
