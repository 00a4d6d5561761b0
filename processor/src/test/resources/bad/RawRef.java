package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.ForeignKey;
import dev.asyncmodel.Id;
import dev.asyncmodel.OnDelete;
import dev.asyncmodel.Ref;

@AsyncModel
record Order(
    @Id Long id,
    @ForeignKey(onDelete = OnDelete.CASCADE) Ref user) {}
