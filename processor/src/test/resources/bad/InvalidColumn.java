package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Column;
import dev.asyncmodel.Id;

@AsyncModel
record Person(
    @Id Long id,
    @Column("first name") String firstName) {}
