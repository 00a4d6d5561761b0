package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Id;
import dev.asyncmodel.MaxLength;

public class MissingValue {
  @AsyncModel
  public record Book(
      @Id Long id,
      @MaxLength String title) {}
}
