package dev.asyncmodel.conformance.model;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Id;
import dev.asyncmodel.MaxLength;
import dev.asyncmodel.Unique;

/** A model whose key is an {@code Integer}: Django's {@code AutoField}, an {@code integer}. */
@AsyncModel
public record Country(@Id Integer id, @MaxLength(50) @Unique String name) {}
