package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Id;
import dev.asyncmodel.MaxLength;

@AsyncModel
record Country(
    @Id String code,
    @MaxLength(100) String name) {}
