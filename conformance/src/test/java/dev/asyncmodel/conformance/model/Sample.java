package dev.asyncmodel.conformance.model;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Column;
import dev.asyncmodel.Decimal;
import dev.asyncmodel.DictExclude;
import dev.asyncmodel.Id;
import dev.asyncmodel.MaxLength;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One component of every supported type, each also nullable where a box allows it. */
@AsyncModel
public record Sample(
    @Id Long id,
    String text,
    @MaxLength(20) @Nullable String label,
    boolean flag,
    @Nullable Boolean maybe,
    int count,
    @Nullable Integer boxedCount,
    long big,
    short small,
    double ratio,
    float ratio32,
    @Decimal(maxDigits = 12, decimalPlaces = 4) @Nullable BigDecimal price,
    @Nullable Instant at,
    @Nullable OffsetDateTime offsetAt,
    @Nullable LocalDate day,
    @Nullable LocalDateTime localAt,
    @Nullable LocalTime time,
    @Nullable UUID uuid,
    byte @Nullable [] data,
    @Nullable Mood mood,
    @Column("secret_code") @DictExclude @Nullable String secret) {}
