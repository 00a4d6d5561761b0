package dev.asyncmodel.internal.mysql;

import dev.asyncmodel.Isolation;
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
import io.vertx.core.buffer.Buffer;
import io.vertx.mysqlclient.MySQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * MySQL and MariaDB: {@code ?} placeholders, backquoted names, no RETURNING (the id comes from the
 * protocol's last-insert-id), {@code datetime(6)} in UTC, UUIDs as 32 hex digits. Their default
 * collations ignore case and accents; text comparisons are made binary here, so that {@code eq},
 * {@code contains} and their case-insensitive forms behave as on PostgreSQL.
 */
public final class MysqlDialect extends Dialect {
  /**
   * The dialect without a server: it renders every statement, and says it does not know whether the
   * server returns rows from an INSERT. Each database has a {@link #forDatabase} of its own.
   */
  public static final MysqlDialect INSTANCE = new MysqlDialect();

  /** The largest LIMIT, for an OFFSET without one. */
  private static final String NO_LIMIT = "18446744073709551615";

  /** Whether the server is MariaDB 10.5 or later, with INSERT ... RETURNING; null until known. */
  private volatile @Nullable Boolean returning;

  private MysqlDialect() {}

  /**
   * @return a dialect for one database, which learns from {@link #serverIs} what its server can do
   */
  public static MysqlDialect forDatabase() {
    return new MysqlDialect();
  }

  /**
   * Records what the database's server is, from a connection's handshake.
   *
   * @param product {@code MariaDB} or {@code MySQL}
   * @param major the server's major version
   * @param minor its minor version
   */
  public void serverIs(String product, int major, int minor) {
    returning = "MariaDB".equals(product) && (major > 10 || (major == 10 && minor >= 5));
  }

  /** MariaDB 10.5 returns rows from an INSERT; MySQL does not. */
  @Override
  public @Nullable Boolean bulkReturning() {
    return returning;
  }

  /**
   * {@code INSERT IGNORE} skips the rows a unique key refuses (and, as Django notes, turns other
   * errors into warnings).
   */
  @Override
  public void insertInto(SqlBuffer sql, boolean ignoreConflicts) {
    sql.append(ignoreConflicts ? "INSERT IGNORE INTO " : "INSERT INTO ");
  }

  /**
   * {@code ON DUPLICATE KEY UPDATE}: MySQL updates the row whichever unique key the new row
   * conflicts with, so {@code unique} names nothing here.
   */
  @Override
  public void onConflict(SqlBuffer sql, List<String> update, List<String> unique) {
    if (update.isEmpty()) {
      return; // INSERT IGNORE did it
    }
    sql.append(" ON DUPLICATE KEY UPDATE ");
    for (int i = 0; i < update.size(); i++) {
      String column = quote(update.get(i));
      sql.append(i == 0 ? "" : ", ").append(column).append(" = VALUES(").append(column).append(")");
    }
  }

  @Override
  public String name() {
    return "mysql";
  }

  @Override
  public String quote(String identifier) {
    return '`' + identifier.replace("`", "``") + '`';
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
      case INSTANT -> ((Instant) value).atOffset(ZoneOffset.UTC).toLocalDateTime();
      case OFFSET_DATE_TIME ->
          ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
      case LOCAL_TIME -> Duration.ofNanos(((LocalTime) value).toNanoOfDay());
      case UUID -> DjangoText.hex((UUID) value);
      case BYTES -> Buffer.buffer((byte[]) value);
      case ENUM -> ((Enum<?>) value).name();
      case JSON -> DjangoJson.dumps(value);
      default -> value;
    };
  }

  private static boolean isText(ColumnSpec column) {
    return column.type() == ColumnType.STRING || column.type() == ColumnType.ENUM;
  }

  @Override
  public void value(SqlBuffer sql, ColumnSpec column) {
    if (isText(column)) {
      sql.append("CAST(").param().append(" AS BINARY)");
    } else {
      sql.param();
    }
  }

  @Override
  public void like(SqlBuffer sql, String column, boolean ignoreCase) {
    // Backslash is MySQL's default LIKE escape; BINARY makes the match exact.
    if (ignoreCase) {
      sql.append("UPPER(")
          .append(column)
          .append(") LIKE CAST(UPPER(")
          .param()
          .append(") AS BINARY)");
    } else {
      sql.append(column).append(" LIKE CAST(").param().append(" AS BINARY)");
    }
  }

  /**
   * {@code REGEXP}: its case follows the column's collation, which ignores case by default, so the
   * case-sensitive match compares the binary text, as Django does on MariaDB.
   */
  @Override
  public void regex(SqlBuffer sql, String column, boolean ignoreCase) {
    sql.append(column).append(ignoreCase ? " REGEXP " : " REGEXP BINARY ").param();
  }

  @Override
  public void iexact(SqlBuffer sql, String column) {
    sql.append("UPPER(").append(column).append(") = CAST(UPPER(").param().append(") AS BINARY)");
  }

  /**
   * MySQL has no {@code NULLS FIRST}: NULLs are ordered by a term before the column's, {@code
   * "column" IS NULL} (false, then true: NULLs last) or {@code IS NOT NULL} (NULLs first), as
   * Django renders it there.
   */
  @Override
  public void orderTerm(
      SqlBuffer sql, String column, boolean descending, dev.asyncmodel.Ordering.Nulls nulls) {
    switch (nulls) {
      case FIRST -> sql.append(column).append(" IS NOT NULL, ");
      case LAST -> sql.append(column).append(" IS NULL, ");
      case DEFAULT -> {}
    }
    sql.append(column).append(descending ? " DESC" : " ASC");
  }

  /** Binary, as a text value is: the column's collation would ignore case and accents. */
  @Override
  public void textOperand(SqlBuffer sql, Operand text) {
    sql.append("CAST(");
    text.render();
    sql.append(" AS BINARY)");
  }

  @Override
  public int orderTermRepeats(dev.asyncmodel.Ordering.Nulls nulls) {
    return nulls == dev.asyncmodel.Ordering.Nulls.DEFAULT ? 1 : 2;
  }

  /** MySQL's {@code /} of integers gives a decimal: {@code DIV} truncates, as elsewhere. */
  @Override
  public void arithmetic(
      SqlBuffer sql, Expr.Arithmetic operator, ColumnType type, Operand left, Operand right) {
    boolean integral =
        type == ColumnType.LONG || type == ColumnType.INT || type == ColumnType.SHORT;
    if (operator == Expr.Arithmetic.DIVIDED_BY && integral) {
      sql.append("(");
      left.render();
      sql.append(" DIV ");
      right.render();
      sql.append(")");
    } else {
      super.arithmetic(sql, operator, type, left, right);
    }
  }

  /**
   * Date parts and truncations of a {@code datetime(6)}, which holds UTC; {@code CHAR_LENGTH} for
   * {@code LENGTH}, which counts bytes here.
   */
  @Override
  public void transform(SqlBuffer sql, Expr.Transform transform, ColumnType source, Operand arg) {
    boolean date = source == ColumnType.LOCAL_DATE;
    switch (transform) {
      case YEAR, MONTH, DAY, WEEK_DAY, HOUR, MINUTE, DATE, LENGTH -> {
        sql.append(
            switch (transform) {
              case YEAR -> "YEAR(";
              case MONTH -> "MONTH(";
              case DAY -> "DAYOFMONTH(";
              case WEEK_DAY -> "DAYOFWEEK(";
              case HOUR -> "HOUR(";
              case MINUTE -> "MINUTE(";
              case DATE -> "DATE(";
              default -> "CHAR_LENGTH(";
            });
        arg.render();
        sql.append(")");
      }
      case TRUNC_DAY -> {
        sql.append(date ? "DATE(" : "CAST(DATE(");
        arg.render();
        sql.append(date ? ")" : ") AS DATETIME(6))");
      }
      case TRUNC_YEAR, TRUNC_MONTH -> {
        String format = transform == Expr.Transform.TRUNC_YEAR ? "%Y-01-01" : "%Y-%m-01";
        sql.append("CAST(DATE_FORMAT(");
        arg.render();
        sql.append(", '")
            .append(format)
            .append(date ? "') AS DATE)" : " 00:00:00') AS DATETIME(6))");
      }
      default -> super.transform(sql, transform, source, arg);
    }
  }

  @Override
  public void limitOffset(SqlBuffer sql, int limit, boolean offset) {
    if (offset && limit < 0) {
      sql.append(" LIMIT " + NO_LIMIT + " OFFSET ").param();
    } else {
      super.limitOffset(sql, limit, offset);
    }
  }

  /**
   * MySQL sets a transaction's isolation level with a statement of its own, before the transaction
   * starts, and writes {@code START TRANSACTION READ ONLY}.
   */
  @Override
  public List<String> begin(TransactionOptions options) {
    String start = options.isReadOnly() ? "START TRANSACTION READ ONLY" : "BEGIN";
    Isolation isolation = options.isolationLevel();
    return isolation == null
        ? List.of(start)
        : List.of("SET TRANSACTION ISOLATION LEVEL " + isolationName(isolation), start);
  }

  @Override
  public boolean writesReadTheirTable() {
    return false;
  }

  @Override
  public boolean supportsReturning() {
    return false;
  }

  @Override
  protected @Nullable String sqlState(Throwable error) {
    return error instanceof MySQLException e ? e.getSqlState() : null;
  }

  @Override
  protected @Nullable Integer errorCode(Throwable error) {
    return error instanceof MySQLException e ? e.getErrorCode() : null;
  }

  /**
   * The client's exception message is {@code {errorMessage=..., errorCode=..., sqlState=...}}: the
   * server's own message is its first member.
   */
  @Override
  protected @Nullable String databaseMessage(Throwable error) {
    if (!(error instanceof MySQLException e) || e.getMessage() == null) {
      return null;
    }
    String text = e.getMessage();
    String start = "{errorMessage=";
    String end = ", errorCode=" + e.getErrorCode() + ", sqlState=";
    int stop = text.lastIndexOf(end);
    return text.startsWith(start) && stop >= start.length()
        ? text.substring(start.length(), stop)
        : text;
  }

  /**
   * As the mysql and mariadb command-line clients show an error: {@code ERROR 1062 (23000): ...}.
   */
  @Override
  protected String describe(
      Throwable error, @Nullable String state, @Nullable Integer code, @Nullable String own) {
    if (code == null || own == null) {
      return super.describe(error, state, code, own);
    }
    return "ERROR " + code + (state == null ? "" : " (" + state + ")") + ": " + own;
  }

  @Override
  protected boolean isUniqueViolation(Throwable error) {
    return error instanceof MySQLException e && e.getErrorCode() == 1062; // ER_DUP_ENTRY
  }

  /** ER_NEED_REPREPARE (1615): the server could not re-prepare the statement by itself. */
  @Override
  public boolean isStaleStatement(Throwable error) {
    return error instanceof MySQLException e && e.getErrorCode() == 1615;
  }

  /**
   * MariaDB's {@code max_statement_time} (1969, ER_STATEMENT_TIMEOUT) and MySQL's {@code
   * max_execution_time} (3024, ER_QUERY_TIMEOUT).
   */
  @Override
  protected boolean isTimeout(
      @Nullable String state, @Nullable Integer code, @Nullable String own) {
    return code != null && (code == 1969 || code == 3024);
  }

  // ---------------------------------------------------------------------------------------------
  // JSON: Django's JSON_EXTRACT, JSON_CONTAINS_PATH and JSON_CONTAINS, each path a parameter.

  /** {@code JSON_EXTRACT(`data`, ?)}, bound to the path ({@code $} for the whole value). */
  private static void extract(JsonSql sql, ColumnSpec column, List<Object> steps) {
    sql.append("JSON_EXTRACT(").column(column).append(", ").param(DjangoJson.mysqlPath(steps));
    sql.append(")");
  }

  /** The JSON types of numbers, as MySQL and MariaDB name them. */
  private static final String NUMBER_TYPES = "('INTEGER', 'UNSIGNED INTEGER', 'DOUBLE', 'DECIMAL')";

  /**
   * Values compare as JSON, as on PostgreSQL: the JSON type first, then the value, so that the
   * number 10 is not the string "10". (Django's {@code JSON_EXTRACT(...) = JSON_EXTRACT(?, '$')}
   * finds no string on MariaDB, whose JSON is text; objects and arrays keep that form, and there
   * compare as text, key order included, as Django's do.) A text is compared unquoted and binary, a
   * number as a double, as MariaDB reads its JSON numbers.
   */
  @Override
  public void jsonLookup(JsonSql sql, ColumnSpec column, JsonLookup<?> lookup) {
    List<Object> path = lookup.path();
    switch (lookup.op()) {
      case EQ, GT, GTE, LT, LTE -> {
        String operator =
            switch (lookup.op()) {
              case EQ -> " = ";
              case GT -> " > ";
              case GTE -> " >= ";
              case LT -> " < ";
              default -> " <= ";
            };
        switch (lookup.kind()) {
          case NULL -> {
            sql.append("JSON_TYPE(");
            extract(sql, column, path);
            sql.append(") = 'NULL'");
          }
          case STRUCTURE -> {
            extract(sql, column, path);
            sql.append(" = JSON_EXTRACT(").param(DjangoJson.dumps(lookup.value()));
            sql.append(", '$')");
          }
          default -> {
            JsonLookup.Kind kind = lookup.kind();
            sql.append("(JSON_TYPE(");
            extract(sql, column, path);
            sql.append(
                switch (kind) {
                  case STRING -> ") = 'STRING' AND JSON_UNQUOTE(";
                  case BOOLEAN -> ") = 'BOOLEAN' AND JSON_UNQUOTE(";
                  default -> ") IN " + NUMBER_TYPES + " AND ";
                });
            extract(sql, column, path);
            sql.append(kind == JsonLookup.Kind.NUMBER ? "" : ")").append(operator);
            Object value = java.util.Objects.requireNonNull(lookup.value());
            switch (kind) {
              case STRING -> sql.append("CAST(").param(value).append(" AS BINARY))");
              case BOOLEAN -> sql.param(value.toString()).append(")");
              // The client sends a decimal as text, which MariaDB would compare as text.
              default -> sql.append("CAST(").param(value).append(" AS DOUBLE))");
            }
          }
        }
      }
      case IS_NULL -> {
        extract(sql, column, path);
        sql.append(" IS NULL");
      }
      case NOT_NULL ->
          sql.append("JSON_CONTAINS_PATH(")
              .column(column)
              .append(", 'one', ")
              .param(DjangoJson.mysqlPath(path))
              .append(")");
      case HAS_KEY, HAS_KEYS, HAS_ANY_KEYS -> {
        sql.append("JSON_CONTAINS_PATH(").column(column);
        sql.append(lookup.op() == JsonLookup.Op.HAS_KEYS ? ", 'all'" : ", 'one'");
        for (String key : lookup.keys()) {
          StringBuilder keyPath = new StringBuilder(DjangoJson.mysqlPath(path));
          DjangoJson.mysqlStep(keyPath, key);
          sql.append(", ").param(keyPath.toString());
        }
        sql.append(")");
      }
      case CONTAINS, CONTAINED_BY -> {
        String value = DjangoJson.dumps(lookup.value());
        sql.append("JSON_CONTAINS(");
        if (lookup.op() == JsonLookup.Op.CONTAINED_BY) {
          sql.param(value).append(", ");
        }
        if (path.isEmpty()) {
          sql.column(column);
        } else {
          extract(sql, column, path);
        }
        if (lookup.op() == JsonLookup.Op.CONTAINS) {
          sql.append(", ").param(value);
        }
        sql.append(")");
      }
    }
  }

  /**
   * Django's {@code KT()} on MariaDB: {@code JSON_UNQUOTE(JSON_EXTRACT(...))}, with JSON null as
   * SQL NULL (as PostgreSQL's {@code ->>} gives it); a number is cast from that text.
   */
  @Override
  public void jsonExtract(JsonSql sql, ColumnSpec column, List<Object> path, Expr.JsonCast cast) {
    if (cast == Expr.JsonCast.DOUBLE) {
      sql.append("CAST(JSON_UNQUOTE(");
      extract(sql, column, path);
      sql.append(") AS DOUBLE)");
      return;
    }
    sql.append("(CASE WHEN JSON_TYPE(");
    extract(sql, column, path);
    sql.append(") = 'NULL' THEN NULL ELSE JSON_UNQUOTE(");
    extract(sql, column, path);
    sql.append(") END)");
  }
}
