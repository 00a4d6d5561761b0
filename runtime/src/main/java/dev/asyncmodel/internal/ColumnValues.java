package dev.asyncmodel.internal;

import dev.asyncmodel.spi.ColumnSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Values as every backend stores them, so that what a write returns is what a read gives. */
public final class ColumnValues {
  private ColumnValues() {}

  /**
   * The value as the column stores it: a decimal at its column's scale, a time to the microsecond
   * (what every backend keeps, as Python's datetime). Call it after validation, which refuses a
   * decimal that scaling would round.
   *
   * @param spec the column
   * @param value the value
   * @return the value as stored
   */
  public static @Nullable Object exact(ColumnSpec spec, @Nullable Object value) {
    if (value instanceof BigDecimal decimal && decimal.scale() != spec.decimalPlaces()) {
      return decimal.setScale(spec.decimalPlaces(), RoundingMode.UNNECESSARY);
    }
    if (value instanceof Instant instant && instant.getNano() % 1000 != 0) {
      return instant.truncatedTo(ChronoUnit.MICROS);
    }
    if (value instanceof OffsetDateTime time && time.getNano() % 1000 != 0) {
      return time.truncatedTo(ChronoUnit.MICROS);
    }
    if (value instanceof LocalDateTime time && time.getNano() % 1000 != 0) {
      return time.truncatedTo(ChronoUnit.MICROS);
    }
    if (value instanceof LocalTime time && time.getNano() % 1000 != 0) {
      return time.truncatedTo(ChronoUnit.MICROS);
    }
    return value;
  }

  /**
   * A primary key as its component holds it: an {@code Integer} for an {@code @Id Integer}
   * (Django's {@code AutoField}), else a {@code Long}. Ids travel as {@code long}s ({@code
   * Ref.id()}, {@code ainBulk}, a generated key); an {@code Integer} column binds an {@code
   * Integer}.
   *
   * @param pk the primary key's column
   * @param id an id
   * @return the id in the column's Java type
   */
  public static Object id(ColumnSpec pk, Object id) {
    if (pk.type() == dev.asyncmodel.spi.ColumnType.INT && !(id instanceof Integer)) {
      return Math.toIntExact(((Number) id).longValue());
    }
    return id;
  }

  /**
   * @param pk the primary key's column
   * @param ids ids
   * @return the ids in the column's Java type
   */
  public static List<Object> ids(ColumnSpec pk, List<?> ids) {
    List<Object> keys = new java.util.ArrayList<>(ids.size());
    for (Object id : ids) {
      keys.add(id(pk, id));
    }
    return keys;
  }

  /**
   * Django's {@code timezone.now()}, at the precision every backend stores: microseconds.
   *
   * @param spec an {@code @AutoNowAdd} column
   * @return the current time in the column's type
   */
  public static Object now(ColumnSpec spec) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    return switch (spec.type()) {
      case INSTANT -> now;
      case OFFSET_DATE_TIME -> OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
      case LOCAL_DATE_TIME -> LocalDateTime.ofInstant(now, ZoneOffset.UTC);
      case LOCAL_DATE -> LocalDate.ofInstant(now, ZoneOffset.UTC);
      default -> throw new IllegalStateException("@AutoNowAdd on a " + spec.type() + " column");
    };
  }
}
