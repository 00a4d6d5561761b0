package dev.asyncmodel;

import dev.asyncmodel.spi.ColumnSpec;
import java.math.BigDecimal;
import java.util.List;

/**
 * A {@code @Decimal BigDecimal} column: Django's {@code DecimalField}. Compares, does exact
 * arithmetic ({@link DecimalExpression}) and aggregates.
 *
 * @param <T> the model
 */
public final class DecimalField<T extends Record> extends ComparableField<T, BigDecimal>
    implements DecimalExpression<T> {
  /**
   * For generated code.
   *
   * @param spec the column
   */
  public DecimalField(ColumnSpec spec) {
    super(spec);
  }

  DecimalField(Field<?> origin, List<RefField<?, ?>> path) {
    super(origin, path);
  }

  @Override
  DecimalField<?> reached(List<RefField<?, ?>> hops) {
    return new DecimalField<>(origin(), hops);
  }
}
