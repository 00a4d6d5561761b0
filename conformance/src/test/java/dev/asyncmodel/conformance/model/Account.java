package dev.asyncmodel.conformance.model;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Id;
import dev.asyncmodel.MaxLength;

/** Referenced with PROTECT by invoices and SET_NULL by notes. */
@AsyncModel
public record Account(@Id Long id, @MaxLength(50) String name) {}
