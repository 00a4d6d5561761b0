package dev.asyncmodel;

import dev.asyncmodel.spi.ColumnSpec;
import java.util.List;

/**
 * A {@code long}, {@code int} or {@code short} column: Django's {@code BigIntegerField}, {@code
 * IntegerField} and {@code SmallIntegerField}. Compares, does arithmetic ({@link
 * IntegerExpression}) and aggregates.
 *
 * @param <T> the model
 * @param <V> {@code Long}, {@code Integer} or {@code Short}
 */
public final class IntegerField<T extends Record, V extends Number & Comparable<? super V>>
    extends ComparableField<T, V> implements IntegerExpression<T, V> {
  /**
   * For generated code.
   *
   * @param spec the column
   */
  public IntegerField(ColumnSpec spec) {
    super(spec);
  }

  IntegerField(Field<?> origin, List<RefField<?, ?>> path) {
    super(origin, path);
  }

  @Override
  IntegerField<?, ?> reached(List<RefField<?, ?>> hops) {
    return new IntegerField<>(origin(), hops);
  }
}
