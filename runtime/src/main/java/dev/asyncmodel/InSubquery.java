package dev.asyncmodel;

import dev.asyncmodel.internal.Query;

/**
 * A foreign key whose target is among the rows of another QuerySet, in one statement: Django's
 * {@code filter(user__in=User.objects.filter(...))}, rendered {@code "user_id" IN (SELECT "id" FROM
 * "auth_user" WHERE ...)}. Made by {@link RefField#in(QuerySet)}, never directly.
 *
 * @param <T> the model filtered
 */
public final class InSubquery<T extends Record> extends Condition<T> {
  private final RefField<T, ?> field;
  private final Query<?> rows;

  InSubquery(RefField<T, ?> field, Query<?> rows) {
    this.field = field;
    this.rows = rows;
  }

  /**
   * @return the foreign key tested
   */
  public RefField<T, ?> field() {
    return field;
  }

  /** The target rows' query, which the compiler renders inside the statement. */
  Query<?> rows() {
    return rows;
  }

  /**
   * @return the lookup as Django writes it: {@code user__in=<User where username__startswith=a>}
   */
  @Override
  public String toString() {
    return field.name() + "__in=<" + rows + ">";
  }
}
