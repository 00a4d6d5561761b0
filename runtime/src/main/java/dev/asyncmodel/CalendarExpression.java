package dev.asyncmodel;

import dev.asyncmodel.internal.Expr.Transform;

/**
 * A date or a timestamp: the parts Django extracts from both ({@code __year}, {@code __month},
 * {@code __day}, {@code __week_day}), in UTC. See {@link DateExpression} and {@link
 * DateTimeExpression} for what each adds.
 *
 * @param <T> the model
 * @param <V> the Java type of the date or timestamp
 */
public sealed interface CalendarExpression<T extends Record, V extends Comparable<? super V>>
    extends ComparableExpression<T, V> permits DateExpression, DateTimeExpression {

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
}
