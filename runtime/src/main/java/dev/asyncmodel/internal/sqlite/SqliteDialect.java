package dev.asyncmodel.internal.sqlite;

import dev.asyncmodel.TransactionOptions;
import dev.asyncmodel.internal.Dialect;
import dev.asyncmodel.internal.DjangoText;
import dev.asyncmodel.internal.SqlBuffer;
import dev.asyncmodel.spi.ColumnSpec;
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
      return e.getResultCode().code % 256 == SQLiteErrorCode.SQLITE_CONSTRAINT.code
          ? "23000"
          : null;
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
}
