package dev.asyncmodel.conformance.model;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.ForeignKey;
import dev.asyncmodel.Id;
import dev.asyncmodel.OnDelete;
import dev.asyncmodel.Ref;

/** An account with invoices cannot be deleted. */
@AsyncModel
public record Invoice(@Id Long id, @ForeignKey(onDelete = OnDelete.PROTECT) Ref<Account> account) {}
