package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.AutoNowAdd;
import dev.asyncmodel.Column;
import dev.asyncmodel.Decimal;
import dev.asyncmodel.DictExclude;
import dev.asyncmodel.ForeignKey;
import dev.asyncmodel.Id;
import dev.asyncmodel.MaxLength;
import dev.asyncmodel.OnDelete;
import dev.asyncmodel.Ref;
import dev.asyncmodel.Unique;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Every supported component type, primitive and boxed, nullable and not. */
@AsyncModel(table = "lab_specimen")
public record Specimen(
    @Id Long id,
    @MaxLength(80) @Unique String name,
    @Nullable String notes,
    boolean active,
    @Nullable Boolean verified,
    int count,
    @Nullable Integer rank,
    long total,
    @Nullable Long parentId,
    short level,
    @Nullable Short tier,
    double weight,
    @Nullable Double height,
    float ratio,
    @Nullable Float score,
    @Decimal(maxDigits = 12, decimalPlaces = 4) BigDecimal price,
    @Decimal(maxDigits = 5, decimalPlaces = 0) @Nullable BigDecimal discount,
    @AutoNowAdd Instant createdAt,
    @Nullable OffsetDateTime seenAt,
    LocalDate bornOn,
    @Nullable LocalDateTime updatedAt,
    @Nullable LocalTime opensAt,
    UUID token,
    @DictExclude byte[] secret,
    Kind kind,
    @Nullable Kind previousKind,
    @ForeignKey(onDelete = OnDelete.SET_NULL) @Nullable Ref<Category> category,
    @ForeignKey(onDelete = OnDelete.DO_NOTHING) Ref<User> owner,
    @Column("legacy_code") @MaxLength(8) String code,
    JsonObject attributes,
    @Nullable JsonArray tags) {

  /** A nested enum, stored by name. */
  public enum Kind {
    PLANT,
    ANIMAL
  }
}
