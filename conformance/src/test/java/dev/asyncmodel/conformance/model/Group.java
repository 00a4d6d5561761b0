package dev.asyncmodel.conformance.model;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Id;
import dev.asyncmodel.MaxLength;
import dev.asyncmodel.Unique;

/** Django's {@code auth.Group}: its two columns, on its table. */
@AsyncModel(table = "auth_group")
public record Group(@Id Long id, @MaxLength(150) @Unique String name) {}
