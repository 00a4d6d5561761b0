package dev.asyncmodel.conformance.model;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.ForeignKey;
import dev.asyncmodel.Id;
import dev.asyncmodel.MaxLength;
import dev.asyncmodel.OnDelete;
import dev.asyncmodel.Ref;
import dev.asyncmodel.Unique;

/** A user's profile: Django's {@code OneToOneField(User)}, a foreign key that is unique. */
@AsyncModel
public record Profile(
    @Id Long id,
    @ForeignKey(onDelete = OnDelete.CASCADE) @Unique Ref<User> user,
    @MaxLength(100) String bio) {}
