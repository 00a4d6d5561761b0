package com.example;

import dev.asyncmodel.Database;
import dev.asyncmodel.QuerySet;
import dev.asyncmodel.spi.ModelMeta;
import javax.annotation.processing.Generated;

/**
 * The rows of {@code transaction} a query selects, typed for {@link Transaction}.
 *
 * <p>Django's filter chain, which builds a query without I/O, and its async terminal methods,
 * which run it; all inherited. Made by {@link Transactions#objects}.
 */
@Generated("dev.asyncmodel.processor.AsyncModelProcessor")
public final class TransactionQuerySet extends QuerySet<Transaction, TransactionQuerySet> {
  TransactionQuerySet(ModelMeta<Transaction> model, Database db) {
    super(model, db);
  }

  private TransactionQuerySet(QuerySet.State<Transaction> state) {
    super(state);
  }

  @Override
  protected TransactionQuerySet copy(QuerySet.State<Transaction> state) {
    return new TransactionQuerySet(state);
  }
}
