package dev.asyncmodel;

import dev.asyncmodel.internal.Query;

/**
 * Rows of model {@code M} that rows of model {@code T} reference through a foreign key, among those
 * a query of {@code T} selects: Django's lookups across a reverse relation ({@code
 * filter(transaction__amount__gt=100)}) and {@code Exists(Transaction.objects.filter(user=
 * OuterRef("pk"), ...))}, rendered as a correlated {@code EXISTS (SELECT 1 FROM ... WHERE
 * "U0"."user_id" = "auth_user"."id" AND ...)}. Made by {@link RefField#exists}, never directly.
 *
 * @param <M> the model filtered: the one the key references
 */
public final class Exists<M extends Record> extends Condition<M> {
  private final RefField<?, M> key;
  private final Query<?> rows;

  Exists(RefField<?, M> key, Query<?> rows) {
    this.key = key;
    this.rows = rows;
  }

  /**
   * @return the foreign key of the other model that references this one
   */
  public RefField<?, M> key() {
    return key;
  }

  /** The referencing rows' query, which the compiler renders inside the statement. */
  Query<?> rows() {
    return rows;
  }

  /**
   * @return the condition as Django's reverse lookup reads: {@code exists(user <- Transaction where
   *     amount__gt=100)}
   */
  @Override
  public String toString() {
    return "exists(" + key.name() + " <- " + rows + ")";
  }
}
