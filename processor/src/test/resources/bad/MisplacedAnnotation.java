package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Id;
import dev.asyncmodel.MaxLength;

@AsyncModel
record LineItem(
    @Id Long id,
    @MaxLength(10) int quantity) {}
