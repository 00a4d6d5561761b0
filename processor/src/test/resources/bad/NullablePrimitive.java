package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Id;
import org.jspecify.annotations.Nullable;

@AsyncModel
record LineItem(
    @Id Long id,
    @Nullable int quantity) {}
