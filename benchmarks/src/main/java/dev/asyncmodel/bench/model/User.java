package dev.asyncmodel.bench.model;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Id;
import dev.asyncmodel.MaxLength;
import dev.asyncmodel.Unique;

/** The spec's user, on Django's table, exactly as DESIGN.md's contract has it. */
@AsyncModel(table = "auth_user")
public record User(@Id Long id, @MaxLength(150) @Unique String username) {}
