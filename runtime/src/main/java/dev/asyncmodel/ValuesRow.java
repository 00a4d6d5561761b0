package dev.asyncmodel;

import dev.asyncmodel.internal.Expr;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One row of a projection ({@code values(...)}) or the result of several aggregates ({@code
 * aaggregate(a, b)}): Django's dict, read by the objects that selected its values, so that each
 * value comes back with its type.
 *
 * <pre>{@code
 * Aggregate<Transaction, BigDecimal> total = AMOUNT.sum();
 * for (ValuesRow<Transaction> row : await(qs.values(CATEGORY, total).aall())) {
 *   String category = row.get(CATEGORY);
 *   BigDecimal sum = row.get(total);
 * }
 * }</pre>
 *
 * @param <T> the model
 */
public final class ValuesRow<T extends Record> {
  private final Projected projected;
  private final @Nullable Object[] values;

  ValuesRow(Projected projected, @Nullable Object[] values) {
    this.projected = projected;
    this.values = values;
  }

  /**
   * What a projection selects: the trees, in order, and their names, which are made only when a row
   * is shown or read by name, not for each query.
   */
  static final class Projected {
    private final List<Expr> exprs;
    private @Nullable List<String> names;

    Projected(List<Expr> exprs) {
      this.exprs = exprs;
    }

    List<Expr> exprs() {
      return exprs;
    }

    List<String> names() {
      List<String> made = names;
      if (made == null) {
        // Immutable and the same each time: a race makes it twice, never wrong.
        made = Expr.names(exprs);
        names = made;
      }
      return made;
    }
  }

  /**
   * The value of a selected field, expression or aggregate.
   *
   * @param selection the object given to {@code values(...)} or {@code aaggregate(...)} (the same
   *     object: an equal expression built again is another one)
   * @param <V> its type
   * @return the value; null for SQL's NULL (the sum of no rows, a NULL column)
   * @throws IllegalArgumentException when the projection did not select it
   */
  @SuppressWarnings("unchecked") // the value at the selection's position was read as its type
  public <V> @Nullable V get(Selection<T, V> selection) {
    Expr expr = Exprs.of(selection);
    List<Expr> exprs = projected.exprs();
    for (int i = 0; i < exprs.size(); i++) {
      if (exprs.get(i) == expr) {
        return (V) values[i];
      }
    }
    throw new IllegalArgumentException(
        selection + " was not selected; this row has " + projected.names());
  }

  /**
   * @return the values by name, in the order selected: a field's key in {@code toDict} ({@code
   *     created_at}), else Django's default alias ({@code amount__sum}, {@code created_at__month})
   */
  public Map<String, @Nullable Object> toMap() {
    Map<String, @Nullable Object> map = new LinkedHashMap<>();
    List<String> names = projected.names();
    for (int i = 0; i < values.length; i++) {
      map.put(names.get(i), values[i]);
    }
    return map;
  }

  @Override
  public String toString() {
    return toMap().toString();
  }
}
