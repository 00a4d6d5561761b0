package dev.asyncmodel;

import dev.asyncmodel.internal.Expr.Transform;
import java.time.LocalDate;

/**
 * A date: a {@code LocalDate} field, a timestamp's {@link DateTimeExpression#date() date()}, or a
 * truncation of one. Django's date transforms ({@code __year}, {@code __month}, ...) and {@code
 * Trunc} functions, the same on every database.
 *
 * @param <T> the model
 */
public sealed interface DateExpression<T extends Record> extends CalendarExpression<T, LocalDate>
    permits DateField, Computed.DateNode {

  /**
   * Django's {@code TruncYear}.
   *
   * @return January 1st of the date's year
   */
  default DateExpression<T> truncYear() {
    return new Computed.DateNode<>(Computed.expr(this, Transform.TRUNC_YEAR));
  }

  /**
   * Django's {@code TruncMonth}.
   *
   * @return the first day of the date's month
   */
  default DateExpression<T> truncMonth() {
    return new Computed.DateNode<>(Computed.expr(this, Transform.TRUNC_MONTH));
  }

  /**
   * Django's {@code TruncDay}: the date itself.
   *
   * @return the date
   */
  default DateExpression<T> truncDay() {
    return new Computed.DateNode<>(Computed.expr(this, Transform.TRUNC_DAY));
  }
}
