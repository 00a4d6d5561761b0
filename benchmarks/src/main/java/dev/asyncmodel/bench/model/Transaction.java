package dev.asyncmodel.bench.model;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.AutoNowAdd;
import dev.asyncmodel.Decimal;
import dev.asyncmodel.ForeignKey;
import dev.asyncmodel.Id;
import dev.asyncmodel.MaxLength;
import dev.asyncmodel.OnDelete;
import dev.asyncmodel.Ref;
import java.math.BigDecimal;
import java.time.Instant;

/** The spec's transaction, exactly as DESIGN.md's contract has it. */
@AsyncModel
public record Transaction(
    @Id Long id,
    @ForeignKey(onDelete = OnDelete.CASCADE) Ref<User> user,
    @Decimal(maxDigits = 10, decimalPlaces = 2) BigDecimal amount,
    @MaxLength(200) String description,
    @MaxLength(50) String category,
    @AutoNowAdd Instant createdAt) {}
