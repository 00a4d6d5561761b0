package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Id;
import dev.asyncmodel.MaxLength;
import dev.asyncmodel.Unique;

@AsyncModel
public record Category(@Id Long id, @MaxLength(100) @Unique String name) {}
