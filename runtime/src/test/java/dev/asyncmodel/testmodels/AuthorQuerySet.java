package dev.asyncmodel.testmodels;

import dev.asyncmodel.Database;
import dev.asyncmodel.QuerySet;
import dev.asyncmodel.spi.ModelMeta;

/** What the processor generates as {@link Author}'s QuerySet, written by hand. */
public final class AuthorQuerySet extends QuerySet<Author, AuthorQuerySet> {
  AuthorQuerySet(ModelMeta<Author> model, Database db) {
    super(model, db);
  }

  private AuthorQuerySet(QuerySet.State<Author> state) {
    super(state);
  }

  @Override
  protected AuthorQuerySet copy(QuerySet.State<Author> state) {
    return new AuthorQuerySet(state);
  }
}
