package dev.asyncmodel;

import dev.asyncmodel.internal.Dialect;
import dev.asyncmodel.internal.SqlBuffer;
import java.util.List;

/** {@code NOT (condition)}, with every lookup inside rendered two-valued. */
final class Negation<T extends Record> extends Condition<T> {
  private final Condition<T> negated;

  Negation(Condition<T> negated) {
    this.negated = negated;
  }

  @Override
  public Condition<T> not() {
    return negated;
  }

  @Override
  void shape(Shape shape, List<Object> params, Dialect dialect) {
    shape.add(Shape.NEGATION);
    negated.shape(shape, params, dialect);
  }

  @Override
  void render(SqlBuffer sql, boolean underNot) {
    sql.append("NOT (");
    negated.render(sql, true);
    sql.append(")");
  }
}
