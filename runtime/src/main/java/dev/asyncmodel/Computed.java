package dev.asyncmodel;

import dev.asyncmodel.internal.Expr;
import dev.asyncmodel.internal.Expr.Transform;
import java.time.temporal.Temporal;

/** The expressions that are not fields: one record per type, each holding its tree. */
final class Computed {
  private Computed() {}

  /** An expression that holds its tree. */
  interface Node {
    Expr expr();
  }

  record IntegerNode<T extends Record, V extends Number & Comparable<? super V>>(Expr expr)
      implements IntegerExpression<T, V>, Node {
    @Override
    public String toString() {
      return expr.toString();
    }
  }

  record FloatNode<T extends Record, V extends Number & Comparable<? super V>>(Expr expr)
      implements FloatExpression<T, V>, Node {
    @Override
    public String toString() {
      return expr.toString();
    }
  }

  record DecimalNode<T extends Record>(Expr expr) implements DecimalExpression<T>, Node {
    @Override
    public String toString() {
      return expr.toString();
    }
  }

  record DateNode<T extends Record>(Expr expr) implements DateExpression<T>, Node {
    @Override
    public String toString() {
      return expr.toString();
    }
  }

  record DateTimeNode<T extends Record, V extends Temporal & Comparable<? super V>>(Expr expr)
      implements DateTimeExpression<T, V>, Node {
    @Override
    public String toString() {
      return expr.toString();
    }
  }

  record TextNode<T extends Record>(Expr expr) implements TextExpression<T>, Node {
    @Override
    public String toString() {
      return expr.toString();
    }
  }

  /** The tree of {@code transform(source)}. */
  static Expr expr(Selection<?, ?> source, Transform transform) {
    return Expr.transform(transform, Exprs.of(source));
  }

  /** A transform whose result is an {@code int}: a part of a date, a length. */
  static <T extends Record> IntegerExpression<T, Integer> transform(
      Selection<T, ?> source, Transform transform) {
    return new IntegerNode<>(expr(source, transform));
  }
}
