package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.MaxLength;

@AsyncModel
record Transaction(Long id, @MaxLength(200) String description) {}
