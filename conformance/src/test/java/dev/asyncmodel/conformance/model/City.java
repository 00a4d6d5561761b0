package dev.asyncmodel.conformance.model;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.ForeignKey;
import dev.asyncmodel.Id;
import dev.asyncmodel.MaxLength;
import dev.asyncmodel.OnDelete;
import dev.asyncmodel.Ref;

/** A foreign key to an {@code Integer} key: an {@code integer} column, as Django makes it. */
@AsyncModel
public record City(
    @Id Integer id,
    @ForeignKey(onDelete = OnDelete.CASCADE) Ref<Country> country,
    @MaxLength(50) String name) {}
