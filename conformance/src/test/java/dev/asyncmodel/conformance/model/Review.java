package dev.asyncmodel.conformance.model;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.ForeignKey;
import dev.asyncmodel.Id;
import dev.asyncmodel.OnDelete;
import dev.asyncmodel.Ref;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Nullable columns, and a cascade two levels below a user. */
@AsyncModel
public record Review(
    @Id Long id,
    @ForeignKey(onDelete = OnDelete.CASCADE) Ref<Transaction> transaction,
    @Nullable Double rating,
    @Nullable LocalDate due) {}
