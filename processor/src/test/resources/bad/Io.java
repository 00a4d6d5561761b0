package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Id;
import dev.asyncmodel.MaxLength;

// A valid model: the test makes its file unwritable by creating it first, from another processor.
@AsyncModel
record Receipt(@Id Long id, @MaxLength(40) String number) {}
