package dev.asyncmodel.testmodels;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Id;
import dev.asyncmodel.MaxLength;
import dev.asyncmodel.Unique;
import org.jspecify.annotations.Nullable;

/** A test model: the processor generates {@link Authors} and {@link AuthorQuerySet}. */
@AsyncModel
public record Author(@Id Long id, @MaxLength(100) @Unique String name, @Nullable String bio) {}
