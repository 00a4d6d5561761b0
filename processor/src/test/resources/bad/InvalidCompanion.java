package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Id;

@AsyncModel(
    table = "shop_order",
    companion = "Order Items")
record Order(@Id Long id, String reference) {}
