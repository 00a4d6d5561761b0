package dev.asyncmodel.internal.postgresql;

import dev.asyncmodel.internal.RowAdapter;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Vert.x {@link Row} of PostgreSQL's native types. One instance reads every row of a result
 * in turn ({@link #at}), so mapping allocates nothing per row but the record.
 */
final class PgRowReader implements RowAdapter {
  private @Nullable Row row;

  @Override
  public PgRowReader at(Row next) {
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

  @Override
  public @Nullable Long getLong(int i) {
    return row().getLong(i);
  }

  @Override
  public @Nullable Integer getInteger(int i) {
    return row().getInteger(i);
  }

  @Override
  public @Nullable Short getShort(int i) {
    return row().getShort(i);
  }

  @Override
  public @Nullable Boolean getBoolean(int i) {
    return row().getBoolean(i);
  }

  @Override
  public @Nullable Double getDouble(int i) {
    return row().getDouble(i);
  }

  @Override
  public @Nullable Float getFloat(int i) {
    return row().getFloat(i);
  }

  @Override
  public @Nullable String getString(int i) {
    return row().getString(i);
  }

  @Override
  public @Nullable BigDecimal getDecimal(int i, int scale) {
    BigDecimal value = row().getBigDecimal(i);
    return value == null || value.scale() == scale
        ? value
        : value.setScale(scale, RoundingMode.HALF_EVEN);
  }

  @Override
  public @Nullable Instant getInstant(int i) {
    OffsetDateTime value = row().getOffsetDateTime(i);
    return value == null ? null : value.toInstant();
  }

  @Override
  public @Nullable OffsetDateTime getOffsetDateTime(int i) {
    OffsetDateTime value = row().getOffsetDateTime(i);
    return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
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
    return row().getLocalTime(i);
  }

  @Override
  public @Nullable UUID getUuid(int i) {
    return row().getUUID(i);
  }

  /** {@code jsonb} comes decoded by the driver. */
  @Override
  public @Nullable Object getJson(int i) {
    return dev.asyncmodel.internal.DjangoJson.normalize(row().getValue(i));
  }

  @Override
  public byte @Nullable [] getBytes(int i) {
    Buffer value = row().getBuffer(i);
    return value == null ? null : value.getBytes();
  }
}
