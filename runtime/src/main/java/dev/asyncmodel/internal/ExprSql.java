package dev.asyncmodel.internal;

import dev.asyncmodel.JsonLookup;
import dev.asyncmodel.Lookup.Op;
import dev.asyncmodel.internal.Expr.Aggregate;
import dev.asyncmodel.internal.Expr.Arithmetic;
import dev.asyncmodel.internal.Expr.Transform;
import dev.asyncmodel.spi.ColumnSpec;
import dev.asyncmodel.spi.ColumnType;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of expressions and of the conditions on them, in two passes as everywhere in the {@link
 * Compiler}: {@code shape} writes an expression's structure into the statement's {@link Shape} and
 * its values into the parameters, in the order {@code render} writes their placeholders; {@code
 * render} writes the text, only when the dialect's cache has none for the shape.
 */
final class ExprSql {
  private ExprSql() {}

  // Codes of the nodes in a shape. Each node starts with its kind, then a fixed number of codes.
  private static final int COLUMN = 1;
  private static final int VALUE = 2;
  private static final int ARITHMETIC = 3;
  private static final int TRANSFORM = 4;
  private static final int AGGREGATE = 5;
  private static final int JSON = 6;
  private static final int RELATED = 7;

  /**
   * Adds an expression's structure to the shape and its values to the parameters.
   *
   * @param e the expression
   * @param shape the statement's shape
   * @param params the statement's values, in placeholder order
   * @param dialect the dialect, which encodes the values
   */
  static void shape(Expr e, Shape shape, List<Object> params, Dialect dialect) {
    switch (e.kind()) {
      case COLUMN -> shape.path(e.hops()).add(COLUMN, e.type().index());
      case VALUE -> {
        shape.add(VALUE, e.type().type().ordinal());
        params.add(dialect.encode(e.type(), e.value()));
      }
      case ARITHMETIC -> {
        shape.add(ARITHMETIC, e.op());
        shape(e.args().get(0), shape, params, dialect);
        shape(e.args().get(1), shape, params, dialect);
      }
      case TRANSFORM -> {
        shape.add(TRANSFORM, e.op());
        shape(e.args().get(0), shape, params, dialect);
      }
      case AGGREGATE -> {
        shape.add(AGGREGATE, e.op()).add(e.args().size());
        for (Expr arg : e.args()) {
          shape(arg, shape, params, dialect);
        }
      }
      case RELATED -> {
        // The referencing model, the path to its key and the key, what is aggregated, then the
        // subquery's conditions: the order render writes their values in.
        Expr.Correlated related = e.correlated();
        shape.add(RELATED, e.op()).add(Shape.model(related.rows().model()));
        shape.path(Internals.path(related.key())).add(Internals.spec(related.key()).index());
        Expr source = related.source();
        shape.add(source == null ? 0 : 1);
        if (source != null) {
          shape(source, shape, params, dialect);
        }
        Compiler.shapeWhere(related.rows(), shape, params, dialect);
      }
      case JSON -> {
        ColumnSpec column = e.args().get(0).type();
        shape.add(JSON, e.op()).add(column.index());
        shapePath(e.path(), shape);
        dialect.jsonExtract(
            JsonSql.params(dialect, params), column, e.path(), Expr.JsonCast.values()[e.op()]);
      }
    }
  }

  /** A path's length and the kind of each step: the SQL differs for a key and an index. */
  private static void shapePath(List<Object> path, Shape shape) {
    shape.add(path.size());
    for (Object step : path) {
      shape.add(step instanceof Integer ? 1 : 0);
    }
  }

  /**
   * Writes an expression.
   *
   * @param e the expression
   * @param b the statement
   */
  static void render(Expr e, SqlBuffer b) {
    Dialect dialect = b.dialect();
    switch (e.kind()) {
      case COLUMN -> b.column(e.type(), e.hops());
      case VALUE -> dialect.expressionValue(b, e.type());
      case ARITHMETIC -> {
        Expr left = e.args().get(0);
        Expr right = e.args().get(1);
        dialect.arithmetic(
            b,
            Arithmetic.values()[e.op()],
            e.type().type(),
            () -> render(left, b),
            () -> render(right, b));
      }
      case TRANSFORM -> {
        Expr source = e.args().get(0);
        dialect.transform(
            b, Transform.values()[e.op()], source.type().type(), () -> render(source, b));
      }
      case JSON ->
          dialect.jsonExtract(
              JsonSql.text(b), e.args().get(0).type(), e.path(), Expr.JsonCast.values()[e.op()]);
      case RELATED -> renderRelated(e, b);
      case AGGREGATE -> {
        Aggregate aggregate = Aggregate.values()[e.op()];
        if (e.args().isEmpty()) {
          dialect.aggregate(b, aggregate, null, null);
        } else {
          Expr source = e.args().get(0);
          dialect.aggregate(b, aggregate, source.type().type(), () -> render(source, b));
        }
      }
    }
  }

  /**
   * {@code (SELECT SUM("U0"."amount") FROM "transaction" "U0" WHERE "U0"."user_id" =
   * "auth_user"."id" AND ...)}: the aggregate of the referencing rows, correlated to the row of the
   * level around it, as {@link Compiler} writes an {@code EXISTS}.
   */
  private static void renderRelated(Expr e, SqlBuffer b) {
    Expr.Correlated related = e.correlated();
    Expr source = related.source();
    Aggregate aggregate = Aggregate.values()[e.op()];
    Compiler.correlated(
        b,
        related.key(),
        related.rows(),
        source == null ? List.of() : List.of(source),
        () -> {
          if (source == null) {
            b.dialect().aggregate(b, aggregate, null, null);
          } else {
            b.dialect().aggregate(b, aggregate, source.type().type(), () -> render(source, b));
          }
        });
  }

  // ---------------------------------------------------------------------------------------------
  // Conditions on expressions.

  /**
   * Under a NOT, a comparison whose sides can be NULL must be false rather than unknown for the NOT
   * to keep the row, as Django renders {@code exclude()}: {@code NOT (a > b AND a IS NOT NULL AND b
   * IS NOT NULL)}. These are the sides to test.
   */
  private static List<Expr> nullableSides(Expr left, Op op, List<Expr> right, boolean negated) {
    if (!negated || op == Op.IS_NULL || op == Op.NOT_NULL) {
      return List.of();
    }
    List<Expr> sides = new ArrayList<>(2);
    if (left.nullable()) {
      sides.add(left);
    }
    for (Expr operand : right) {
      if (operand.nullable()) {
        sides.add(operand);
      }
    }
    return sides;
  }

  static void shapeComparison(
      Expr left,
      Op op,
      List<Expr> right,
      boolean negated,
      Shape shape,
      List<Object> params,
      Dialect dialect) {
    // An array binds a list of any length: one shape for every non-empty list, as for a field.
    boolean array = op == Op.IN && dialect.inAsArray();
    shape.add(Shape.COMPARISON, op.ordinal()).add(array && !right.isEmpty() ? 1 : right.size());
    if (op == Op.IN && right.isEmpty()) {
      return;
    }
    shape(left, shape, params, dialect);
    if (array) {
      List<Object> encoded = new ArrayList<>(right.size());
      for (Expr value : right) {
        encoded.add(dialect.encode(value.type(), value.value()));
      }
      shape.add(VALUE, left.type().type().ordinal());
      params.add(dialect.array(left.type(), encoded));
    } else {
      for (Expr operand : right) {
        shape(operand, shape, params, dialect);
      }
    }
    List<Expr> sides = nullableSides(left, op, right, negated);
    shape.add(sides.size());
    for (Expr side : sides) {
      shape(side, shape, params, dialect);
    }
  }

  static void renderComparison(Expr left, Op op, List<Expr> right, boolean negated, SqlBuffer b) {
    if (op == Op.IN && right.isEmpty()) {
      b.append("1 = 0");
      return;
    }
    List<Expr> sides = nullableSides(left, op, right, negated);
    if (!sides.isEmpty()) {
      b.append("(");
    }
    render(left, b);
    switch (op) {
      case EQ -> operand(b.append(" = "), right.get(0));
      case GT -> operand(b.append(" > "), right.get(0));
      case GTE -> operand(b.append(" >= "), right.get(0));
      case LT -> operand(b.append(" < "), right.get(0));
      case LTE -> operand(b.append(" <= "), right.get(0));
      case BETWEEN -> {
        operand(b.append(" BETWEEN "), right.get(0));
        operand(b.append(" AND "), right.get(1));
      }
      case IS_NULL -> b.append(" IS NULL");
      case NOT_NULL -> b.append(" IS NOT NULL");
      case IN -> {
        if (b.dialect().inAsArray()) {
          b.append(" = ANY(");
          b.dialect().expressionValue(b, left.type());
          b.append(")");
        } else {
          b.append(" IN (");
          for (int i = 0; i < right.size(); i++) {
            operand(b.append(i == 0 ? "" : ", "), right.get(i));
          }
          b.append(")");
        }
      }
      default -> throw new IllegalStateException(op + " is not a comparison");
    }
    for (Expr side : sides) {
      b.append(" AND ");
      render(side, b);
      b.append(" IS NOT NULL");
    }
    if (!sides.isEmpty()) {
      b.append(")");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Lookups on JSON columns.

  /**
   * Under a NOT, Django adds {@code AND column IS NOT NULL} for a nullable JSON column, as for any
   * lookup but {@code isnull}: {@code exclude(data__a=1)} keeps the rows whose column is NULL.
   */
  private static boolean twoValued(ColumnSpec column, JsonLookup<?> lookup, boolean negated) {
    return negated
        && column.nullable()
        && lookup.op() != JsonLookup.Op.IS_NULL
        && lookup.op() != JsonLookup.Op.NOT_NULL;
  }

  static void shapeJson(
      JsonLookup<?> lookup, ColumnSpec column, Shape shape, List<Object> params, Dialect dialect) {
    shape.add(Shape.JSON, column.index()).add(lookup.op().ordinal(), lookup.kind().ordinal());
    shape.add(lookup.keys().size());
    shapePath(lookup.path(), shape);
    dialect.jsonLookup(JsonSql.params(dialect, params), column, lookup);
  }

  static void renderJson(JsonLookup<?> lookup, ColumnSpec column, boolean negated, SqlBuffer b) {
    boolean twoValued = twoValued(column, lookup, negated);
    if (twoValued) {
      b.append("(");
    }
    b.dialect().jsonLookup(JsonSql.text(b), column, lookup);
    if (twoValued) {
      b.append(" AND ").column(column, List.of()).append(" IS NOT NULL)");
    }
  }

  /** The right side of a comparison: a text expression compares as the dialect compares text. */
  private static void operand(SqlBuffer b, Expr operand) {
    if (operand.kind() != Expr.Kind.VALUE && operand.type().type() == ColumnType.STRING) {
      b.dialect().textOperand(b, () -> render(operand, b));
    } else {
      render(operand, b);
    }
  }
}
