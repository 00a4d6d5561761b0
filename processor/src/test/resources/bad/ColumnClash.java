package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Column;
import dev.asyncmodel.Id;

@AsyncModel
record Book(
    @Id Long id,
    String name,
    @Column("name") String title) {}
