package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Id;

@AsyncModel(
    companion = "Orders",
    table = "order items")
record Order(@Id Long id, String reference) {}
