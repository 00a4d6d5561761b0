package dev.asyncmodel.conformance.model;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.ForeignKey;
import dev.asyncmodel.Id;
import dev.asyncmodel.MaxLength;
import dev.asyncmodel.OnDelete;
import dev.asyncmodel.Ref;
import org.jspecify.annotations.Nullable;

/** A tree of folders: a foreign key of a model to itself, set to NULL when the parent goes. */
@AsyncModel
public record Folder(
    @Id Long id,
    @ForeignKey(onDelete = OnDelete.SET_NULL) @Nullable Ref<Folder> parent,
    @MaxLength(50) String name) {}
