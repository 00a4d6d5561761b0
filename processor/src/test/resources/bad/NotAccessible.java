package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Id;

public class NotAccessible {
  @AsyncModel
  private record Secret(@Id Long id, String value) {}
}
