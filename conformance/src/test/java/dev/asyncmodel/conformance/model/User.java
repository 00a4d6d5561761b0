package dev.asyncmodel.conformance.model;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Id;
import dev.asyncmodel.MaxLength;
import dev.asyncmodel.Unique;

/** The spec's user, on Django's table. */
@AsyncModel(table = "auth_user")
public record User(@Id Long id, @MaxLength(150) @Unique String username) {}
