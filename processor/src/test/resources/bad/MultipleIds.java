package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Id;

@AsyncModel
record Membership(@Id Long id, @Id Long memberId, String role) {}
