package dev.asyncmodel;

import dev.asyncmodel.spi.ColumnSpec;
import java.time.temporal.Temporal;
import java.util.List;

/**
 * An {@code Instant}, {@code OffsetDateTime} or {@code LocalDateTime} column: Django's {@code
 * DateTimeField}, with its transforms in UTC ({@link DateTimeExpression}: {@code year()}, {@code
 * hour()}, {@code date()}, {@code truncMonth()}, ...).
 *
 * @param <T> the model
 * @param <V> {@code Instant}, {@code OffsetDateTime} or {@code LocalDateTime}
 */
public final class DateTimeField<T extends Record, V extends Temporal & Comparable<? super V>>
    extends ComparableField<T, V> implements DateTimeExpression<T, V> {
  /**
   * For generated code.
   *
   * @param spec the column
   */
  public DateTimeField(ColumnSpec spec) {
    super(spec);
  }

  DateTimeField(Field<?> origin, List<RefField<?, ?>> path) {
    super(origin, path);
  }

  @Override
  DateTimeField<?, ?> reached(List<RefField<?, ?>> hops) {
    return new DateTimeField<>(origin(), hops);
  }
}
