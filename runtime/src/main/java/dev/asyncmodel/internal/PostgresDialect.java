package dev.asyncmodel.internal;

import dev.asyncmodel.spi.ColumnSpec;
import io.vertx.core.buffer.Buffer;
import io.vertx.pgclient.PgException;
import java.time.Instant;
import java.time.ZoneOffset;
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
  protected boolean isUniqueViolation(Throwable error) {
    return "23505".equals(sqlState(error));
  }
}
