package dev.asyncmodel;

/**
 * {@code NOT (condition)}: {@code condition.not()}, {@code ne}, and {@code exclude}. As in Django,
 * a row where a column the condition tests is NULL matches the negation.
 *
 * @param <T> the model
 */
public final class Negation<T extends Record> extends Condition<T> {
  private final Condition<T> condition;

  Negation(Condition<T> condition) {
    this.condition = condition;
  }

  /**
   * @return the condition negated
   */
  public Condition<T> condition() {
    return condition;
  }

  /**
   * @return the condition negated: two NOTs cancel
   */
  @Override
  public Condition<T> not() {
    return condition;
  }

  /**
   * @return {@code ~condition}, as Django writes {@code ~Q(...)}
   */
  @Override
  public String toString() {
    return "~" + condition;
  }
}
