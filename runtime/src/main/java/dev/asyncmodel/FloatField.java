package dev.asyncmodel;

import dev.asyncmodel.spi.ColumnSpec;
import java.util.List;

/**
 * A {@code double} or {@code float} column: Django's {@code FloatField}. Compares, does arithmetic
 * ({@link FloatExpression}) and aggregates.
 *
 * @param <T> the model
 * @param <V> {@code Double} or {@code Float}
 */
public final class FloatField<T extends Record, V extends Number & Comparable<? super V>>
    extends ComparableField<T, V> implements FloatExpression<T, V> {
  /**
   * For generated code.
   *
   * @param spec the column
   */
  public FloatField(ColumnSpec spec) {
    super(spec);
  }

  FloatField(Field<?> origin, List<RefField<?, ?>> path) {
    super(origin, path);
  }

  @Override
  FloatField<?, ?> reached(List<RefField<?, ?>> hops) {
    return new FloatField<>(origin(), hops);
  }
}
