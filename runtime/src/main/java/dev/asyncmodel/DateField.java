package dev.asyncmodel;

import dev.asyncmodel.spi.ColumnSpec;
import java.time.LocalDate;
import java.util.List;

/**
 * A {@code LocalDate} column: Django's {@code DateField}, with its transforms ({@link
 * DateExpression}: {@code year()}, {@code month()}, {@code truncMonth()}, ...).
 *
 * @param <T> the model
 */
public final class DateField<T extends Record> extends ComparableField<T, LocalDate>
    implements DateExpression<T> {
  /**
   * For generated code.
   *
   * @param spec the column
   */
  public DateField(ColumnSpec spec) {
    super(spec);
  }

  DateField(Field<?> origin, List<RefField<?, ?>> path) {
    super(origin, path);
  }

  @Override
  DateField<?> reached(List<RefField<?, ?>> hops) {
    return new DateField<>(origin(), hops);
  }
}
