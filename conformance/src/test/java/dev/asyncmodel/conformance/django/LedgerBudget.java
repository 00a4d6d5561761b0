package dev.asyncmodel.conformance.django;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Decimal;
import dev.asyncmodel.ForeignKey;
import dev.asyncmodel.Id;
import dev.asyncmodel.MaxLength;
import dev.asyncmodel.OnDelete;
import dev.asyncmodel.Ref;
import java.math.BigDecimal;

/** Django's {@code ledger_budget}: a user with a budget cannot be deleted ({@code PROTECT}). */
@AsyncModel(table = "ledger_budget")
public record LedgerBudget(
    @Id Long id,
    @MaxLength(50) String category,
    @Decimal(maxDigits = 10, decimalPlaces = 2) BigDecimal monthlyLimit,
    @ForeignKey(onDelete = OnDelete.PROTECT) Ref<DjangoUser> user) {}
