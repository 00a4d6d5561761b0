package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Id;
import dev.asyncmodel.MaxLength;
import dev.asyncmodel.Unique;

/** The spec's user: Django's auth_user, the columns the spec needs. */
@AsyncModel(table = "auth_user")
public record User(@Id Long id, @MaxLength(150) @Unique String username) {}
