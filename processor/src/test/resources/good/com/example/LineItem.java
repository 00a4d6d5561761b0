package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Decimal;
import dev.asyncmodel.ForeignKey;
import dev.asyncmodel.Id;
import dev.asyncmodel.OnDelete;
import dev.asyncmodel.Ref;
import java.math.BigDecimal;

/** A companion named by hand, and a PROTECT foreign key. */
@AsyncModel(companion = "Lines")
public record LineItem(
    @Id Long id,
    @ForeignKey(onDelete = OnDelete.PROTECT) Ref<Transaction> transaction,
    int quantity,
    @Decimal(maxDigits = 8, decimalPlaces = 3) BigDecimal unitPrice) {}
