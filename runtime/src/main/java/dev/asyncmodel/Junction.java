package dev.asyncmodel;

import dev.asyncmodel.internal.Dialect;
import dev.asyncmodel.internal.SqlBuffer;
import java.util.ArrayList;
import java.util.List;

/** Conditions joined by AND or OR; nested junctions of the same kind are flattened. */
final class Junction<T extends Record> extends Condition<T> {
  private final boolean or;
  private final List<Condition<T>> parts;

  Junction(boolean or, List<Condition<T>> parts) {
    this.or = or;
    List<Condition<T>> flat = new ArrayList<>(parts.size());
    for (Condition<T> part : parts) {
      if (part instanceof Junction<T> j && j.or == or) {
        flat.addAll(j.parts);
      } else {
        flat.add(part);
      }
    }
    this.parts = List.copyOf(flat);
  }

  @Override
  void shape(Shape shape, List<Object> params, Dialect dialect) {
    shape.add(Shape.JUNCTION, or ? 1 : 0).add(parts.size());
    for (Condition<T> part : parts) {
      part.shape(shape, params, dialect);
    }
  }

  @Override
  void render(SqlBuffer sql, boolean negated) {
    sql.append("(");
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        sql.append(or ? " OR " : " AND ");
      }
      parts.get(i).render(sql, negated);
    }
    sql.append(")");
  }
}
