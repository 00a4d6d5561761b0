package dev.asyncmodel.internal.mysql;

import dev.asyncmodel.internal.DerivedReads;
import dev.asyncmodel.internal.DjangoJson;
import dev.asyncmodel.internal.DjangoText;
import dev.asyncmodel.internal.RowAdapter;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;

/**
 * Reads MySQL and MariaDB rows: {@code bool} as a number, {@code time} as the client's {@link
 * Duration}, {@code datetime(6)} as UTC, UUIDs from 32 hex digits.
 */
final class MysqlRowReader implements RowAdapter, DerivedReads {
  private @Nullable Row row;

  @Override
  public MysqlRowReader at(Row next) {
    this.row = next;
    return this;
  }

  private Row row() {
    Row r = row;
    if (r == null) {
      throw new IllegalStateException("no current row");
    }
    return r;
  }

  private @Nullable Number number(int i) {
    Object v = row().getValue(i);
    if (v == null || v instanceof Number) {
      return (Number) v;
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    return new BigDecimal(v.toString().strip());
  }

  @Override
  public @Nullable Long getLong(int i) {
    Number n = number(i);
    return n == null ? null : n.longValue();
  }

  @Override
  public @Nullable Integer getInteger(int i) {
    Number n = number(i);
    // Exact: an INT expression (a product, a sum) is a BIGINT here and must not wrap.
    return n == null ? null : Math.toIntExact(n.longValue());
  }

  @Override
  public @Nullable Short getShort(int i) {
    Number n = number(i);
    if (n == null) {
      return null;
    }
    long value = n.longValue();
    if (value != (short) value) {
      throw new ArithmeticException("short overflow: " + value);
    }
    return (short) value;
  }

  @Override
  public @Nullable Boolean getBoolean(int i) {
    Number n = number(i);
    return n == null ? null : n.longValue() != 0;
  }

  @Override
  public @Nullable Double getDouble(int i) {
    Number n = number(i);
    return n == null ? null : n.doubleValue();
  }

  @Override
  public @Nullable Float getFloat(int i) {
    Number n = number(i);
    return n == null ? null : n.floatValue();
  }

  @Override
  public @Nullable String getString(int i) {
    Object v = row().getValue(i);
    if (v instanceof Buffer b) {
      return b.toString();
    }
    return v == null ? null : v.toString();
  }

  @Override
  public @Nullable BigDecimal getDecimal(int i, int scale) {
    Object v = row().getValue(i);
    if (v == null) {
      return null;
    }
    BigDecimal d = v instanceof BigDecimal b ? b : new BigDecimal(v.toString().strip());
    return d.scale() == scale ? d : d.setScale(scale, RoundingMode.HALF_EVEN);
  }

  @Override
  public @Nullable LocalDate getLocalDate(int i) {
    return row().getLocalDate(i);
  }

  @Override
  public @Nullable LocalDateTime getLocalDateTime(int i) {
    return row().getLocalDateTime(i);
  }

  @Override
  public @Nullable LocalTime getLocalTime(int i) {
    Object v = row().getValue(i);
    if (v == null || v instanceof LocalTime) {
      return (LocalTime) v;
    }
    if (v instanceof Duration d) {
      return LocalTime.ofNanoOfDay(d.toNanos());
    }
    return DjangoText.parseTime(v.toString());
  }

  /**
   * MariaDB's {@code json} is {@code longtext}, read as text; MySQL's own JSON type comes decoded
   * by the driver.
   */
  @Override
  public @Nullable Object getJson(int i) {
    Object v = row().getValue(i);
    if (v instanceof Buffer b) {
      return DjangoJson.loads(b.toString());
    }
    return v instanceof String s ? DjangoJson.loads(s) : DjangoJson.normalize(v);
  }

  @Override
  public byte @Nullable [] getBytes(int i) {
    Buffer v = row().getBuffer(i);
    return v == null ? null : v.getBytes();
  }
}
