package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Id;

/** A package-private record: its companion and QuerySet are package-private too. */
@AsyncModel
record Note(@Id Long id, String body) {}
