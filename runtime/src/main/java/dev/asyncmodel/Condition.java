package dev.asyncmodel;

import java.util.List;

/**
 * A condition on rows of model {@code T}, made by a field's lookup ({@code AMOUNT.gt(x)}) and
 * combined like Django's {@code Q} objects. Conditions are immutable values and may be reused.
 *
 * <pre>{@code
 * CATEGORY.eq("food").or(CATEGORY.eq("rent")).and(AMOUNT.gt(BigDecimal.TEN).not())
 * }</pre>
 *
 * <p>{@link #not()} keeps Django's NULL semantics: {@code RATING.eq(4.0).not()} matches the rows
 * whose rating is NULL too, as {@code exclude(rating=4.0)} does.
 *
 * <p>A condition is plain data, a tree of three kinds of node: a {@link Lookup} on one field, a
 * {@link Junction} of conditions joined by AND or OR, and a {@link Negation}. The runtime renders
 * it as SQL for each database; the tree itself holds no SQL.
 *
 * @param <T> the model whose rows it tests
 */
public abstract sealed class Condition<T extends Record>
    permits Lookup, Comparison, JsonLookup, InSubquery, Exists, Junction, Negation {
  Condition() {}

  /**
   * Both conditions: Django's {@code Q(a) & Q(b)}.
   *
   * @param other the other condition
   * @return {@code this AND other}
   */
  public final Condition<T> and(Condition<T> other) {
    return new Junction<>(Junction.Connector.AND, List.of(this, other));
  }

  /**
   * Either condition: Django's {@code Q(a) | Q(b)}.
   *
   * @param other the other condition
   * @return {@code this OR other}
   */
  public final Condition<T> or(Condition<T> other) {
    return new Junction<>(Junction.Connector.OR, List.of(this, other));
  }

  /**
   * The opposite: Django's {@code ~Q(a)}. Rows where a tested column is NULL match the negation.
   *
   * @return {@code NOT this}
   */
  public Condition<T> not() {
    return new Negation<>(this);
  }
}
