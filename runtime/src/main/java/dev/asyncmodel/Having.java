package dev.asyncmodel;

import java.util.List;

/**
 * A condition on the groups of a {@code values(...)} projection, Django's {@code filter} on an
 * annotation ({@code .annotate(total=Sum("amount")).filter(total__gt=100)}): rendered in {@code
 * HAVING}. Made by an {@link Aggregate}'s comparisons; combines as conditions do.
 *
 * @param <T> the model
 */
public final class Having<T extends Record> {
  private final Condition<T> condition;

  Having(Condition<T> condition) {
    this.condition = condition;
  }

  Condition<T> condition() {
    return condition;
  }

  /**
   * @param other another condition on groups
   * @return both
   */
  public Having<T> and(Having<T> other) {
    return new Having<>(
        new Junction<>(Junction.Connector.AND, List.of(condition, other.condition)));
  }

  /**
   * @param other another condition on groups
   * @return either
   */
  public Having<T> or(Having<T> other) {
    return new Having<>(new Junction<>(Junction.Connector.OR, List.of(condition, other.condition)));
  }

  /**
   * @return the opposite, with Django's NULL semantics as for {@link Condition#not()}
   */
  public Having<T> not() {
    return new Having<>(condition.not());
  }

  @Override
  public String toString() {
    return condition.toString();
  }
}
