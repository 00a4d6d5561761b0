package dev.asyncmodel.internal.postgresql;

import dev.asyncmodel.internal.Dialect;
import dev.asyncmodel.internal.SqlBuffer;
import dev.asyncmodel.spi.ColumnSpec;
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
    };
  }

  /** A portal lives in its transaction: a stream outside one begins its own. */
  @Override
  public boolean cursorNeedsTransaction() {
    return true;
  }

  /** PostgreSQL types a parameter from its place; in a CASE it must be told. */
  @Override
  public void typedParam(SqlBuffer sql, ColumnSpec column) {
    sql.param().append("::").append(typeName(column));
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
}
