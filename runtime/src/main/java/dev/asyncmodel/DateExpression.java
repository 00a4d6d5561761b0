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
public sealed interface DateExpression<T extends Record> extends ComparableExpression<T, LocalDate>
    permits DateField, Computed.DateNode {

  /**
   * Django's {@code __year} / {@code ExtractYear}, in UTC.
   *
   * @return the year
   */
  default IntegerExpression<T, Integer> year() {
    return Computed.transform(this, Transform.YEAR);
  }

  /**
   * Django's {@code __month} / {@code ExtractMonth}, in UTC.
   *
   * @return the month, 1 to 12
   */
  default IntegerExpression<T, Integer> month() {
    return Computed.transform(this, Transform.MONTH);
  }

  /**
   * Django's {@code __day} / {@code ExtractDay}, in UTC.
   *
   * @return the day of the month, 1 to 31
   */
  default IntegerExpression<T, Integer> day() {
    return Computed.transform(this, Transform.DAY);
  }

  /**
   * Django's {@code __week_day} / {@code ExtractWeekDay}, in UTC.
   *
   * @return the day of the week, 1 for Sunday to 7 for Saturday
   */
  default IntegerExpression<T, Integer> weekDay() {
    return Computed.transform(this, Transform.WEEK_DAY);
  }

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
