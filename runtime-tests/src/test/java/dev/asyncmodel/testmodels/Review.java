package dev.asyncmodel.testmodels;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.ForeignKey;
import dev.asyncmodel.Id;
import dev.asyncmodel.OnDelete;
import dev.asyncmodel.Ref;

/** A test model: the processor generates {@link Reviews} and {@link ReviewQuerySet}. */
@AsyncModel
public record Review(
    @Id Long id, @ForeignKey(onDelete = OnDelete.CASCADE) Ref<Book> book, String body, int stars) {}
