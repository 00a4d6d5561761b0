package dev.asyncmodel;

import dev.asyncmodel.internal.Dialect;
import dev.asyncmodel.internal.SqlBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One field lookup: {@code column op value(s)}. */
final class Lookup<T extends Record> extends Condition<T> {
  static final List<Object> NO_VALUES = List.of();

  private final Field<T> field;
  private final Op op;
  private final List<Object> values;

  Lookup(Field<T> field, Op op, List<Object> values) {
    this.field = field;
    this.op = op;
    this.values = values;
  }

  static <T extends Record> Lookup<T> of(Field<T> field, Op op, Object value) {
    if (value == null) {
      throw new NullPointerException(op + " on " + field.name() + " needs a value, not null");
    }
    return new Lookup<>(field, op, List.of(value));
  }

  static <T extends Record> Lookup<T> between(Field<T> field, Object low, Object high) {
    Objects.requireNonNull(low, () -> "between on " + field.name() + " needs a lower bound");
    Objects.requireNonNull(high, () -> "between on " + field.name() + " needs an upper bound");
    return new Lookup<>(field, Op.BETWEEN, List.of(low, high));
  }

  static <T extends Record> Lookup<T> in(Field<T> field, Collection<?> values) {
    List<Object> copy = new ArrayList<>(values.size());
    for (Object value : values) {
      copy.add(Objects.requireNonNull(value, () -> "in on " + field.name() + " got a null value"));
    }
    return new Lookup<>(field, Op.IN, List.copyOf(copy));
  }

  @Override
  void shape(Shape shape, List<Object> params, Dialect dialect) {
    shape.add(Shape.LOOKUP, field.spec().index()).add(op.ordinal());
    if (op == Op.IN && dialect.inAsArray()) {
      // One shape for every non-empty list: its values are one array parameter.
      shape.add(values.isEmpty() ? 0 : 1);
      if (!values.isEmpty()) {
        List<Object> encoded = new ArrayList<>(values.size());
        for (Object value : values) {
          encoded.add(encode(value, dialect));
        }
        params.add(dialect.array(field.spec(), encoded));
      }
      return;
    }
    if (op == Op.IN) {
      shape.add(values.size());
    }
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      if (op.isPattern()) {
        String text = dialect.escapeLike((String) value);
        params.add(
            switch (op) {
              case CONTAINS, ICONTAINS -> "%" + text + "%";
              case STARTS_WITH, ISTARTS_WITH -> text + "%";
              case ENDS_WITH, IENDS_WITH -> "%" + text;
              default -> throw new IllegalStateException(op.name());
            });
      } else {
        params.add(encode(value, dialect));
      }
    }
  }

  /** A value as the driver binds it for this lookup's column. */
  private @Nullable Object encode(Object value, Dialect dialect) {
    return dialect.encode(field.spec(), field.columnValue(value));
  }

  private SqlBuffer value(SqlBuffer sql) {
    sql.dialect().value(sql, field.spec());
    return sql;
  }

  @Override
  void render(SqlBuffer sql, boolean negated) {
    if (op == Op.IN && values.isEmpty()) {
      sql.append("1 = 0");
      return;
    }
    // Under a NOT, a comparison with NULL must be false, not unknown, for NOT to keep the row:
    // Django renders exclude(f=x) on a nullable f as NOT (f = x AND f IS NOT NULL).
    boolean twoValued = negated && field.spec().nullable() && op != Op.IS_NULL && op != Op.NOT_NULL;
    if (twoValued) {
      sql.append("(");
    }
    String column = sql.dialect().quote(field.column());
    switch (op) {
      case EQ -> value(sql.append(column).append(" = "));
      case GT -> value(sql.append(column).append(" > "));
      case GTE -> value(sql.append(column).append(" >= "));
      case LT -> value(sql.append(column).append(" < "));
      case LTE -> value(sql.append(column).append(" <= "));
      case BETWEEN -> value(value(sql.append(column).append(" BETWEEN ")).append(" AND "));
      case IS_NULL -> sql.append(column).append(" IS NULL");
      case NOT_NULL -> sql.append(column).append(" IS NOT NULL");
      case IN -> {
        if (sql.dialect().inAsArray()) {
          value(sql.append(column).append(" = ANY(")).append(")");
          break;
        }
        sql.append(column).append(" IN (");
        for (int i = 0; i < values.size(); i++) {
          if (i > 0) {
            sql.append(", ");
          }
          value(sql);
        }
        sql.append(")");
      }
      case IEQ -> sql.dialect().iexact(sql, column);
      case CONTAINS, STARTS_WITH, ENDS_WITH -> sql.dialect().like(sql, column, false);
      case ICONTAINS, ISTARTS_WITH, IENDS_WITH -> sql.dialect().like(sql, column, true);
    }
    if (twoValued) {
      sql.append(" AND ").append(column).append(" IS NOT NULL)");
    }
  }
}
