package dev.asyncmodel.internal;

import dev.asyncmodel.spi.RowReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The reads a database without timezone-aware timestamps or a UUID type derives from others:
 * instants from UTC date-times, UUIDs from 32 hex digits. SQLite and MySQL share them.
 */
public interface DerivedReads extends RowReader {
  @Override
  default @Nullable Instant getInstant(int i) {
    LocalDateTime v = getLocalDateTime(i);
    return v == null ? null : v.toInstant(ZoneOffset.UTC);
  }

  @Override
  default @Nullable OffsetDateTime getOffsetDateTime(int i) {
    LocalDateTime v = getLocalDateTime(i);
    return v == null ? null : v.atOffset(ZoneOffset.UTC);
  }

  @Override
  default @Nullable UUID getUuid(int i) {
    String v = getString(i);
    return v == null ? null : DjangoText.parseUuid(v);
  }
}
