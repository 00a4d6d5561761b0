package dev.asyncmodel.conformance.model;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.ForeignKey;
import dev.asyncmodel.Id;
import dev.asyncmodel.OnDelete;
import dev.asyncmodel.Ref;
import org.jspecify.annotations.Nullable;

/** Deleting its account clears the reference. */
@AsyncModel
public record Note(
    @Id Long id,
    @ForeignKey(onDelete = OnDelete.SET_NULL) @Nullable Ref<Account> account,
    String text) {}
