package com.example;

import dev.asyncmodel.Database;
import dev.asyncmodel.QuerySet;
import dev.asyncmodel.spi.ModelMeta;
import javax.annotation.processing.Generated;

/**
 * The rows of {@code category} a query selects, typed for {@link Category}.
 *
 * <p>Django's filter chain, which builds a query without I/O, and its async terminal methods,
 * which run it; all inherited. Made by {@link Categories#objects}.
 */
@Generated("dev.asyncmodel.processor.AsyncModelProcessor")
public final class CategoryQuerySet extends QuerySet<Category, CategoryQuerySet> {
  CategoryQuerySet(ModelMeta<Category> model, Database db) {
    super(model, db);
  }

  private CategoryQuerySet(QuerySet.State<Category> state) {
    super(state);
  }

  @Override
  protected CategoryQuerySet copy(QuerySet.State<Category> state) {
    return new CategoryQuerySet(state);
  }
}
