package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Id;
import dev.asyncmodel.MaxLength;

@AsyncModel
record User(
    @Id Long id,
    @MaxLength(0) String username) {}
