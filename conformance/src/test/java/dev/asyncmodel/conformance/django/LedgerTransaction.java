package dev.asyncmodel.conformance.django;

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

/**
 * The spec's transaction on Django's table {@code ledger_transaction}, components in the table's
 * column order (Django puts the foreign key last). Django made {@code user_id}'s constraint without
 * {@code ON DELETE}: deleting a user deletes these rows because asyncmodel cascades, as Django
 * does.
 */
@AsyncModel(table = "ledger_transaction")
public record LedgerTransaction(
    @Id Long id,
    @Decimal(maxDigits = 10, decimalPlaces = 2) BigDecimal amount,
    @MaxLength(200) String description,
    @MaxLength(50) String category,
    @AutoNowAdd Instant createdAt,
    @ForeignKey(onDelete = OnDelete.CASCADE) Ref<DjangoUser> user) {}
