package dev.asyncmodel.conformance.django;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.ForeignKey;
import dev.asyncmodel.Id;
import dev.asyncmodel.OnDelete;
import dev.asyncmodel.Ref;
import org.jspecify.annotations.Nullable;

/** Django's {@code ledger_note}: deleting its user keeps the note ({@code SET_NULL}). */
@AsyncModel(table = "ledger_note")
public record LedgerNote(
    @Id Long id,
    String text,
    @ForeignKey(onDelete = OnDelete.SET_NULL) @Nullable Ref<DjangoUser> user) {}
