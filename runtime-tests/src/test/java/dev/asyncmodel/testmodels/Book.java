package dev.asyncmodel.testmodels;

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
import org.jspecify.annotations.Nullable;

/** A test model: the processor generates {@link Books} and {@link BookQuerySet}. */
@AsyncModel
public record Book(
    @Id Long id,
    @ForeignKey(onDelete = OnDelete.CASCADE) Ref<Author> author,
    @Nullable Double rating,
    @MaxLength(200) String title,
    @Decimal(maxDigits = 10, decimalPlaces = 2) BigDecimal price,
    @AutoNowAdd Instant createdAt) {}
