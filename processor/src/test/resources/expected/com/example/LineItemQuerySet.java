package com.example;

import dev.asyncmodel.Database;
import dev.asyncmodel.QuerySet;
import dev.asyncmodel.spi.ModelMeta;
import javax.annotation.processing.Generated;

/**
 * The rows of {@code line_item} a query selects, typed for {@link LineItem}.
 *
 * <p>Django's filter chain, which builds a query without I/O, and its async terminal methods,
 * which run it; all inherited. Made by {@link Lines#objects}.
 */
@Generated("dev.asyncmodel.processor.AsyncModelProcessor")
public final class LineItemQuerySet extends QuerySet<LineItem, LineItemQuerySet> {
  LineItemQuerySet(ModelMeta<LineItem> model, Database db) {
    super(model, db);
  }

  private LineItemQuerySet(QuerySet.State<LineItem> state) {
    super(state);
  }

  @Override
  protected LineItemQuerySet copy(QuerySet.State<LineItem> state) {
    return new LineItemQuerySet(state);
  }
}
