package dev.asyncmodel;

import dev.asyncmodel.internal.Dialect;
import dev.asyncmodel.internal.SqlBuffer;
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
 * @param <T> the model whose rows it tests
 */
public abstract sealed class Condition<T extends Record> permits Lookup, Junction, Negation {
  Condition() {}

  /**
   * Both conditions: Django's {@code Q(a) & Q(b)}.
   *
   * @param other the other condition
   * @return {@code this AND other}
   */
  public final Condition<T> and(Condition<T> other) {
    return new Junction<>(false, List.of(this, other));
  }

  /**
   * Either condition: Django's {@code Q(a) | Q(b)}.
   *
   * @param other the other condition
   * @return {@code this OR other}
   */
  public final Condition<T> or(Condition<T> other) {
    return new Junction<>(true, List.of(this, other));
  }

  /**
   * The opposite: Django's {@code ~Q(a)}. Rows where a tested column is NULL match the negation.
   *
   * @return {@code NOT this}
   */
  public Condition<T> not() {
    return new Negation<>(this);
  }

  /**
   * Appends this condition's structure to a cache key, and its values, in placeholder order, to the
   * parameters. Two conditions with the same key render the same SQL.
   */
  abstract void shape(Shape shape, List<Object> params, Dialect dialect);

  /**
   * Renders the SQL. {@code negated} is true under an odd or even number of {@code NOT}s alike:
   * lookups on nullable columns then render two-valued, as Django does for {@code exclude}.
   */
  abstract void render(SqlBuffer sql, boolean negated);
}
