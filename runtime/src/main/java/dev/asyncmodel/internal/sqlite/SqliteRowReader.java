package dev.asyncmodel.internal.sqlite;

import dev.asyncmodel.internal.DerivedReads;
import dev.asyncmodel.internal.DjangoText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;

/**
 * Reads a row of SQLite values (Long or Integer, Double, String, byte[]) copied out of a JDBC
 * result. Lenient where Django's writers vary: a decimal stored as an integer, a real or text; a
 * datetime with or without a fraction; a boolean as 0/1.
 */
final class SqliteRowReader implements DerivedReads {
  private @Nullable Object @Nullable [] row;

  SqliteRowReader at(@Nullable Object[] next) {
    this.row = next;
    return this;
  }

  private @Nullable Object value(int i) {
    @Nullable Object[] r = row;
    if (r == null) {
      throw new IllegalStateException("no current row");
    }
    return r[i];
  }

  private static IllegalStateException unexpected(int i, Object value, String type) {
    return new IllegalStateException(
        "Column "
            + (i + 1)
            + " holds "
            + value.getClass().getSimpleName()
            + " "
            + value
            + ", which is not a "
            + type);
  }

  @Override
  public @Nullable Long getLong(int i) {
    Object v = value(i);
    if (v == null || v instanceof Long) {
      return (Long) v;
    }
    if (v instanceof Number n) {
      return n.longValue();
    }
    if (v instanceof String s) {
      return Long.parseLong(s.strip());
    }
    throw unexpected(i, v, "long");
  }

  @Override
  public @Nullable Integer getInteger(int i) {
    Long v = getLong(i);
    return v == null ? null : Math.toIntExact(v);
  }

  @Override
  public @Nullable Short getShort(int i) {
    Long v = getLong(i);
    if (v == null) {
      return null;
    }
    if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
      throw new ArithmeticException("short overflow: " + v);
    }
    return v.shortValue();
  }

  @Override
  public @Nullable Boolean getBoolean(int i) {
    Object v = value(i);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return n.longValue() != 0;
    }
    if (v instanceof String s) {
      return s.equals("1") || s.equalsIgnoreCase("true") || s.equalsIgnoreCase("t");
    }
    throw unexpected(i, v, "boolean");
  }

  @Override
  public @Nullable Double getDouble(int i) {
    Object v = value(i);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      return Double.parseDouble(s.strip());
    }
    throw unexpected(i, v, "double");
  }

  @Override
  public @Nullable Float getFloat(int i) {
    Double v = getDouble(i);
    return v == null ? null : v.floatValue();
  }

  @Override
  public @Nullable String getString(int i) {
    Object v = value(i);
    return v == null ? null : v.toString();
  }

  @Override
  public @Nullable BigDecimal getDecimal(int i, int scale) {
    Object v = value(i);
    if (v == null) {
      return null;
    }
    BigDecimal d;
    if (v instanceof Double || v instanceof Float) {
      d = BigDecimal.valueOf(((Number) v).doubleValue());
    } else if (v instanceof Number n) {
      d = BigDecimal.valueOf(n.longValue());
    } else if (v instanceof String s) {
      d = new BigDecimal(s.strip());
    } else {
      throw unexpected(i, v, "decimal");
    }
    return d.setScale(scale, RoundingMode.HALF_EVEN);
  }

  @Override
  public @Nullable LocalDate getLocalDate(int i) {
    String v = getString(i);
    return v == null
        ? null
        : LocalDate.parse(v.strip().substring(0, Math.min(10, v.strip().length())));
  }

  @Override
  public @Nullable LocalDateTime getLocalDateTime(int i) {
    String v = getString(i);
    return v == null ? null : DjangoText.parseDateTime(v);
  }

  @Override
  public @Nullable LocalTime getLocalTime(int i) {
    String v = getString(i);
    return v == null ? null : DjangoText.parseTime(v);
  }

  @Override
  public byte @Nullable [] getBytes(int i) {
    Object v = value(i);
    if (v == null || v instanceof byte[]) {
      return (byte[]) v;
    }
    throw unexpected(i, v, "blob");
  }
}
