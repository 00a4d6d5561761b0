package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Id;

@AsyncModel
record Ticket(@Id Long id, Ticket.Kind kind) {
  private enum Kind {
    BUG,
    FEATURE
  }
}
