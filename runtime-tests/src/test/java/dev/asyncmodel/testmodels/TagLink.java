package dev.asyncmodel.testmodels;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.ForeignKey;
import dev.asyncmodel.Id;
import dev.asyncmodel.OnDelete;
import dev.asyncmodel.Ref;
import org.jspecify.annotations.Nullable;

/** A tag under another: two foreign keys to one table, for the join aliases. */
@AsyncModel
public record TagLink(
    @Id Long id,
    @ForeignKey(onDelete = OnDelete.CASCADE) Ref<Tag> tag,
    @ForeignKey(onDelete = OnDelete.SET_NULL) @Nullable Ref<Tag> parent) {}
