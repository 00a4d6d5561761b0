package dev.asyncmodel;

import dev.asyncmodel.QuerySet.State;
import dev.asyncmodel.internal.Dialect;
import dev.asyncmodel.internal.SqlBuffer;
import dev.asyncmodel.internal.Statement;
import dev.asyncmodel.spi.ModelMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a QuerySet's statements. Each method first walks the query for its shape (a short key)
 * and its values; the SQL text is rendered only when the dialect's cache has no entry for the
 * shape, so a query built again and again is rendered once.
 */
final class Sql {
  private Sql() {}

  /** Key of one rendered statement: a model and the shape of its query. */
  record ShapeKey(ModelMeta<?> model, String shape) {}

  static <T extends Record> Statement select(
      Dialect dialect,
      State<T> s,
      List<Ordering<T>> order,
      int limit,
      int offset,
      boolean forUpdate) {
    StringBuilder key = new StringBuilder("S");
    List<Object> params = new ArrayList<>();
    shapeWhere(s, key, params, dialect);
    key.append('O');
    for (Ordering<T> ordering : order) {
      key.append(ordering.field().spec().index()).append(ordering.descending() ? '-' : '+');
    }
    if (limit >= 0) {
      key.append('L').append(limit);
    }
    if (offset > 0) {
      key.append('F');
      params.add((long) offset);
    }
    if (forUpdate) {
      key.append('U');
    }
    String sql =
        dialect.sql(
            new ShapeKey(s.model, key.toString()),
            k -> {
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
            });
    return new Statement(sql, params, s.model.name());
  }

  static <T extends Record> Statement count(Dialect dialect, State<T> s) {
    StringBuilder key = new StringBuilder("C");
    List<Object> params = new ArrayList<>();
    shapeWhere(s, key, params, dialect);
    boolean sliced = s.sliced();
    if (s.limit >= 0) {
      key.append('L').append(s.limit);
    }
    if (s.offset > 0) {
      key.append('F');
      params.add((long) s.offset);
    }
    String sql =
        dialect.sql(
            new ShapeKey(s.model, key.toString()),
            k -> {
              SqlBuffer b = new SqlBuffer(dialect);
              if (!sliced) {
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
            });
    return new Statement(sql, params, s.model.name());
  }

  static <T extends Record> Statement exists(Dialect dialect, State<T> s) {
    StringBuilder key = new StringBuilder("E");
    List<Object> params = new ArrayList<>();
    shapeWhere(s, key, params, dialect);
    int limit = s.limit == 0 ? 0 : 1;
    key.append('L').append(limit);
    if (s.offset > 0) {
      key.append('F');
      params.add((long) s.offset);
    }
    String sql =
        dialect.sql(
            new ShapeKey(s.model, key.toString()),
            k -> {
              SqlBuffer b = new SqlBuffer(dialect);
              b.append("SELECT 1 FROM ").quoted(s.model.table());
              renderWhere(b, s);
              dialect.limitOffset(b, limit, s.offset > 0);
              return b.toString();
            });
    return new Statement(sql, params, s.model.name());
  }

  static <T extends Record> Statement update(
      Dialect dialect, State<T> s, List<Assignment<T>> assignments) {
    StringBuilder key = new StringBuilder("U");
    List<Object> params = new ArrayList<>();
    for (Assignment<T> assignment : assignments) {
      Field<T> field = assignment.field();
      key.append(field.spec().index()).append(',');
      Object value = QuerySet.exact(field, assignment.value());
      params.add(dialect.encode(field.spec(), field.columnValue(value)));
    }
    shapeWhere(s, key, params, dialect);
    String sql =
        dialect.sql(
            new ShapeKey(s.model, key.toString()),
            k -> {
              SqlBuffer b = new SqlBuffer(dialect);
              b.append("UPDATE ").quoted(s.model.table()).append(" SET ");
              for (int i = 0; i < assignments.size(); i++) {
                b.append(i == 0 ? "" : ", ")
                    .quoted(assignments.get(i).field().column())
                    .append(" = ")
                    .param();
              }
              renderWhere(b, s);
              return b.toString();
            });
    return new Statement(sql, params, s.model.name());
  }

  static void columns(SqlBuffer b, ModelMeta<?> model) {
    List<? extends Field<?>> fields = model.fields();
    for (int i = 0; i < fields.size(); i++) {
      b.append(i == 0 ? "" : ", ").quoted(fields.get(i).column());
    }
  }

  static <T extends Record> void shapeWhere(
      State<T> s, StringBuilder key, List<Object> params, Dialect dialect) {
    key.append('W');
    for (Condition<T> condition : s.where) {
      condition.shape(key, params, dialect);
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
