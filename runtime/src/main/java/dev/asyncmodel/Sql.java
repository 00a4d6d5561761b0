package dev.asyncmodel;

import dev.asyncmodel.QuerySet.State;
import dev.asyncmodel.internal.Dialect;
import dev.asyncmodel.internal.SqlBuffer;
import dev.asyncmodel.internal.Statement;
import dev.asyncmodel.spi.ModelMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a QuerySet's statements. Each method first walks the query for its {@link Shape} and its
 * values; the SQL text is rendered only when the dialect's cache has no entry for the shape, so a
 * query built again and again is rendered once, and finding its SQL allocates nothing.
 */
final class Sql {
  private Sql() {}

  static <T extends Record> Statement select(
      Dialect dialect,
      State<T> s,
      List<Ordering<T>> order,
      int limit,
      int offset,
      boolean forUpdate) {
    List<Object> params = params(s, 1);
    Shape shape = Shape.probe(s.model, Shape.SELECT);
    shapeWhere(s, shape, params, dialect);
    for (Ordering<T> ordering : order) {
      shape.add(Shape.ORDER, ordering.field().spec().index() * 2 + (ordering.descending() ? 1 : 0));
    }
    if (limit >= 0) {
      shape.add(Shape.LIMIT, limit);
    }
    if (offset > 0) {
      shape.add(Shape.OFFSET);
      params.add((long) offset);
    }
    if (forUpdate) {
      shape.add(Shape.FOR_UPDATE);
    }
    String sql = dialect.cached(shape);
    if (sql == null) {
      sql = dialect.cache(shape.key(), renderSelect(dialect, s, order, limit, offset, forUpdate));
    }
    return new Statement(sql, params, s.model.name());
  }

  private static <T extends Record> String renderSelect(
      Dialect dialect,
      State<T> s,
      List<Ordering<T>> order,
      int limit,
      int offset,
      boolean forUpdate) {
    SqlBuffer b = new SqlBuffer(dialect);
    b.append("SELECT ");
    columns(b, s.model);
    b.append(" FROM ").quoted(s.model.table());
    renderWhere(b, s);
    if (!order.isEmpty()) {
      b.append(" ORDER BY ");
      for (int i = 0; i < order.size(); i++) {
        Ordering<T> ordering = order.get(i);
        b.append(i == 0 ? "" : ", ")
            .quoted(ordering.field().column())
            .append(ordering.descending() ? " DESC" : " ASC");
      }
    }
    dialect.limitOffset(b, limit, offset > 0);
    if (forUpdate && dialect.supportsForUpdate()) {
      b.append(" FOR UPDATE");
    }
    return b.toString();
  }

  static <T extends Record> Statement count(Dialect dialect, State<T> s) {
    List<Object> params = params(s, 1);
    Shape shape = Shape.probe(s.model, Shape.COUNT);
    shapeWhere(s, shape, params, dialect);
    if (s.limit >= 0) {
      shape.add(Shape.LIMIT, s.limit);
    }
    if (s.offset > 0) {
      shape.add(Shape.OFFSET);
      params.add((long) s.offset);
    }
    String sql = dialect.cached(shape);
    if (sql == null) {
      sql = dialect.cache(shape.key(), renderCount(dialect, s));
    }
    return new Statement(sql, params, s.model.name());
  }

  private static <T extends Record> String renderCount(Dialect dialect, State<T> s) {
    SqlBuffer b = new SqlBuffer(dialect);
    if (!s.sliced()) {
      b.append("SELECT COUNT(*) FROM ").quoted(s.model.table());
      renderWhere(b, s);
      return b.toString();
    }
    // Django counts a slice as a subquery: at most limit rows, after offset.
    b.append("SELECT COUNT(*) FROM (SELECT 1 AS ")
        .quoted("one")
        .append(" FROM ")
        .quoted(s.model.table());
    renderWhere(b, s);
    dialect.limitOffset(b, s.limit, s.offset > 0);
    b.append(") ").quoted("sliced");
    return b.toString();
  }

  static <T extends Record> Statement exists(Dialect dialect, State<T> s) {
    List<Object> params = params(s, 1);
    Shape shape = Shape.probe(s.model, Shape.EXISTS);
    shapeWhere(s, shape, params, dialect);
    int limit = s.limit == 0 ? 0 : 1;
    shape.add(Shape.LIMIT, limit);
    if (s.offset > 0) {
      shape.add(Shape.OFFSET);
      params.add((long) s.offset);
    }
    String sql = dialect.cached(shape);
    if (sql == null) {
      SqlBuffer b = new SqlBuffer(dialect);
      b.append("SELECT 1 FROM ").quoted(s.model.table());
      renderWhere(b, s);
      dialect.limitOffset(b, limit, s.offset > 0);
      sql = dialect.cache(shape.key(), b.toString());
    }
    return new Statement(sql, params, s.model.name());
  }

  static <T extends Record> Statement update(
      Dialect dialect, State<T> s, List<Assignment<T>> assignments) {
    List<Object> params = params(s, assignments.size());
    Shape shape = Shape.probe(s.model, Shape.UPDATE).add(Shape.ASSIGNMENTS, assignments.size());
    for (Assignment<T> assignment : assignments) {
      Field<T> field = assignment.field();
      shape.add(field.spec().index());
      Object value = QuerySet.exact(field, assignment.value());
      params.add(dialect.encode(field.spec(), field.columnValue(value)));
    }
    shapeWhere(s, shape, params, dialect);
    String sql = dialect.cached(shape);
    if (sql == null) {
      SqlBuffer b = new SqlBuffer(dialect);
      b.append("UPDATE ").quoted(s.model.table()).append(" SET ");
      for (int i = 0; i < assignments.size(); i++) {
        b.append(i == 0 ? "" : ", ")
            .quoted(assignments.get(i).field().column())
            .append(" = ")
            .param();
      }
      renderWhere(b, s);
      sql = dialect.cache(shape.key(), b.toString());
    }
    return new Statement(sql, params, s.model.name());
  }

  /** A list for the statement's values, sized for one per condition plus {@code more}. */
  private static List<Object> params(State<?> s, int more) {
    return new ArrayList<>(s.where.size() + more);
  }

  static void columns(SqlBuffer b, ModelMeta<?> model) {
    List<? extends Field<?>> fields = model.fields();
    for (int i = 0; i < fields.size(); i++) {
      b.append(i == 0 ? "" : ", ").quoted(fields.get(i).column());
    }
  }

  /** Adds the conditions to the shape, after their number, and their values to the params. */
  static <T extends Record> void shapeWhere(
      State<T> s, Shape shape, List<Object> params, Dialect dialect) {
    List<Condition<T>> where = s.where;
    shape.add(where.size());
    for (int i = 0; i < where.size(); i++) {
      where.get(i).shape(shape, params, dialect);
    }
  }

  /** Appends {@code WHERE ...}, or nothing when the query has no condition. */
  static <T extends Record> void renderWhere(SqlBuffer b, State<T> s) {
    if (!s.where.isEmpty()) {
      b.append(" WHERE ");
      renderConditions(b, s);
    }
  }

  /** Appends the conditions ANDed, or {@code 1 = 1} when there are none. */
  static <T extends Record> void renderConditions(SqlBuffer b, State<T> s) {
    if (s.where.isEmpty()) {
      b.append("1 = 1");
      return;
    }
    for (int i = 0; i < s.where.size(); i++) {
      if (i > 0) {
        b.append(" AND ");
      }
      s.where.get(i).render(b, false);
    }
  }
}
