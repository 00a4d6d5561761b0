package dev.asyncmodel.testmodels;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.ForeignKey;
import dev.asyncmodel.Id;
import dev.asyncmodel.OnDelete;
import dev.asyncmodel.Ref;
import org.jspecify.annotations.Nullable;

/** A tree: a foreign key of a model to itself, whose deletion nullifies the children. */
@AsyncModel
public record Node(
    @Id Long id,
    @ForeignKey(onDelete = OnDelete.SET_NULL) @Nullable Ref<Node> parent,
    String name) {}
