package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Id;
import java.util.Date;

@AsyncModel
record Transaction(
    @Id Long id,
    Date createdOn) {}
