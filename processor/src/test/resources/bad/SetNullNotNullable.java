package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.ForeignKey;
import dev.asyncmodel.Id;
import dev.asyncmodel.OnDelete;
import dev.asyncmodel.Ref;

public class SetNullNotNullable {
  @AsyncModel
  public record User(@Id Long id, String username) {}

  @AsyncModel
  public record Order(
      @Id Long id,
      @ForeignKey(onDelete = OnDelete.SET_NULL) Ref<User> user) {}
}
