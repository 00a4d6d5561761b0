package dev.asyncmodel.conformance.model;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Decimal;
import dev.asyncmodel.ForeignKey;
import dev.asyncmodel.Id;
import dev.asyncmodel.OnDelete;
import dev.asyncmodel.Ref;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Money moved between accounts: two foreign keys to one table, the second nullable. */
@AsyncModel
public record Transfer(
    @Id Long id,
    @ForeignKey(onDelete = OnDelete.CASCADE) Ref<Account> source,
    @ForeignKey(onDelete = OnDelete.SET_NULL) @Nullable Ref<Account> target,
    @Decimal(maxDigits = 10, decimalPlaces = 2) BigDecimal amount) {}
