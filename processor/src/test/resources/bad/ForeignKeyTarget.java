package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.ForeignKey;
import dev.asyncmodel.Id;
import dev.asyncmodel.OnDelete;
import dev.asyncmodel.Ref;

record Account(Long id, String name) {}

@AsyncModel
record Transaction(
    @Id Long id,
    @ForeignKey(onDelete = OnDelete.CASCADE) Ref<Account> account) {}
