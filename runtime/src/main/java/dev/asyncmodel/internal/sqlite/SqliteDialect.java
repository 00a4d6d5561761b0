package dev.asyncmodel.internal.sqlite;

import dev.asyncmodel.JsonLookup;
import dev.asyncmodel.TransactionOptions;
import dev.asyncmodel.internal.Dialect;
import dev.asyncmodel.internal.DjangoJson;
import dev.asyncmodel.internal.DjangoText;
import dev.asyncmodel.internal.Expr;
import dev.asyncmodel.internal.JsonSql;
import dev.asyncmodel.internal.Operand;
import dev.asyncmodel.internal.SqlBuffer;
import dev.asyncmodel.spi.ColumnSpec;
import dev.asyncmodel.spi.ColumnType;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * SQLite, storing values as Django's SQLite backend does: dates and times as text ({@code
 * YYYY-MM-DD HH:MM:SS[.ffffff]}, UTC), decimals as numbers, booleans as 0 or 1, UUIDs as 32 hex
 * digits. {@code ?} placeholders; {@code LIKE} is made case-sensitive per connection ({@code PRAGMA
 * case_sensitive_like}), so {@code contains} and {@code icontains} differ as on PostgreSQL.
 */
public final class SqliteDialect extends Dialect {
  /** The one instance. */
  public static final SqliteDialect INSTANCE = new SqliteDialect();

  private SqliteDialect() {}

  /**
   * {@code BEGIN IMMEDIATE}: takes the write lock at once, so no reader-turned-writer can fail with
   * {@code SQLITE_BUSY} halfway through a block. SQLite's transactions are serializable whatever
   * level is asked for; a read-only one sets {@code PRAGMA query_only}.
   */
  @Override
  public List<String> begin(TransactionOptions options) {
    return options.isReadOnly()
        ? List.of("BEGIN IMMEDIATE", "PRAGMA query_only = 1")
        : List.of("BEGIN IMMEDIATE");
  }

  @Override
  public List<String> afterTransaction(TransactionOptions options) {
    return options.isReadOnly() ? List.of("PRAGMA query_only = 0") : List.of();
  }

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public void placeholder(StringBuilder sql, int n) {
    sql.append('?');
  }

  @Override
  public @Nullable Object encode(ColumnSpec column, @Nullable Object value) {
    if (value == null) {
      return null;
    }
    return switch (column.type()) {
      case BOOLEAN -> ((Boolean) value) ? 1 : 0;
      case SHORT -> ((Short) value).intValue();
      case FLOAT -> ((Float) value).doubleValue();
      case DECIMAL -> ((BigDecimal) value).toPlainString();
      case INSTANT -> DjangoText.dateTime(LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
      case OFFSET_DATE_TIME ->
          DjangoText.dateTime(
              ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
      case LOCAL_DATE_TIME -> DjangoText.dateTime((LocalDateTime) value);
      case LOCAL_DATE -> ((LocalDate) value).toString();
      case LOCAL_TIME -> DjangoText.time((LocalTime) value);
      case UUID -> DjangoText.hex((UUID) value);
      case ENUM -> ((Enum<?>) value).name();
      case JSON -> DjangoJson.dumps(value);
      default -> value;
    };
  }

  @Override
  public void like(SqlBuffer sql, String column, boolean ignoreCase) {
    if (ignoreCase) {
      sql.append("UPPER(").append(column).append(") LIKE UPPER(").param().append(") ESCAPE '\\'");
    } else {
      sql.append(column).append(" LIKE ").param().append(" ESCAPE '\\'");
    }
  }

  /**
   * SQLite's {@code REGEXP} calls a function {@code regexp(pattern, text)}, which {@link
   * SqliteStore} registers on every connection with Java's regular expressions; {@code iregex}
   * prefixes the pattern with {@code (?iu)}, as Django prefixes {@code (?i)} there.
   */
  @Override
  public void regex(SqlBuffer sql, String column, boolean ignoreCase) {
    sql.append(column).append(ignoreCase ? " REGEXP '(?iu)' || " : " REGEXP ").param();
  }

  /** SQLite has no OFFSET without a LIMIT: {@code LIMIT -1} means none. */
  @Override
  public void limitOffset(SqlBuffer sql, int limit, boolean offset) {
    if (offset && limit < 0) {
      sql.append(" LIMIT -1 OFFSET ").param();
    } else {
      super.limitOffset(sql, limit, offset);
    }
  }

  /**
   * {@code EXPLAIN QUERY PLAN}: the plan as rows of text, as Django's SQLite backend asks for it
   * (SQLite's plain {@code EXPLAIN} lists the bytecode of its virtual machine).
   */
  @Override
  public void explain(SqlBuffer sql) {
    sql.append("EXPLAIN QUERY PLAN ");
  }

  /** The id comes from {@code last_insert_rowid()} on the writer's connection instead. */
  @Override
  public boolean supportsReturning() {
    return false;
  }

  /** SQLite 3.35 has {@code RETURNING}, which a multi-row INSERT uses; this driver bundles 3.51. */
  @Override
  public Boolean bulkReturning() {
    return true;
  }

  /** SQLite's own limit since 3.32 ({@code SQLITE_MAX_VARIABLE_NUMBER}). */
  @Override
  public int maxParams() {
    return 32_766;
  }

  @Override
  public boolean supportsForUpdate() {
    return false;
  }

  @Override
  protected @Nullable String sqlState(Throwable error) {
    if (error instanceof SQLiteException e) {
      // SQLite has no SQLSTATE; constraint failures map to class 23, as on the other databases.
      if (e.getResultCode().code % 256 == SQLiteErrorCode.SQLITE_CONSTRAINT.code) {
        return "23000";
      }
      String text = e.getMessage();
      return text != null && text.contains(SqliteStore.OVERFLOW) ? "22003" : null;
    }
    return error instanceof SQLException e ? e.getSQLState() : null;
  }

  @Override
  protected @Nullable Integer errorCode(Throwable error) {
    return error instanceof SQLiteException e ? e.getResultCode().code : null;
  }

  @Override
  protected @Nullable String databaseMessage(Throwable error) {
    return error instanceof SQLiteException e ? e.getMessage() : null;
  }

  @Override
  protected boolean isUniqueViolation(Throwable error) {
    return error instanceof SQLiteException e
        && (e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
            || e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY);
  }

  /**
   * A decimal in an expression is bound as text, which SQLite would compare as text with a number:
   * it is cast to a number first.
   */
  @Override
  public void expressionValue(SqlBuffer sql, ColumnSpec type) {
    if (type.type() == ColumnType.DECIMAL) {
      sql.append("CAST(").param().append(" AS NUMERIC)");
    } else {
      value(sql, type);
    }
  }

  /**
   * A decimal is stored as an integer when it has no fraction, and SQLite's {@code /} of two
   * integers truncates: a decimal division divides reals.
   */
  @Override
  public void arithmetic(
      SqlBuffer sql, Expr.Arithmetic operator, ColumnType type, Operand left, Operand right) {
    if (operator == Expr.Arithmetic.DIVIDED_BY && type == ColumnType.DECIMAL) {
      super.arithmetic(
          sql,
          operator,
          type,
          () -> {
            sql.append("CAST(");
            left.render();
            sql.append(" AS REAL)");
          },
          right);
    } else {
      super.arithmetic(sql, operator, type, left, right);
    }
  }

  /**
   * Date parts and truncations with {@code strftime} on the stored text, which holds UTC; a
   * truncated timestamp is written as Django writes one.
   */
  @Override
  public void transform(SqlBuffer sql, Expr.Transform transform, ColumnType source, Operand arg) {
    boolean date = source == ColumnType.LOCAL_DATE;
    switch (transform) {
      case YEAR, MONTH, DAY, HOUR, MINUTE -> {
        String part =
            switch (transform) {
              case YEAR -> "%Y";
              case MONTH -> "%m";
              case DAY -> "%d";
              case HOUR -> "%H";
              default -> "%M";
            };
        sql.append("CAST(strftime('").append(part).append("', ");
        arg.render();
        sql.append(") AS INTEGER)");
      }
      case WEEK_DAY -> {
        sql.append("(CAST(strftime('%w', ");
        arg.render();
        sql.append(") AS INTEGER) + 1)");
      }
      case DATE -> {
        sql.append("date(");
        arg.render();
        sql.append(")");
      }
      case TRUNC_YEAR, TRUNC_MONTH, TRUNC_DAY -> {
        String format =
            switch (transform) {
              case TRUNC_YEAR -> "%Y-01-01";
              case TRUNC_MONTH -> "%Y-%m-01";
              default -> "%Y-%m-%d";
            };
        sql.append("strftime('").append(format).append(date ? "" : " 00:00:00").append("', ");
        arg.render();
        sql.append(")");
      }
      default -> super.transform(sql, transform, source, arg);
    }
  }

  /**
   * SQLite keeps whatever an expression gives in a {@code decimal} column: the function that {@link
   * SqliteStore} registers rounds it to the column's places and fails, as the other databases do,
   * when it does not fit.
   */
  @Override
  public void assignExpression(SqlBuffer sql, ColumnSpec target, Operand value) {
    long[] range =
        switch (target.type()) {
          case INT -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
          case SHORT -> new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
          case LONG -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
          default -> null;
        };
    if (range != null) {
      // SQLite turns an integer that overflows into a real and keeps any integer in any column.
      sql.append(SqliteStore.FIT_INTEGER).append("(");
      value.render();
      sql.append(", ")
          .append(Long.toString(range[0]))
          .append(", ")
          .append(Long.toString(range[1]))
          .append(")");
      return;
    }
    if (target.type() != ColumnType.DECIMAL) {
      value.render();
      return;
    }
    sql.append(SqliteStore.FIT_DECIMAL).append("(");
    value.render();
    sql.append(", ")
        .append(Integer.toString(target.maxDigits()))
        .append(", ")
        .append(Integer.toString(target.decimalPlaces()))
        .append(")");
  }

  // ---------------------------------------------------------------------------------------------
  // JSON: the JSON1 functions, as Django renders them, each path a parameter.

  /**
   * Django's key transform on SQLite: {@code JSON_EXTRACT} gives {@code null}, {@code true} and
   * {@code false} as SQL NULL, 1 and 0, so their JSON type stands for them.
   */
  private static void value(JsonSql sql, ColumnSpec column, String path) {
    sql.append("(CASE WHEN JSON_TYPE(").column(column).append(", ").param(path);
    sql.append(") IN ('null', 'true', 'false') THEN JSON_TYPE(").column(column).append(", ");
    sql.param(path).append(") ELSE JSON_EXTRACT(").column(column).append(", ").param(path);
    sql.append(") END)");
  }

  private static void type(JsonSql sql, ColumnSpec column, String path, String test) {
    sql.append("JSON_TYPE(").column(column).append(", ").param(path).append(test);
  }

  @Override
  public void jsonLookup(JsonSql sql, ColumnSpec column, JsonLookup<?> lookup) {
    String path = DjangoJson.sqlitePath(lookup.path());
    switch (lookup.op()) {
      case EQ -> {
        JsonLookup.Kind kind = lookup.kind();
        if (kind == JsonLookup.Kind.STRING) {
          // Django's CASE gives true as the text 'true': a string is tested for its type too, so
          // that eq("true") does not match the boolean, as on the other databases.
          sql.append("(JSON_TYPE(").column(column).append(", ").param(path);
          sql.append(") = 'text' AND JSON_EXTRACT(").column(column).append(", ").param(path);
          sql.append(") = ").param(lookup.value()).append(")");
          return;
        }
        if (kind == JsonLookup.Kind.NULL || kind == JsonLookup.Kind.BOOLEAN) {
          // Django compares its CASE with 'true', which the string "true" also gives: the JSON
          // type alone is exact.
          type(sql, column, path, ") = ");
          sql.param(DjangoJson.dumps(lookup.value()));
        } else {
          value(sql, column, path);
          sql.append(" = JSON_EXTRACT(").param(DjangoJson.dumps(lookup.value())).append(", '$')");
        }
      }
      case GT, GTE, LT, LTE -> {
        // An order holds only between values of the same JSON type, as on the other databases:
        // SQLite would put every text above every number.
        boolean number = lookup.kind() == JsonLookup.Kind.NUMBER;
        sql.append("(");
        type(sql, column, path, number ? ") IN ('integer', 'real') AND " : ") = 'text' AND ");
        sql.append("JSON_EXTRACT(").column(column).append(", ").param(path).append(")");
        sql.append(
            switch (lookup.op()) {
              case GT -> " > ";
              case GTE -> " >= ";
              case LT -> " < ";
              default -> " <= ";
            });
        Object value = java.util.Objects.requireNonNull(lookup.value());
        if (number) {
          sql.append("CAST(").param(value.toString()).append(" AS NUMERIC))");
        } else {
          sql.param(value).append(")");
        }
      }
      case IS_NULL -> type(sql, column, path, ") IS NULL");
      case NOT_NULL -> type(sql, column, path, ") IS NOT NULL");
      case HAS_KEY, HAS_KEYS, HAS_ANY_KEYS -> {
        List<String> keys = lookup.keys();
        String connector = lookup.op() == JsonLookup.Op.HAS_KEYS ? " AND " : " OR ";
        sql.append(keys.size() > 1 ? "(" : "");
        for (int i = 0; i < keys.size(); i++) {
          StringBuilder keyPath = new StringBuilder(path);
          DjangoJson.sqliteStep(keyPath, keys.get(i));
          sql.append(i == 0 ? "" : connector);
          type(sql, column, keyPath.toString(), ") IS NOT NULL");
        }
        sql.append(keys.size() > 1 ? ")" : "");
      }
      case CONTAINS, CONTAINED_BY ->
          throw new UnsupportedOperationException(
              (lookup.op() == JsonLookup.Op.CONTAINS ? "contains" : "containedBy")
                  + " on a JSON field is not supported on SQLite, which has no JSON containment"
                  + " function (Django raises NotSupportedError): test the keys with hasKey or"
                  + " key(...).eq(...) instead ["
                  + lookup
                  + "]");
    }
  }

  /**
   * Django's {@code KT()}: the text of a string, {@code true} and {@code false} as words, NULL for
   * JSON null, other values as SQLite writes them; a number read as {@code REAL}.
   */
  @Override
  public void jsonExtract(JsonSql sql, ColumnSpec column, List<Object> path, Expr.JsonCast cast) {
    String text = DjangoJson.sqlitePath(path);
    if (cast == Expr.JsonCast.DOUBLE) {
      sql.append("CAST(JSON_EXTRACT(").column(column).append(", ").param(text);
      sql.append(") AS REAL)");
      return;
    }
    sql.append("(CASE JSON_TYPE(").column(column).append(", ").param(text);
    sql.append(") WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(JSON_EXTRACT(");
    sql.column(column).append(", ").param(text).append(") AS TEXT) END)");
  }
}
