package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Id;

@AsyncModel
record Shipment(
    @Id Long id,
    Carrier carrier) {}
