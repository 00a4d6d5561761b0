package dev.asyncmodel.testmodels;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.ForeignKey;
import dev.asyncmodel.Id;
import dev.asyncmodel.OnDelete;
import dev.asyncmodel.Ref;
import org.jspecify.annotations.Nullable;

/**
 * A test model with reserved words as names (table {@code user}, column {@code order}) and a
 * SET_NULL foreign key: the processor generates {@link Members} and {@link MemberQuerySet}.
 */
@AsyncModel(table = "user")
public record Member(
    @Id Long id,
    int order,
    @ForeignKey(onDelete = OnDelete.SET_NULL) @Nullable Ref<Review> favorite) {}
