package dev.asyncmodel;

import dev.asyncmodel.internal.Expr.Transform;
import java.time.temporal.Temporal;

/**
 * A timestamp: an {@code Instant}, {@code OffsetDateTime} or {@code LocalDateTime} field, or a
 * truncation of one. Django's transforms ({@code __year}, {@code __hour}, {@code __date}, ...) and
 * {@code Trunc} functions, evaluated in UTC as Django does with {@code USE_TZ = True}, the same on
 * every database.
 *
 * @param <T> the model
 * @param <V> the field's Java type
 */
public sealed interface DateTimeExpression<
        T extends Record, V extends Temporal & Comparable<? super V>>
    extends CalendarExpression<T, V> permits DateTimeField, Computed.DateTimeNode {

  /**
   * Django's {@code __hour} / {@code ExtractHour}, in UTC.
   *
   * @return the hour, 0 to 23
   */
  default IntegerExpression<T, Integer> hour() {
    return Computed.transform(this, Transform.HOUR);
  }

  /**
   * Django's {@code __minute} / {@code ExtractMinute}.
   *
   * @return the minute, 0 to 59
   */
  default IntegerExpression<T, Integer> minute() {
    return Computed.transform(this, Transform.MINUTE);
  }

  /**
   * Django's {@code __date} / {@code TruncDate}, in UTC.
   *
   * @return the date
   */
  default DateExpression<T> date() {
    return new Computed.DateNode<>(Computed.expr(this, Transform.DATE));
  }

  /**
   * Django's {@code TruncYear}, in UTC.
   *
   * @return midnight UTC of January 1st of the timestamp's year
   */
  default DateTimeExpression<T, V> truncYear() {
    return new Computed.DateTimeNode<>(Computed.expr(this, Transform.TRUNC_YEAR));
  }

  /**
   * Django's {@code TruncMonth}, in UTC.
   *
   * @return midnight UTC of the first day of the timestamp's month
   */
  default DateTimeExpression<T, V> truncMonth() {
    return new Computed.DateTimeNode<>(Computed.expr(this, Transform.TRUNC_MONTH));
  }

  /**
   * Django's {@code TruncDay}, in UTC.
   *
   * @return midnight UTC of the timestamp's day
   */
  default DateTimeExpression<T, V> truncDay() {
    return new Computed.DateTimeNode<>(Computed.expr(this, Transform.TRUNC_DAY));
  }
}
