package dev.asyncmodel.testmodels;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Id;

/**
 * A test model that only {@code Ref.of(tag).id()} touches, so that its companion is loaded through
 * the {@code META-INF/asyncmodel/models} index: the processor generates {@link Tags} and {@link
 * TagQuerySet}.
 */
@AsyncModel
public record Tag(@Id Long id, String label) {}
