package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Id;

@AsyncModel
record Booking(
    @Id Long id,
    int table) {}
