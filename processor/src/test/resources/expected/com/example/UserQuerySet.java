package com.example;

import dev.asyncmodel.Database;
import dev.asyncmodel.QuerySet;
import dev.asyncmodel.spi.ModelMeta;
import javax.annotation.processing.Generated;

/**
 * The rows of {@code auth_user} a query selects, typed for {@link User}.
 *
 * <p>Django's filter chain, which builds a query without I/O, and its async terminal methods,
 * which run it; all inherited. Made by {@link Users#objects}.
 */
@Generated("dev.asyncmodel.processor.AsyncModelProcessor")
public final class UserQuerySet extends QuerySet<User, UserQuerySet> {
  UserQuerySet(ModelMeta<User> model, Database db) {
    super(model, db);
  }

  private UserQuerySet(QuerySet.State<User> state) {
    super(state);
  }

  @Override
  protected UserQuerySet copy(QuerySet.State<User> state) {
    return new UserQuerySet(state);
  }
}
