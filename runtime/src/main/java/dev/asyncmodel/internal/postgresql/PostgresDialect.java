package dev.asyncmodel.internal.postgresql;

import dev.asyncmodel.JsonLookup;
import dev.asyncmodel.internal.Dialect;
import dev.asyncmodel.internal.DjangoJson;
import dev.asyncmodel.internal.Expr;
import dev.asyncmodel.internal.JsonSql;
import dev.asyncmodel.internal.Operand;
import dev.asyncmodel.internal.SqlBuffer;
import dev.asyncmodel.spi.ColumnSpec;
import dev.asyncmodel.spi.ColumnType;
import io.vertx.core.buffer.Buffer;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.data.Numeric;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** PostgreSQL: numbered placeholders, native types, RETURNING, ILIKE. */
public final class PostgresDialect extends Dialect {
  /** The one instance. */
  public static final PostgresDialect INSTANCE = new PostgresDialect();

  private PostgresDialect() {}

  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public void placeholder(StringBuilder sql, int n) {
    sql.append('$').append(n);
  }

  @Override
  public @Nullable Object encode(ColumnSpec column, @Nullable Object value) {
    if (value == null) {
      return null;
    }
    return switch (column.type()) {
      case INSTANT -> ((Instant) value).atOffset(ZoneOffset.UTC);
      case BYTES -> Buffer.buffer((byte[]) value);
      case ENUM -> ((Enum<?>) value).name();
      default -> value;
    };
  }

  /**
   * {@code column = ANY($n)}: one statement for lists of every size. PostgreSQL types the parameter
   * as an array of the column's type; the driver takes a Java array of the encoded values.
   */
  @Override
  public boolean inAsArray() {
    return true;
  }

  @Override
  public Object array(ColumnSpec column, List<Object> encoded) {
    int n = encoded.size();
    return switch (column.type()) {
      case LONG -> encoded.toArray(new Long[n]);
      case INT -> encoded.toArray(new Integer[n]);
      case SHORT -> encoded.toArray(new Short[n]);
      case BOOLEAN -> encoded.toArray(new Boolean[n]);
      case DOUBLE -> encoded.toArray(new Double[n]);
      case FLOAT -> encoded.toArray(new Float[n]);
      case STRING, ENUM -> encoded.toArray(new String[n]);
      case DECIMAL -> {
        Numeric[] numerics = new Numeric[n];
        for (int i = 0; i < n; i++) {
          numerics[i] = Numeric.create((BigDecimal) encoded.get(i));
        }
        yield numerics;
      }
      case INSTANT, OFFSET_DATE_TIME -> encoded.toArray(new OffsetDateTime[n]);
      case LOCAL_DATE -> encoded.toArray(new LocalDate[n]);
      case LOCAL_DATE_TIME -> encoded.toArray(new LocalDateTime[n]);
      case LOCAL_TIME -> encoded.toArray(new LocalTime[n]);
      case UUID -> encoded.toArray(new UUID[n]);
      case BYTES -> encoded.toArray(new Buffer[n]);
      case JSON -> throw new IllegalStateException("A JSON column has no in lookup");
    };
  }

  /**
   * {@code INSERT ... SELECT * FROM unnest($1::bigint[], ...)} and {@code UPDATE ... FROM
   * unnest(...)}: an array per column. Measured on 100,000 rows, about 2.5 times the rows per
   * second of multi-row VALUES of 1,024 rows, whose plan PostgreSQL builds for every execution.
   */
  @Override
  public boolean bulkByArrays() {
    return true;
  }

  /**
   * Decimals and JSON go as their text, {@code $n::text[]::numeric[]}: exact, and the driver cannot
   * encode a {@code Numeric[]} that holds a null.
   */
  @Override
  public Object columnArray(ColumnSpec column, List<@Nullable Object> encoded) {
    if (column.type() == ColumnType.JSON) {
      String[] texts = new String[encoded.size()];
      for (int i = 0; i < texts.length; i++) {
        Object value = encoded.get(i);
        texts[i] = value == null ? null : DjangoJson.dumps(value);
      }
      return texts;
    }
    if (column.type() != dev.asyncmodel.spi.ColumnType.DECIMAL) {
      return array(column, encoded);
    }
    String[] texts = new String[encoded.size()];
    for (int i = 0; i < texts.length; i++) {
      Object value = encoded.get(i);
      texts[i] = value == null ? null : ((BigDecimal) value).toPlainString();
    }
    return texts;
  }

  @Override
  public void arrayOf(SqlBuffer sql, ColumnSpec column) {
    sql.param().append("::");
    if (column.type() == ColumnType.DECIMAL || column.type() == ColumnType.JSON) {
      sql.append("text[]::");
    }
    sql.append(typeName(column)).append("[]");
  }

  /** A portal lives in its transaction: a stream outside one begins its own. */
  @Override
  public boolean cursorNeedsTransaction() {
    return true;
  }

  private static String typeName(ColumnSpec column) {
    return switch (column.type()) {
      case LONG -> "bigint";
      case INT -> "integer";
      case SHORT -> "smallint";
      case BOOLEAN -> "boolean";
      case DOUBLE -> "double precision";
      case FLOAT -> "real";
      case STRING, ENUM -> "text";
      case DECIMAL -> "numeric";
      case INSTANT, OFFSET_DATE_TIME -> "timestamptz";
      case LOCAL_DATE -> "date";
      case LOCAL_DATE_TIME -> "timestamp";
      case LOCAL_TIME -> "time";
      case UUID -> "uuid";
      case BYTES -> "bytea";
      case JSON -> "jsonb";
    };
  }

  @Override
  public void like(SqlBuffer sql, String column, boolean ignoreCase) {
    // Backslash is PostgreSQL's default LIKE escape, so no ESCAPE clause is needed.
    sql.append(column).append(ignoreCase ? " ILIKE " : " LIKE ").param();
  }

  @Override
  public boolean supportsReturning() {
    return true;
  }

  @Override
  protected @Nullable String sqlState(Throwable error) {
    return error instanceof PgException pg ? pg.getSqlState() : null;
  }

  @Override
  protected @Nullable String databaseMessage(Throwable error) {
    return error instanceof PgException pg ? pg.getErrorMessage() : null;
  }

  @Override
  protected boolean isUniqueViolation(Throwable error) {
    return "23505".equals(sqlState(error));
  }

  /**
   * "cached plan must not change result type" (0A000) when a column's type changed, and "bind
   * message has 2 result formats but query has 3 columns" (08P01) when one was added or dropped:
   * the two errors on which vertx-pg-client drops the statement from its cache.
   */
  @Override
  public boolean isStaleStatement(Throwable error) {
    if (!(error instanceof PgException pg) || pg.getErrorMessage() == null) {
      return false;
    }
    String text = pg.getErrorMessage();
    return ("0A000".equals(pg.getSqlState())
            && text.equals("cached plan must not change result type"))
        || text.matches("bind message has \\d+ result formats but query has \\d+ columns");
  }

  /**
   * {@code statement_timeout} stops a statement with SQLSTATE 57014 (query_canceled) and "canceling
   * statement due to statement timeout"; the same SQLSTATE with "due to user request" is someone's
   * {@code pg_cancel_backend}, not a timeout.
   */
  @Override
  protected boolean isTimeout(
      @Nullable String state, @Nullable Integer code, @Nullable String own) {
    return "57014".equals(state) && own != null && own.contains("statement timeout");
  }

  /**
   * Date parts and truncations in UTC: a {@code timestamp with time zone} is taken {@code AT TIME
   * ZONE 'UTC'} first (Django's {@code USE_TZ = True}), and a truncation of one is turned back into
   * one.
   */
  @Override
  public void transform(SqlBuffer sql, Expr.Transform transform, ColumnType source, Operand arg) {
    boolean zoned = source == ColumnType.INSTANT || source == ColumnType.OFFSET_DATE_TIME;
    Operand utc =
        zoned
            ? () -> {
              sql.append("(");
              arg.render();
              sql.append(" AT TIME ZONE 'UTC')");
            }
            : arg;
    switch (transform) {
      case YEAR, MONTH, DAY, HOUR, MINUTE -> {
        sql.append("CAST(EXTRACT(").append(transform.name()).append(" FROM ");
        utc.render();
        sql.append(") AS integer)");
      }
      case WEEK_DAY -> {
        sql.append("(CAST(EXTRACT(DOW FROM ");
        utc.render();
        sql.append(") AS integer) + 1)");
      }
      case DATE -> {
        sql.append("CAST(");
        utc.render();
        sql.append(" AS date)");
      }
      case TRUNC_YEAR, TRUNC_MONTH, TRUNC_DAY -> {
        String unit =
            switch (transform) {
              case TRUNC_YEAR -> "year";
              case TRUNC_MONTH -> "month";
              default -> "day";
            };
        sql.append(source == ColumnType.LOCAL_DATE ? "CAST(" : zoned ? "(" : "");
        sql.append("DATE_TRUNC('").append(unit).append("', ");
        utc.render();
        sql.append(")");
        sql.append(
            source == ColumnType.LOCAL_DATE ? " AS date)" : zoned ? " AT TIME ZONE 'UTC')" : "");
      }
      default -> super.transform(sql, transform, source, arg);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // JSON: jsonb's operators, as Django renders them, each key and value a parameter.

  /**
   * The value at the path: {@code (("data" -> $1) -> $2::integer)}, one {@code ->} per step, a key
   * bound as text and an index as an integer. (Django writes one {@code #>} for a longer path,
   * whose text array would also take a key of digits for an index; this keeps a key a key.)
   */
  private static void path(JsonSql sql, ColumnSpec column, List<Object> steps, boolean lastAsText) {
    sql.append("(".repeat(steps.size())).column(column);
    for (int i = 0; i < steps.size(); i++) {
      Object step = steps.get(i);
      sql.append(lastAsText && i == steps.size() - 1 ? " ->> " : " -> ").param(step);
      sql.append(step instanceof Integer ? "::integer)" : ")");
    }
  }

  /** A JSON value bound as its text and cast: {@code $1::text::jsonb}. */
  private static void jsonValue(JsonSql sql, @Nullable Object value) {
    sql.param(DjangoJson.dumps(value)).append("::text::jsonb");
  }

  @Override
  public void jsonLookup(JsonSql sql, ColumnSpec column, JsonLookup<?> lookup) {
    JsonLookup.Op op = lookup.op();
    if (op == JsonLookup.Op.GT
        || op == JsonLookup.Op.GTE
        || op == JsonLookup.Op.LT
        || op == JsonLookup.Op.LTE) {
      // jsonb orders values of different types by type (a string below any number, a boolean
      // above): an order holds only between values of the same JSON type, as on the other
      // databases.
      sql.append("(jsonb_typeof(");
      path(sql, column, lookup.path(), false);
      sql.append(
          lookup.kind() == JsonLookup.Kind.NUMBER ? ") = 'number' AND " : ") = 'string' AND ");
      path(sql, column, lookup.path(), false);
      sql.append(
          switch (op) {
            case GT -> " > ";
            case GTE -> " >= ";
            case LT -> " < ";
            default -> " <= ";
          });
      jsonValue(sql, lookup.value());
      sql.append(")");
      return;
    }
    path(sql, column, lookup.path(), false);
    switch (op) {
      case EQ -> {
        sql.append(" = ");
        jsonValue(sql, lookup.value());
      }
      case GT, GTE, LT, LTE -> throw new IllegalStateException(op.name());
      case IS_NULL -> sql.append(" IS NULL");
      case NOT_NULL -> sql.append(" IS NOT NULL");
      case HAS_KEY -> sql.append(" ? ").param(lookup.keys().get(0));
      case HAS_KEYS -> sql.append(" ?& ").param(lookup.keys().toArray(new String[0]));
      case HAS_ANY_KEYS -> sql.append(" ?| ").param(lookup.keys().toArray(new String[0]));
      case CONTAINS -> jsonValue(sql.append(" @> "), lookup.value());
      case CONTAINED_BY -> jsonValue(sql.append(" <@ "), lookup.value());
    }
  }

  /** Django's {@code KT()}: {@code ->>} for the last step; a number is cast from that text. */
  @Override
  public void jsonExtract(JsonSql sql, ColumnSpec column, List<Object> path, Expr.JsonCast cast) {
    if (cast == Expr.JsonCast.DOUBLE) {
      sql.append("CAST(");
      path(sql, column, path, true);
      sql.append(" AS double precision)");
    } else {
      path(sql, column, path, true);
    }
  }
}
