package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Id;
import java.math.BigDecimal;

@AsyncModel
record Transaction(
    @Id Long id,
    BigDecimal amount) {}
