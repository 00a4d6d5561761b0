package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Id;

public class TableClash {
  @AsyncModel(table = "orders")
  public record Order(@Id Long id, String reference) {}

  @AsyncModel(table = "ORDERS")
  public record PurchaseOrder(@Id Long id, String supplier) {}
}
