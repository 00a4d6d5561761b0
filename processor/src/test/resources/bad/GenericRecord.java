package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Id;
import dev.asyncmodel.MaxLength;

@AsyncModel
record Labelled<T>(@Id Long id, @MaxLength(20) String label) {}
