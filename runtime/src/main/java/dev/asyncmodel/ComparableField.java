package dev.asyncmodel;

import dev.asyncmodel.Lookup.Op;
import dev.asyncmodel.spi.ColumnSpec;
import java.util.List;

/**
 * A column with an order: numbers, decimals, dates and times, strings.
 *
 * @param <T> the model
 * @param <V> the component's Java type (boxed)
 */
public non-sealed class ComparableField<T extends Record, V extends Comparable<? super V>>
    extends ValueField<T, V> implements ComparableExpression<T, V> {
  /**
   * For generated code.
   *
   * @param spec the column
   */
  public ComparableField(ColumnSpec spec) {
    super(spec);
  }

  ComparableField(Field<?> origin, List<RefField<?, ?>> path) {
    super(origin, path);
  }

  @Override
  ComparableField<?, ?> reached(List<RefField<?, ?>> hops) {
    return new ComparableField<>(origin(), hops);
  }

  /**
   * Django's {@code gt} lookup.
   *
   * @param value the bound
   * @return {@code column > value}
   */
  @Override
  public final Condition<T> gt(V value) {
    return Lookup.of(this, Op.GT, value);
  }

  /**
   * Django's {@code gte} lookup.
   *
   * @param value the bound
   * @return {@code column >= value}
   */
  @Override
  public final Condition<T> gte(V value) {
    return Lookup.of(this, Op.GTE, value);
  }

  /**
   * Django's {@code lt} lookup.
   *
   * @param value the bound
   * @return {@code column < value}
   */
  @Override
  public final Condition<T> lt(V value) {
    return Lookup.of(this, Op.LT, value);
  }

  /**
   * Django's {@code lte} lookup.
   *
   * @param value the bound
   * @return {@code column <= value}
   */
  @Override
  public final Condition<T> lte(V value) {
    return Lookup.of(this, Op.LTE, value);
  }

  /**
   * Django's {@code range} lookup: both ends included.
   *
   * @param low the lower bound
   * @param high the upper bound
   * @return {@code column BETWEEN low AND high}
   */
  @Override
  public final Condition<T> between(V low, V high) {
    return Lookup.between(this, low, high);
  }
}
