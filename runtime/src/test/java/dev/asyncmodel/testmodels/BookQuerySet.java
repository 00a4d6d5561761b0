package dev.asyncmodel.testmodels;

import dev.asyncmodel.Database;
import dev.asyncmodel.QuerySet;
import dev.asyncmodel.spi.ModelMeta;

/** What the processor generates as {@link Book}'s QuerySet, written by hand. */
public final class BookQuerySet extends QuerySet<Book, BookQuerySet> {
  BookQuerySet(ModelMeta<Book> model, Database db) {
    super(model, db);
  }

  private BookQuerySet(QuerySet.State<Book> state) {
    super(state);
  }

  @Override
  protected BookQuerySet copy(QuerySet.State<Book> state) {
    return new BookQuerySet(state);
  }
}
