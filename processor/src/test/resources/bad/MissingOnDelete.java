package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.ForeignKey;
import dev.asyncmodel.Id;
import dev.asyncmodel.Ref;

public class MissingOnDelete {
  @AsyncModel
  public record User(@Id Long id, String username) {}

  @AsyncModel
  public record Order(
      @Id Long id,
      @ForeignKey Ref<User> user) {}
}
