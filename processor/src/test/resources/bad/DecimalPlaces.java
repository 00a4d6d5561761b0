package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Decimal;
import dev.asyncmodel.Id;
import java.math.BigDecimal;

@AsyncModel
record Transaction(
    @Id Long id,
    @Decimal(maxDigits = 5, decimalPlaces = 7) BigDecimal amount) {}
