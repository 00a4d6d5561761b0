package dev.asyncmodel.internal;

import dev.asyncmodel.RefField;
import dev.asyncmodel.spi.ColumnSpec;
import dev.asyncmodel.spi.ColumnType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A node of an expression tree, as the {@link Compiler} renders it: a column, a bound value, an
 * arithmetic operation, a transform (Django's {@code __year}, {@code Lower}, {@code TruncMonth}) or
 * an aggregate. The typed expressions of the API ({@code AMOUNT.plus(delta)}, {@code
 * CREATED_AT.year()}, {@code AMOUNT.sum()}) each hold one.
 *
 * <p>Every node knows the type of its result as a {@link ColumnSpec}: the column's own for a
 * column, else one made for the node, with the decimal places a decimal result is read back at.
 * Values are bound with that type, results are read with it.
 */
public final class Expr {
  /** What a node is. */
  public enum Kind {
    /** A column of the query's model. */
    COLUMN,
    /** A value, bound as a parameter. */
    VALUE,
    /** Two operands and an {@link Arithmetic} operator. */
    ARITHMETIC,
    /** A {@link Transform} of one operand. */
    TRANSFORM,
    /** An {@link Aggregate} of one operand, or of the rows ({@code COUNT(*)}). */
    AGGREGATE,
    /**
     * The value at a path into a JSON column, as a {@link JsonCast}: Django's {@code KT()}. Its
     * value is the path, keys and indexes; its operand the column.
     */
    JSON,
    /**
     * An {@link Aggregate} of the rows of another model that reference the row: Django's {@code
     * annotate(Count("transaction"))}, a correlated subquery. Its value is a {@link Correlated}; it
     * has no operands at this level, since the subquery's columns are of the other model.
     */
    RELATED
  }

  /**
   * The subquery of a {@link Kind#RELATED} node.
   *
   * @param key the foreign key of the other model that references the row
   * @param rows the other model's rows: their conditions
   * @param source what is aggregated, in the other model's terms; null for {@code COUNT(*)}
   */
  public record Correlated(RefField<?, ?> key, Query<?> rows, @Nullable Expr source) {}

  /** What a path into a JSON column is read as. */
  public enum JsonCast {
    /** Django's {@code KeyTextTransform}: a string without quotes, else the JSON text. */
    TEXT,
    /** {@code Cast(KT(...), FloatField())}. */
    DOUBLE
  }

  /** Django's {@code +}, {@code -}, {@code *} and {@code /} of {@code F()} expressions. */
  public enum Arithmetic {
    /** {@code a + b}. */
    PLUS,
    /** {@code a - b}. */
    MINUS,
    /** {@code a * b}. */
    TIMES,
    /** {@code a / b}: truncating for integers, on every database. */
    DIVIDED_BY
  }

  /** Django's transforms and functions of one value. */
  public enum Transform {
    /** {@code __year} / {@code ExtractYear}. */
    YEAR,
    /** {@code __month} / {@code ExtractMonth}: 1 to 12. */
    MONTH,
    /** {@code __day} / {@code ExtractDay}: 1 to 31. */
    DAY,
    /** {@code __week_day} / {@code ExtractWeekDay}: 1 (Sunday) to 7 (Saturday). */
    WEEK_DAY,
    /** {@code __hour} / {@code ExtractHour}. */
    HOUR,
    /** {@code __minute} / {@code ExtractMinute}. */
    MINUTE,
    /** {@code __date} / {@code TruncDate}: the date of a timestamp, in UTC. */
    DATE,
    /** {@code TruncYear}: midnight of January 1st, in UTC. */
    TRUNC_YEAR,
    /** {@code TruncMonth}: midnight of the month's first day, in UTC. */
    TRUNC_MONTH,
    /** {@code TruncDay}: midnight of the day, in UTC. */
    TRUNC_DAY,
    /** {@code Length}: characters, not bytes. */
    LENGTH,
    /** {@code Lower}. */
    LOWER,
    /** {@code Upper}. */
    UPPER;

    /**
     * @return whether the transform takes a part of a date or time: its result is an integer
     */
    public boolean isExtract() {
      return ordinal() <= MINUTE.ordinal();
    }

    /**
     * @return whether the transform truncates a timestamp or date to a unit, keeping its type
     */
    public boolean isTrunc() {
      return this == TRUNC_YEAR || this == TRUNC_MONTH || this == TRUNC_DAY;
    }
  }

  /** Django's aggregate functions. */
  public enum Aggregate {
    /** {@code Count('*')}: the rows. */
    COUNT_ALL,
    /** {@code Count(f)}: the rows whose value is not NULL. */
    COUNT,
    /** {@code Count(f, distinct=True)}: the distinct values that are not NULL. */
    COUNT_DISTINCT,
    /** {@code Sum(f)}: NULL for no rows. */
    SUM,
    /** {@code Avg(f)}: NULL for no rows. */
    AVG,
    /** {@code Min(f)}: NULL for no rows. */
    MIN,
    /** {@code Max(f)}: NULL for no rows. */
    MAX
  }

  private final Kind kind;
  private final int op;
  private final ColumnSpec type;
  private final @Nullable Object value;
  private final List<Expr> args;

  private Expr(Kind kind, int op, ColumnSpec type, @Nullable Object value, List<Expr> args) {
    this.kind = kind;
    this.op = op;
    this.type = type;
    this.value = value;
    this.args = args;
  }

  /**
   * @param column the column
   * @return the column as an expression
   */
  public static Expr column(ColumnSpec column) {
    return new Expr(Kind.COLUMN, 0, Objects.requireNonNull(column, "column"), null, List.of());
  }

  /**
   * @param column a column of another model
   * @param hops the foreign keys followed to reach it, from the query's model; not empty
   * @return the column, reached across relations (Django's {@code user__username})
   */
  public static Expr column(ColumnSpec column, List<RefField<?, ?>> hops) {
    if (hops.isEmpty()) {
      return column(column);
    }
    return new Expr(
        Kind.COLUMN,
        crossesNullableKey(hops) ? 1 : 0,
        Objects.requireNonNull(column, "column"),
        List.copyOf(hops),
        List.of());
  }

  /**
   * @param hops foreign keys followed from the query's model
   * @return whether one of them is nullable: a column reached through them is NULL where it is
   */
  public static boolean crossesNullableKey(List<RefField<?, ?>> hops) {
    for (RefField<?, ?> hop : hops) {
      if (Internals.spec(hop).nullable()) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param column a column
   * @param hops the foreign keys followed to reach it
   * @return whether it can be NULL: the column is nullable, or a key on the way is
   */
  public static boolean nullable(ColumnSpec column, List<RefField<?, ?>> hops) {
    return column.nullable() || crossesNullableKey(hops);
  }

  /**
   * @return the foreign keys followed to reach a column; empty for a column of the query's model,
   *     and for every other kind of node
   */
  @SuppressWarnings("unchecked") // a column's value is only ever its hops
  public List<RefField<?, ?>> hops() {
    return kind == Kind.COLUMN && value != null ? (List<RefField<?, ?>>) value : List.of();
  }

  /**
   * @return whether the expression reads a column across a relation, anywhere in its tree
   */
  public boolean crossesRelation() {
    if (!hops().isEmpty() || kind == Kind.RELATED) {
      return true;
    }
    for (Expr arg : args) {
      if (arg.crossesRelation()) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param type the type the value is bound as
   * @param value the value as a record holds it, not null
   * @return the value as an expression
   */
  public static Expr value(ColumnSpec type, Object value) {
    return new Expr(Kind.VALUE, 0, type, Objects.requireNonNull(value, "value"), List.of());
  }

  /**
   * @param operator the operator
   * @param left the left operand
   * @param right the right operand, of the same type
   * @return {@code left operator right}, of the left operand's type
   */
  public static Expr arithmetic(Arithmetic operator, Expr left, Expr right) {
    ColumnSpec type = result(left.type);
    if (type.type() == ColumnType.DECIMAL) {
      // The scale a decimal result is read back at, as SQL's exact arithmetic gives it: the larger
      // of a sum's, the total of a product's, and four more than the dividend's for a quotient
      // (MySQL's div_precision_increment; PostgreSQL's quotient, with more digits, is rounded).
      int l = left.places();
      int r = right.places();
      int places =
          switch (operator) {
            case PLUS, MINUS -> Math.max(l, r);
            case TIMES -> l + r;
            case DIVIDED_BY -> l + 4;
          };
      type = type.withDecimal(type.maxDigits(), places);
    }
    return new Expr(Kind.ARITHMETIC, operator.ordinal(), type, null, List.of(left, right));
  }

  /** The decimal places of a decimal node: a value's own scale, else its type's. */
  private int places() {
    return kind == Kind.VALUE && value instanceof java.math.BigDecimal d
        ? Math.max(d.scale(), 0)
        : type.decimalPlaces();
  }

  /**
   * @param transform the transform
   * @param source what it transforms
   * @return the transform of {@code source}
   */
  public static Expr transform(Transform transform, Expr source) {
    ColumnSpec type =
        switch (transform) {
          case DATE -> result(ColumnType.LOCAL_DATE);
          case TRUNC_YEAR, TRUNC_MONTH, TRUNC_DAY, LOWER, UPPER -> result(source.type);
          default -> result(ColumnType.INT);
        };
    return new Expr(Kind.TRANSFORM, transform.ordinal(), type, null, List.of(source));
  }

  /**
   * @param cast what the value is read as
   * @param column the JSON column
   * @param path keys ({@code String}) and indexes ({@code Integer}), one at least
   * @return the value at the path
   */
  public static Expr json(JsonCast cast, Expr column, List<Object> path) {
    if (path.isEmpty()) {
      throw new IllegalArgumentException("a JSON path needs a key or an index");
    }
    ColumnSpec type = result(cast == JsonCast.TEXT ? ColumnType.STRING : ColumnType.DOUBLE);
    return new Expr(Kind.JSON, cast.ordinal(), type, List.copyOf(path), List.of(column));
  }

  /**
   * @return a {@link Kind#JSON} node's path: keys ({@code String}) and indexes ({@code Integer})
   */
  /**
   * @param aggregate the aggregate
   * @param correlated the referencing rows and what of them is aggregated
   * @return the aggregate of the rows that reference the row, as one value of it
   */
  public static Expr related(Aggregate aggregate, Correlated correlated) {
    Expr source = correlated.source();
    ColumnSpec type =
        aggregate == Aggregate.COUNT_ALL
            ? result(ColumnType.LONG)
            : aggregate(aggregate, Objects.requireNonNull(source, "source")).type;
    return new Expr(Kind.RELATED, aggregate.ordinal(), type, correlated, List.of());
  }

  /**
   * @return the subquery of a {@link Kind#RELATED} node
   */
  public Correlated correlated() {
    if (kind != Kind.RELATED) {
      throw new IllegalStateException(kind + " is not a correlated subquery");
    }
    return (Correlated) Objects.requireNonNull(value);
  }

  @SuppressWarnings("unchecked") // made only by json(), with a list
  public List<Object> path() {
    if (kind != Kind.JSON) {
      throw new IllegalStateException(kind + " has no path");
    }
    return (List<Object>) java.util.Objects.requireNonNull(value);
  }

  /**
   * Django's result types: a count is a {@code Long}; the sum of integers a {@code Long}, of floats
   * a {@code Double}, of decimals a {@code BigDecimal} at the field's scale; the average of
   * integers or floats a {@code Double}, of decimals a {@code BigDecimal} at the field's scale plus
   * four (as MySQL computes it); the minimum and maximum of the field's own type.
   *
   * @param aggregate the function
   * @param source what it aggregates; ignored for {@link Aggregate#COUNT_ALL}
   * @return the aggregate
   */
  public static Expr aggregate(Aggregate aggregate, @Nullable Expr source) {
    ColumnSpec type;
    switch (aggregate) {
      case COUNT_ALL, COUNT, COUNT_DISTINCT -> type = result(ColumnType.LONG);
      case SUM -> type = summed(Objects.requireNonNull(source, "source"));
      case AVG -> {
        ColumnSpec from = Objects.requireNonNull(source, "source").type;
        type =
            from.type() == ColumnType.DECIMAL
                ? result(ColumnType.DECIMAL).withDecimal(from.maxDigits(), from.decimalPlaces() + 4)
                : result(ColumnType.DOUBLE);
      }
      default -> type = result(Objects.requireNonNull(source, "source").type);
    }
    return new Expr(
        Kind.AGGREGATE,
        aggregate.ordinal(),
        type,
        null,
        source == null || aggregate == Aggregate.COUNT_ALL ? List.of() : List.of(source));
  }

  private static ColumnSpec summed(Expr source) {
    ColumnSpec from = source.type;
    return switch (from.type()) {
      case LONG, INT, SHORT -> result(ColumnType.LONG);
      case DOUBLE, FLOAT -> result(ColumnType.DOUBLE);
      default -> result(from);
    };
  }

  /** A result's type: the column's type and decimal places, nullable, with no column. */
  private static ColumnSpec result(ColumnSpec from) {
    ColumnSpec type = result(from.type());
    return from.type() == ColumnType.DECIMAL
        ? type.withDecimal(from.maxDigits(), from.decimalPlaces())
        : type;
  }

  private static ColumnSpec result(ColumnType type) {
    return ColumnSpec.of(0, "", type.name().toLowerCase(Locale.ROOT), type).withNullable();
  }

  /**
   * @return what the node is
   */
  public Kind kind() {
    return kind;
  }

  /**
   * @return the operator, transform or aggregate's ordinal; 0 for a column or a value
   */
  public int op() {
    return op;
  }

  /**
   * @return the type of the result; a column's own spec for a column
   */
  public ColumnSpec type() {
    return type;
  }

  /**
   * @return a value node's value, as a record holds it; null for other nodes
   */
  public @Nullable Object value() {
    return value;
  }

  /**
   * @return the operands: two for arithmetic, one for a transform or an aggregate of a value
   */
  public List<Expr> args() {
    return args;
  }

  /**
   * @return whether the node is or holds an aggregate
   */
  public boolean hasAggregate() {
    if (kind == Kind.AGGREGATE) {
      return true;
    }
    for (Expr arg : args) {
      if (arg.hasAggregate()) {
        return true;
      }
    }
    return false;
  }

  /**
   * @return whether the node's result can be NULL: a nullable column, or anything of one
   */
  public boolean nullable() {
    return switch (kind) {
      // A column across a nullable key is NULL where the key is.
      case COLUMN -> type.nullable() || op == 1;
      case VALUE -> false;
      case JSON -> true;
      case AGGREGATE -> op >= Aggregate.SUM.ordinal();
      case RELATED -> op != Aggregate.COUNT_ALL.ordinal();
      default -> args.stream().anyMatch(Expr::nullable);
    };
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
  public static List<String> names(List<Expr> exprs) {
    return names(exprs, false);
  }

  /**
   * The aliases a statement gives its selections: {@link #names} without what the user wrote (a
   * JSON key is {@code json}), so that the SQL text depends only on the statement's shape and holds
   * nothing but identifiers the library made.
   *
   * @param exprs the selections' trees
   * @return their aliases, in order
   */
  public static List<String> aliases(List<Expr> exprs) {
    return names(exprs, true);
  }

  private static List<String> names(List<Expr> exprs, boolean sql) {
    List<String> names = new ArrayList<>(exprs.size());
    Set<String> taken = new HashSet<>();
    for (Expr e : exprs) {
      String base = name(e, sql);
      String name = base;
      for (int n = 2; !taken.add(name); n++) {
        name = base + "_" + n;
      }
      names.add(name);
    }
    return List.copyOf(names);
  }

  private static String name(Expr e, boolean sql) {
    return switch (e.kind()) {
      case COLUMN -> {
        StringBuilder name = new StringBuilder();
        for (RefField<?, ?> hop : e.hops()) {
          name.append(Internals.spec(hop).dictKey()).append("__");
        }
        yield name.append(e.type().dictKey()).toString();
      }
      case VALUE -> "value";
      case ARITHMETIC ->
          name(e.args().get(0), sql)
              + "__"
              + Arithmetic.values()[e.op()].name().toLowerCase(Locale.ROOT);
      case TRANSFORM ->
          name(e.args().get(0), sql)
              + "__"
              + Transform.values()[e.op()].name().toLowerCase(Locale.ROOT);
      case JSON -> {
        StringBuilder path = new StringBuilder(name(e.args().get(0), sql));
        if (sql) {
          path.append("__json");
        } else {
          for (Object step : e.path()) {
            path.append("__").append(step);
          }
        }
        yield path.toString();
      }
      case RELATED -> {
        Correlated related = e.correlated();
        String function =
            Aggregate.values()[e.op()] == Aggregate.COUNT_ALL
                ? "count"
                : Aggregate.values()[e.op()].name().toLowerCase(Locale.ROOT);
        String model = related.rows().model().name().toLowerCase(Locale.ROOT);
        Expr source = related.source();
        yield source == null
            ? model + "__" + function
            : model + "__" + name(source, sql) + "__" + function;
      }
      case AGGREGATE -> {
        Aggregate aggregate = Aggregate.values()[e.op()];
        String function =
            switch (aggregate) {
              case COUNT_ALL, COUNT, COUNT_DISTINCT -> "count";
              default -> aggregate.name().toLowerCase(Locale.ROOT);
            };
        yield e.args().isEmpty() ? function : name(e.args().get(0), sql) + "__" + function;
      }
    };
  }

  @Override
  public String toString() {
    return switch (kind) {
      case COLUMN -> {
        StringBuilder name = new StringBuilder("F(");
        for (RefField<?, ?> hop : hops()) {
          name.append(Internals.spec(hop).property()).append("__");
        }
        yield name.append(type.property()).append(")").toString();
      }
      case VALUE -> String.valueOf(value);
      case ARITHMETIC -> "(" + args.get(0) + " " + "+-*/".charAt(op) + " " + args.get(1) + ")";
      case TRANSFORM ->
          Transform.values()[op].name().toLowerCase(Locale.ROOT) + "(" + args.get(0) + ")";
      case AGGREGATE ->
          Aggregate.values()[op].name().toLowerCase(Locale.ROOT)
              + "("
              + (args.isEmpty() ? "*" : args.get(0).toString())
              + ")";
      case RELATED -> {
        Correlated related = correlated();
        yield Aggregate.values()[op].name().toLowerCase(Locale.ROOT)
            + "("
            + (related.source() == null ? "*" : related.source().toString())
            + " of "
            + related.rows()
            + " by "
            + related.key().name()
            + ")";
      }
      case JSON -> {
        StringBuilder lookup = new StringBuilder(args.get(0).type.property());
        for (Object step : path()) {
          lookup.append("__").append(step);
        }
        yield op == JsonCast.TEXT.ordinal()
            ? "KT(" + lookup + ")"
            : "Cast(KT(" + lookup + "), FloatField())";
      }
    };
  }
}
