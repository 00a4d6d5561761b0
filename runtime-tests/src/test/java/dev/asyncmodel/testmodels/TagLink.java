package dev.asyncmodel.testmodels;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.ForeignKey;
import dev.asyncmodel.Id;
import dev.asyncmodel.OnDelete;
import dev.asyncmodel.Ref;

/**
 * A tag under another: two foreign keys to one table, for the join aliases, and a many-to-many of
 * tags with themselves.
 */
@AsyncModel
public record TagLink(
    @Id Long id,
    @ForeignKey(onDelete = OnDelete.CASCADE) Ref<Tag> tag,
    @ForeignKey(onDelete = OnDelete.CASCADE) Ref<Tag> parent) {}
