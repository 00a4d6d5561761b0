package dev.asyncmodel.internal;

import dev.asyncmodel.Assignment;
import dev.asyncmodel.Comparison;
import dev.asyncmodel.Condition;
import dev.asyncmodel.Exists;
import dev.asyncmodel.Field;
import dev.asyncmodel.InSubquery;
import dev.asyncmodel.JsonLookup;
import dev.asyncmodel.Junction;
import dev.asyncmodel.Lookup;
import dev.asyncmodel.Lookup.Op;
import dev.asyncmodel.Negation;
import dev.asyncmodel.Ordering;
import dev.asyncmodel.RefField;
import dev.asyncmodel.RowLock;
import dev.asyncmodel.spi.ColumnSpec;
import dev.asyncmodel.spi.ModelMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The query compiler: turns a {@link Query} (and the assignments of an update, the values of an
 * insert) into a {@link Statement} for a {@link Dialect}. Every SQL text of the runtime is written
 * here, by {@link Deletion}, or by a dialect.
 *
 * <p>Each method first walks the query for its {@link Shape} and its bound values; the SQL text is
 * rendered only when the dialect's cache has no entry for the shape, so a query built again and
 * again is rendered once, and finding its SQL allocates nothing.
 */
public final class Compiler {
  private Compiler() {}

  /**
   * {@code SELECT} of the model's columns.
   *
   * @param dialect the database's dialect
   * @param q the query; its ordering and slice are replaced by the next arguments
   * @param order the ordering
   * @param limit the limit, or -1
   * @param offset the offset
   * @param lock how to lock the rows ({@code FOR UPDATE}), where the database can; null for not
   * @param <T> the model
   * @return the statement
   */
  public static <T extends Record> Statement select(
      Dialect dialect,
      Query<T> q,
      List<Ordering<T>> order,
      int limit,
      int offset,
      @Nullable RowLock lock) {
    return select(Shape.SELECT, dialect, q, order, limit, offset, lock);
  }

  /**
   * {@code EXPLAIN} of the {@code SELECT} that {@code aall()} runs, in the dialect's form ({@code
   * EXPLAIN QUERY PLAN} on SQLite), with the same bound values.
   *
   * @param dialect the database's dialect
   * @param q the query
   * @param <T> the model
   * @return the statement
   */
  public static <T extends Record> Statement explain(Dialect dialect, Query<T> q) {
    return select(Shape.EXPLAIN, dialect, q, q.order(), q.limit(), q.offset(), q.lock());
  }

  /** A {@code SELECT}, or its {@code EXPLAIN}: {@code kind} is {@link Shape#SELECT} or not. */
  private static <T extends Record> Statement select(
      int kind,
      Dialect dialect,
      Query<T> q,
      List<Ordering<T>> order,
      int limit,
      int offset,
      @Nullable RowLock lock) {
    List<Object> params = params(q, 1);
    Shape shape = Shape.probe(q.model(), kind);
    shapeWhere(q, shape, params, dialect);
    shapeOrder(order, shape, params, dialect, List.of());
    shapeSlice(limit, offset, shape, params);
    if (lock != null) {
      shape.add(Shape.FOR_UPDATE, lock.ordinal());
    }
    shapeRelated(q, shape);
    String sql = dialect.cached(shape);
    if (sql == null) {
      SqlBuffer b = new SqlBuffer(dialect);
      if (kind == Shape.EXPLAIN) {
        dialect.explain(b);
      }
      renderSelect(b, q, order, limit, offset, lock);
      sql = dialect.cache(shape.key(), b.toString());
    }
    return new Statement(sql, params, q.model().name());
  }

  private static <T extends Record> void renderSelect(
      SqlBuffer b,
      Query<T> q,
      List<Ordering<T>> order,
      int limit,
      int offset,
      @Nullable RowLock lock) {
    Dialect dialect = b.dialect();
    RelatedRows<T> related = q.related().isEmpty() ? null : q.relatedRows();
    Joins joins =
        Joins.of(q, order, related == null ? List.of() : related.paths(), List.of(), List.of());
    Joins outer = b.scope(joins);
    b.append("SELECT ");
    columns(b, q.model());
    if (related != null) {
      related.columns(b);
    }
    from(b.append(" FROM "), q, joins);
    renderWhere(b, q);
    renderOrder(b, order, List.of(), List.of());
    dialect.limitOffset(b, limit, offset > 0);
    if (lock != null) {
      dialect.forUpdate(b, lock);
    }
    b.scope(outer);
  }

  /** Adds the keys {@code selectRelated} loads to a {@code SELECT}'s shape. */
  private static void shapeRelated(Query<?> q, Shape shape) {
    List<? extends RefField<?, ?>> related = q.related();
    if (related.isEmpty()) {
      return;
    }
    shape.add(Shape.RELATED, related.size());
    Internals.Api api = Internals.api();
    for (RefField<?, ?> key : related) {
      shape.path(api.hops(key));
    }
  }

  /** Appends the query's table, and the tables it joins, if any. */
  private static void from(SqlBuffer b, Query<?> q, @Nullable Joins joins) {
    if (joins == null) {
      b.quoted(q.model().table());
    } else {
      joins.from(b);
    }
  }

  /**
   * {@code SELECT COUNT(*)}, over the slice when the query has one, as Django counts it.
   *
   * @param dialect the database's dialect
   * @param q the query
   * @param <T> the model
   * @return the statement
   */
  public static <T extends Record> Statement count(Dialect dialect, Query<T> q) {
    List<Object> params = params(q, 1);
    Shape shape = Shape.probe(q.model(), Shape.COUNT);
    shapeWhere(q, shape, params, dialect);
    shapeSlice(q.limit(), q.offset(), shape, params);
    String sql = dialect.cached(shape);
    if (sql == null) {
      sql = dialect.cache(shape.key(), renderCount(dialect, q));
    }
    return new Statement(sql, params, q.model().name());
  }

  private static <T extends Record> String renderCount(Dialect dialect, Query<T> q) {
    SqlBuffer b = new SqlBuffer(dialect);
    if (!q.sliced()) {
      b.append("SELECT COUNT(*) FROM ");
      fromWhere(b, q, List.of());
      return b.toString();
    }
    // Django counts a slice as a subquery: at most limit rows, after offset.
    b.append("SELECT COUNT(*) FROM (SELECT 1 AS ").quoted("one").append(" FROM ");
    fromWhere(b, q, List.of());
    dialect.limitOffset(b, q.limit(), q.offset() > 0);
    b.append(") ").quoted("sliced");
    return b.toString();
  }

  /**
   * Appends the query's table, its joins and its {@code WHERE}, its columns qualified when it
   * joins.
   */
  private static void fromWhere(SqlBuffer b, Query<?> q, List<? extends Ordering<?>> order) {
    Joins joins = Joins.of(q, order, List.of(), List.of(), List.of());
    Joins outer = b.scope(joins);
    from(b, q, joins);
    renderWhere(b, q);
    b.scope(outer);
  }

  /**
   * {@code SELECT 1 ... LIMIT 1}: whether a row exists, within the query's slice.
   *
   * @param dialect the database's dialect
   * @param q the query
   * @param <T> the model
   * @return the statement
   */
  public static <T extends Record> Statement exists(Dialect dialect, Query<T> q) {
    List<Object> params = params(q, 1);
    Shape shape = Shape.probe(q.model(), Shape.EXISTS);
    shapeWhere(q, shape, params, dialect);
    int limit = q.limit() == 0 ? 0 : 1;
    shapeSlice(limit, q.offset(), shape, params);
    String sql = dialect.cached(shape);
    if (sql == null) {
      SqlBuffer b = new SqlBuffer(dialect);
      fromWhere(b.append("SELECT 1 FROM "), q, List.of());
      dialect.limitOffset(b, limit, q.offset() > 0);
      sql = dialect.cache(shape.key(), b.toString());
    }
    return new Statement(sql, params, q.model().name());
  }

  /**
   * Whether the row with primary key {@code id} is among the query's rows: Django's {@code
   * contains(obj)}. Without a slice, {@link #exists} of the query and {@code pk = id}; with one,
   * {@code SELECT 1 FROM (SELECT pk ... ORDER BY ... LIMIT ... OFFSET ...) WHERE pk = id}, so that
   * only the rows of the slice count.
   *
   * @param dialect the database's dialect
   * @param q the query
   * @param id the primary key looked for
   * @param <T> the model
   * @return the statement; it returns a row when the record is there
   */
  public static <T extends Record> Statement contains(Dialect dialect, Query<T> q, long id) {
    Field<T> pk = q.model().primaryKey();
    if (!q.sliced()) {
      List<Condition<T>> where = new ArrayList<>(q.where().size() + 1);
      where.addAll(q.where());
      where.add(Internals.api().equal(pk, ColumnValues.id(Internals.spec(pk), id)));
      return exists(dialect, q.withWhere(List.copyOf(where)));
    }
    ColumnSpec pkSpec = Internals.spec(pk);
    List<Object> params = params(q, 2);
    Shape shape = Shape.probe(q.model(), Shape.CONTAINS);
    shapeWhere(q, shape, params, dialect);
    shapeOrder(q.order(), shape, params, dialect, List.of());
    shapeSlice(q.limit(), q.offset(), shape, params);
    params.add(dialect.encode(pkSpec, ColumnValues.id(pkSpec, id)));
    String sql = dialect.cached(shape);
    if (sql == null) {
      SqlBuffer b = new SqlBuffer(dialect);
      b.append("SELECT 1 FROM ");
      sliceOf(b, q, () -> b.column(pkSpec, List.of()), "sliced");
      b.append(" WHERE ").quoted(pk.column()).append(" = ");
      dialect.value(b, pkSpec);
      sql = dialect.cache(shape.key(), b.toString());
    }
    return new Statement(sql, params, q.model().name());
  }

  /**
   * {@code UPDATE ... SET ...} of the query's rows.
   *
   * @param dialect the database's dialect
   * @param q the query, without a slice
   * @param assignments the new values, already validated
   * @param <T> the model
   * @return the statement
   */
  public static <T extends Record> Statement update(
      Dialect dialect, Query<T> q, List<Assignment<T>> assignments) {
    List<Object> params = params(q, assignments.size());
    Shape shape = Shape.probe(q.model(), Shape.UPDATE).add(Shape.ASSIGNMENTS, assignments.size());
    for (Assignment<T> assignment : assignments) {
      Field<T> field = assignment.field();
      ColumnSpec spec = Internals.spec(field);
      shape.add(spec.index());
      Expr expression = Internals.api().expression(assignment);
      if (expression != null) {
        shape.add(Shape.EXPR_ASSIGN);
        ExprSql.shape(expression, shape, params, dialect);
        continue;
      }
      Object value = ColumnValues.exact(spec, assignment.value());
      params.add(dialect.encode(spec, Internals.columnValue(field, value)));
    }
    shapeWhere(q, shape, params, dialect);
    String sql = dialect.cached(shape);
    if (sql == null) {
      SqlBuffer b = new SqlBuffer(dialect);
      b.append("UPDATE ").quoted(q.model().table()).append(" SET ");
      for (int i = 0; i < assignments.size(); i++) {
        Assignment<T> assignment = assignments.get(i);
        b.append(i == 0 ? "" : ", ").quoted(assignment.field().column()).append(" = ");
        Expr expression = Internals.api().expression(assignment);
        if (expression == null) {
          b.param();
        } else {
          dialect.assignExpression(
              b, Internals.spec(assignment.field()), () -> ExprSql.render(expression, b));
        }
      }
      if (!q.where().isEmpty()) {
        renderConditions(b.append(" WHERE "), q);
      }
      sql = dialect.cache(shape.key(), b.toString());
    }
    return new Statement(sql, params, q.model().name());
  }

  /**
   * {@code INSERT} of one row, {@code RETURNING} its id where the database can.
   *
   * @param dialect the database's dialect
   * @param model the model
   * @param values the row's values in component order, {@link ColumnValues#exact exact}; the
   *     primary key's is left out when null
   * @param <T> the model
   * @return the statement
   */
  public static <T extends Record> Statement insert(
      Dialect dialect, ModelMeta<T> model, @Nullable Object[] values) {
    Field<T> pk = model.primaryKey();
    boolean explicitId = values[index(pk)] != null;
    List<Object> params = new ArrayList<>(values.length);
    for (Field<T> field : model.fields()) {
      if (field == pk && !explicitId) {
        continue;
      }
      ColumnSpec spec = Internals.spec(field);
      params.add(dialect.encode(spec, Internals.columnValue(field, values[spec.index()])));
    }
    Shape shape = Shape.probe(model, Shape.INSERT);
    if (explicitId) {
      shape.add(Shape.EXPLICIT_ID);
    }
    String sql = dialect.cached(shape);
    if (sql == null) {
      SqlBuffer b = new SqlBuffer(dialect);
      b.append("INSERT INTO ").quoted(model.table()).append(" (");
      boolean first = true;
      for (Field<T> field : model.fields()) {
        if (field == pk && !explicitId) {
          continue;
        }
        b.append(first ? "" : ", ").quoted(field.column());
        first = false;
      }
      b.append(") VALUES (");
      for (int i = 0; i < params.size(); i++) {
        b.append(i == 0 ? "" : ", ").param();
      }
      b.append(")");
      if (dialect.supportsReturning()) {
        b.append(" RETURNING ").quoted(pk.column());
      }
      sql = dialect.cache(shape.key(), b.toString());
    }
    return new Statement(sql, params, model.name());
  }

  /** What a multi-row INSERT returns. */
  public enum Returning {
    /** Nothing: the ids are known, or the database cannot say. */
    NOTHING,
    /** The generated primary key of each row, in the order of the VALUES. */
    IDS,
    /** Every column of each row as stored, in the order of the VALUES (an upsert's rows). */
    ROWS
  }

  /**
   * {@code INSERT} of several rows, with what to do on a conflict and what to return.
   *
   * @param dialect the database's dialect
   * @param model the model
   * @param rows the rows' values in component order, {@link ColumnValues#exact exact}
   * @param from the first row of this statement
   * @param count how many rows it inserts
   * @param explicitId whether the rows bind their primary key (all do, or none)
   * @param ignoreConflicts whether rows a unique constraint refuses are skipped
   * @param update the fields an upsert overwrites on a conflict; empty for none
   * @param unique the fields that decide an upsert's conflict
   * @param returning what the statement returns
   * @param <T> the model
   * @return the statement
   */
  public static <T extends Record> Statement insertRows(
      Dialect dialect,
      ModelMeta<T> model,
      List<@Nullable Object[]> rows,
      int from,
      int count,
      boolean explicitId,
      boolean ignoreConflicts,
      List<Field<T>> update,
      List<Field<T>> unique,
      Returning returning) {
    Field<T> pk = model.primaryKey();
    List<Field<T>> fields = model.fields();
    boolean arrays = dialect.bulkByArrays();
    List<Object> params;
    if (arrays) {
      params = new ArrayList<>(fields.size());
      for (Field<T> field : fields) {
        if (field != pk || explicitId) {
          params.add(columnArray(dialect, field, rows, from, count));
        }
      }
    } else {
      params = new ArrayList<>(count * fields.size());
      for (int r = from; r < from + count; r++) {
        @Nullable Object[] values = rows.get(r);
        for (Field<T> field : fields) {
          if (field == pk && !explicitId) {
            continue;
          }
          ColumnSpec spec = Internals.spec(field);
          params.add(dialect.encode(spec, Internals.columnValue(field, values[spec.index()])));
        }
      }
    }
    Shape shape =
        Shape.probe(model, Shape.BULK_INSERT)
            .add(arrays ? -1 : count, explicitId ? 1 : 0)
            .add(ignoreConflicts ? 1 : 0, returning.ordinal())
            .add(update.size());
    for (Field<T> field : update) {
      shape.add(index(field));
    }
    shape.add(unique.size());
    for (Field<T> field : unique) {
      shape.add(index(field));
    }
    String sql = dialect.cached(shape);
    if (sql == null) {
      SqlBuffer b = new SqlBuffer(dialect);
      dialect.insertInto(b, ignoreConflicts);
      b.quoted(model.table()).append(" (");
      int columns = 0;
      for (Field<T> field : fields) {
        if (field == pk && !explicitId) {
          continue;
        }
        b.append(columns++ == 0 ? "" : ", ").quoted(field.column());
      }
      if (arrays) {
        b.append(") SELECT * FROM unnest(");
        boolean first = true;
        for (Field<T> field : fields) {
          if (field != pk || explicitId) {
            dialect.arrayOf(b.append(first ? "" : ", "), Internals.spec(field));
            first = false;
          }
        }
        b.append(")");
      } else {
        b.append(") VALUES ");
        for (int r = 0; r < count; r++) {
          b.append(r == 0 ? "(" : ", (");
          for (int c = 0; c < columns; c++) {
            b.append(c == 0 ? "" : ", ").param();
          }
          b.append(")");
        }
      }
      if (ignoreConflicts || !update.isEmpty()) {
        dialect.onConflict(b, columnNames(update), columnNames(unique));
      }
      switch (returning) {
        case IDS -> b.append(" RETURNING ").quoted(pk.column());
        case ROWS -> {
          b.append(" RETURNING ");
          columns(b, model);
        }
        case NOTHING -> {}
      }
      sql = dialect.cache(shape.key(), b.toString());
    }
    return new Statement(sql, params, model.name());
  }

  /** One column of rows {@code from .. from + count}, encoded, as the dialect's array. */
  private static <T extends Record> Object columnArray(
      Dialect dialect, Field<T> field, List<@Nullable Object[]> rows, int from, int count) {
    ColumnSpec spec = Internals.spec(field);
    List<@Nullable Object> column = new ArrayList<>(count);
    for (int r = from; r < from + count; r++) {
      column.add(dialect.encode(spec, Internals.columnValue(field, rows.get(r)[spec.index()])));
    }
    return dialect.columnArray(spec, column);
  }

  private static List<String> columnNames(List<? extends Field<?>> fields) {
    List<String> names = new ArrayList<>(fields.size());
    for (Field<?> field : fields) {
      names.add(field.column());
    }
    return names;
  }

  /**
   * {@code UPDATE} of several rows by primary key, each to its own values: one {@code CASE} per
   * field, Django's {@code bulk_update}.
   *
   * @param dialect the database's dialect
   * @param q the QuerySet's query, whose conditions the rows must also meet; without a slice
   * @param rows the rows' values in component order, {@link ColumnValues#exact exact}, each with
   *     its primary key
   * @param from the first row of this statement
   * @param count how many rows it updates
   * @param fields the fields to write, not the primary key
   * @param <T> the model
   * @return the statement; its row count is the number of rows matched
   */
  public static <T extends Record> Statement updateRows(
      Dialect dialect,
      Query<T> q,
      List<@Nullable Object[]> rows,
      int from,
      int count,
      List<Field<T>> fields) {
    ModelMeta<T> model = q.model();
    Field<T> pk = model.primaryKey();
    ColumnSpec pkSpec = Internals.spec(pk);
    if (dialect.bulkByArrays()) {
      return updateByArrays(dialect, q, rows, from, count, fields);
    }
    List<Object> params = new ArrayList<>(count * (2 * fields.size() + 1) + q.where().size());
    for (Field<T> field : fields) {
      ColumnSpec spec = Internals.spec(field);
      for (int r = from; r < from + count; r++) {
        @Nullable Object[] values = rows.get(r);
        params.add(dialect.encode(pkSpec, values[pkSpec.index()]));
        params.add(dialect.encode(spec, Internals.columnValue(field, values[spec.index()])));
      }
    }
    for (int r = from; r < from + count; r++) {
      params.add(dialect.encode(pkSpec, rows.get(r)[pkSpec.index()]));
    }
    Shape shape = Shape.probe(model, Shape.BULK_UPDATE).add(count, fields.size());
    for (Field<T> field : fields) {
      shape.add(index(field));
    }
    shapeWhere(q, shape, params, dialect);
    String sql = dialect.cached(shape);
    if (sql == null) {
      String key = dialect.quote(pk.column());
      SqlBuffer b = new SqlBuffer(dialect);
      b.append("UPDATE ").quoted(model.table()).append(" SET ");
      for (int f = 0; f < fields.size(); f++) {
        ColumnSpec spec = Internals.spec(fields.get(f));
        b.append(f == 0 ? "" : ", ").quoted(spec.column()).append(" = CASE");
        for (int r = 0; r < count; r++) {
          dialect.value(b.append(" WHEN ").append(key).append(" = "), pkSpec);
          b.append(" THEN ").param();
        }
        b.append(" END");
      }
      b.append(" WHERE ").append(key).append(" IN (");
      for (int r = 0; r < count; r++) {
        dialect.value(b.append(r == 0 ? "" : ", "), pkSpec);
      }
      b.append(")");
      if (!q.where().isEmpty()) {
        b.append(" AND ");
        renderConditions(b, q);
      }
      sql = dialect.cache(shape.key(), b.toString());
    }
    return new Statement(sql, params, model.name());
  }

  /**
   * {@code UPDATE t SET f = v.f FROM unnest($1::bigint[], $2::...[]) AS v (key, f) WHERE t.pk =
   * v.key}: one shape for any number of rows. The rows must have distinct keys (PostgreSQL would
   * use any one of several).
   */
  private static <T extends Record> Statement updateByArrays(
      Dialect dialect,
      Query<T> q,
      List<@Nullable Object[]> rows,
      int from,
      int count,
      List<Field<T>> fields) {
    ModelMeta<T> model = q.model();
    Field<T> pk = model.primaryKey();
    List<Object> params = new ArrayList<>(fields.size() + 1 + q.where().size());
    params.add(columnArray(dialect, pk, rows, from, count));
    for (Field<T> field : fields) {
      params.add(columnArray(dialect, field, rows, from, count));
    }
    Shape shape = Shape.probe(model, Shape.BULK_UPDATE).add(-1, fields.size());
    for (Field<T> field : fields) {
      shape.add(index(field));
    }
    shapeWhere(q, shape, params, dialect);
    String sql = dialect.cached(shape);
    if (sql == null) {
      SqlBuffer b = new SqlBuffer(dialect);
      String table = dialect.quote(model.table());
      String rowsName = dialect.quote("bulk_rows");
      // The unnest's columns have names of their own, so that the QuerySet's conditions, which
      // name the table's columns unqualified, never mean one of them.
      b.append("UPDATE ").append(table).append(" SET ");
      for (int f = 0; f < fields.size(); f++) {
        b.append(f == 0 ? "" : ", ")
            .quoted(fields.get(f).column())
            .append(" = ")
            .append(rowsName)
            .append(".")
            .quoted("asyncmodel_v" + f);
      }
      b.append(" FROM unnest(");
      dialect.arrayOf(b, Internals.spec(pk));
      for (Field<T> field : fields) {
        dialect.arrayOf(b.append(", "), Internals.spec(field));
      }
      b.append(") AS ").append(rowsName).append(" (").quoted("asyncmodel_key");
      for (int f = 0; f < fields.size(); f++) {
        b.append(", ").quoted("asyncmodel_v" + f);
      }
      b.append(") WHERE ")
          .append(table)
          .append(".")
          .quoted(pk.column())
          .append(" = ")
          .append(rowsName)
          .append(".")
          .quoted("asyncmodel_key");
      if (!q.where().isEmpty()) {
        b.append(" AND ");
        renderConditions(b, q);
      }
      sql = dialect.cache(shape.key(), b.toString());
    }
    return new Statement(sql, params, model.name());
  }

  // ---------------------------------------------------------------------------------------------
  // Projections and aggregates.

  /**
   * {@code SELECT} of expressions and aggregates: Django's {@code values(...)}, with {@code GROUP
   * BY} the selected expressions when aggregates are among them ({@code
   * values(...).annotate(...)}), and {@code aggregate(...)}, whose selections are all aggregates.
   *
   * <p>Values in the select list, in the conditions, in {@code HAVING} and in the ordering are
   * bound in that order, the order of their placeholders. A grouped query groups by the positions
   * of its selected expressions ({@code GROUP BY 1, 2}), so that an expression with a value is
   * grouped by what was selected, not by a second copy with a placeholder of its own.
   *
   * @param dialect the database's dialect
   * @param q the query: its conditions, ordering and slice
   * @param select the selections, in order
   * @param having the conditions on groups, ANDed
   * @param distinct whether {@code SELECT DISTINCT}
   * @param overSlice whether the aggregates read the query's slice, as a subquery (Django's {@code
   *     qs[:5].aggregate(...)}); the query's ordering and slice then apply inside it
   * @param <T> the model
   * @return the statement
   */
  public static <T extends Record> Statement values(
      Dialect dialect,
      Query<T> q,
      List<Expr> select,
      List<Condition<T>> having,
      boolean distinct,
      boolean overSlice) {
    if (overSlice) {
      for (Expr e : select) {
        if (e.crossesRelation()) {
          throw new IllegalArgumentException(
              "Cannot aggregate "
                  + e
                  + " over a slice: a field across a relation is read from the joined table,"
                  + " which the slice's subquery does not select; filter instead of slicing");
        }
      }
    }
    List<Object> params = params(q, select.size() + having.size());
    Shape shape = Shape.probe(q.model(), Shape.VALUES).add(distinct ? 1 : 0, overSlice ? 1 : 0);
    shape.add(select.size());
    for (Expr e : select) {
      ExprSql.shape(e, shape, params, dialect);
    }
    shapeWhere(q, shape, params, dialect);
    List<Ordering<T>> order = q.order();
    if (overSlice) {
      shapeOrder(order, shape, params, dialect, List.of());
    } else {
      shape.add(Shape.HAVING, having.size());
      for (Condition<T> condition : having) {
        shape(condition, false, shape, params, dialect);
      }
      shapeOrder(order, shape, params, dialect, select);
    }
    shapeSlice(q.limit(), q.offset(), shape, params);
    String sql = dialect.cached(shape);
    if (sql == null) {
      sql =
          dialect.cache(
              shape.key(),
              renderValues(dialect, q, select, Expr.aliases(select), having, distinct, overSlice));
    }
    return new Statement(sql, params, q.model().name());
  }

  private static <T extends Record> String renderValues(
      Dialect dialect,
      Query<T> q,
      List<Expr> select,
      List<String> names,
      List<Condition<T>> having,
      boolean distinct,
      boolean overSlice) {
    SqlBuffer b = new SqlBuffer(dialect);
    b.append(distinct ? "SELECT DISTINCT " : "SELECT ");
    boolean aggregates = false;
    Joins joins = overSlice ? null : Joins.of(q, q.order(), List.of(), select, having);
    Joins outer = b.scope(joins);
    for (int i = 0; i < select.size(); i++) {
      Expr e = select.get(i);
      b.append(i == 0 ? "" : ", ");
      ExprSql.render(e, b);
      if (e.kind() != Expr.Kind.COLUMN) {
        b.append(" AS ").quoted(names.get(i));
      }
      aggregates |= e.hasAggregate();
    }
    if (overSlice) {
      // Django aggregates a slice as a subquery of the rows it holds.
      sliceOf(b.append(" FROM "), q, () -> columns(b, q.model()), "sliced");
      b.scope(outer);
      return b.toString();
    }
    from(b.append(" FROM "), q, joins);
    renderWhere(b, q);
    if (aggregates) {
      String separator = " GROUP BY ";
      for (int i = 0; i < select.size(); i++) {
        if (!select.get(i).hasAggregate()) {
          b.append(separator).append(Integer.toString(i + 1));
          separator = ", ";
        }
      }
    }
    for (int i = 0; i < having.size(); i++) {
      b.append(i == 0 ? " HAVING " : " AND ");
      render(having.get(i), b, false);
    }
    renderOrder(b, q.order(), select, names);
    dialect.limitOffset(b, q.limit(), q.offset() > 0);
    b.scope(outer);
    return b.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Ordering.

  /**
   * Adds the ordering to the shape: a column as one code (its index, direction and NULLs), an
   * expression as its tree, bound as many times as the dialect writes it, or as its position when a
   * projection selects it.
   */
  private static <T extends Record> void shapeOrder(
      List<Ordering<T>> order,
      Shape shape,
      List<Object> params,
      Dialect dialect,
      List<Expr> selected) {
    Internals.Api api = Internals.api();
    for (Ordering<T> ordering : order) {
      Expr e = api.expr(ordering);
      int direction = ordering.nulls().ordinal() * 2 + (ordering.descending() ? 1 : 0);
      if (e.kind() == Expr.Kind.COLUMN) {
        shape.path(e.hops()).add(Shape.ORDER, e.type().index() * 8 + direction);
        continue;
      }
      int position = position(selected, e);
      shape.add(Shape.EXPR_ORDER, direction).add(position);
      if (position < 0) {
        for (int i = dialect.orderTermRepeats(ordering.nulls()); i > 0; i--) {
          ExprSql.shape(e, shape, params, dialect);
        }
      }
    }
  }

  /** Appends {@code ORDER BY ...}, or nothing for no ordering; see {@link #shapeOrder}. */
  private static <T extends Record> void renderOrder(
      SqlBuffer b, List<Ordering<T>> order, List<Expr> selected, List<String> names) {
    if (order.isEmpty()) {
      return;
    }
    Internals.Api api = Internals.api();
    Dialect dialect = b.dialect();
    b.append(" ORDER BY ");
    for (int i = 0; i < order.size(); i++) {
      Ordering<T> ordering = order.get(i);
      Expr e = api.expr(ordering);
      String term;
      int position = position(selected, e);
      if (e.kind() == Expr.Kind.COLUMN) {
        term = b.columnText(e.type(), e.hops());
      } else if (position >= 0) {
        term = dialect.quote(names.get(position));
      } else {
        term = b.fragment(() -> ExprSql.render(e, b));
      }
      dialect.orderTerm(
          b.append(i == 0 ? "" : ", "), term, ordering.descending(), ordering.nulls());
    }
  }

  /** The position of an expression among those selected, by identity, or -1. */
  private static int position(List<Expr> selected, Expr e) {
    for (int i = 0; i < selected.size(); i++) {
      if (selected.get(i) == e) {
        return i;
      }
    }
    return -1;
  }

  // ---------------------------------------------------------------------------------------------
  // Conditions: their shape and values, then their SQL.

  /** A list for the statement's values, sized for one per condition plus {@code more}. */
  private static List<Object> params(Query<?> q, int more) {
    return new ArrayList<>(q.where().size() + more);
  }

  /**
   * How many values the query's conditions bind on this dialect: what a statement that adds values
   * of its own must leave room for. Counted by the shape pass itself, so it is exact for every kind
   * of condition.
   *
   * @param dialect the dialect
   * @param q the query
   * @return the number of values
   */
  static int boundValues(Dialect dialect, Query<?> q) {
    List<Object> params = params(q, 0);
    shapeWhere(q, Shape.probe(q.model(), Shape.SELECT), params, dialect);
    return params.size();
  }

  private static int index(Field<?> field) {
    return Internals.spec(field).index();
  }

  static void columns(SqlBuffer b, ModelMeta<?> model) {
    List<? extends Field<?>> fields = model.fields();
    for (int i = 0; i < fields.size(); i++) {
      b.append(i == 0 ? "" : ", ").column(Internals.spec(fields.get(i)), List.of());
    }
  }

  /**
   * Adds a slice to the shape: the limit, which the SQL writes as a literal, and whether there is
   * an offset, which is bound (after every other value: {@code LIMIT}/{@code OFFSET} end a query).
   */
  private static void shapeSlice(int limit, int offset, Shape shape, List<Object> params) {
    if (limit >= 0) {
      shape.add(Shape.LIMIT, limit);
    }
    if (offset > 0) {
      shape.add(Shape.OFFSET);
      params.add((long) offset);
    }
  }

  /** Adds the conditions to the shape, after their number, and their values to the params. */
  static <T extends Record> void shapeWhere(
      Query<T> q, Shape shape, List<Object> params, Dialect dialect) {
    List<Condition<T>> where = q.where();
    shape.add(where.size());
    for (int i = 0; i < where.size(); i++) {
      shape(where.get(i), false, shape, params, dialect);
    }
  }

  /**
   * Appends a condition's structure to a cache key, and its values, in placeholder order, to the
   * parameters. Two conditions with the same key render the same SQL.
   */
  private static void shape(
      Condition<?> condition, boolean negated, Shape shape, List<Object> params, Dialect dialect) {
    if (condition instanceof Lookup<?> lookup) {
      shapeLookup(lookup, shape, params, dialect);
    } else if (condition instanceof Comparison<?> comparison) {
      Internals.Api api = Internals.api();
      ExprSql.shapeComparison(
          api.left(comparison),
          comparison.op(),
          api.right(comparison),
          negated,
          shape,
          params,
          dialect);
    } else if (condition instanceof JsonLookup<?> json) {
      ExprSql.shapeJson(json, Internals.spec(json.field()), shape, params, dialect);
    } else if (condition instanceof InSubquery<?> subquery) {
      // The target model follows from the field; its query's conditions, slice and (for a slice)
      // ordering are bound where the subquery's SQL places them.
      Query<?> rows = Internals.api().rows(subquery);
      // Counts and fixed-length codes, so that what follows the subquery is never read as part
      // of it.
      shape
          .path(Internals.path(subquery.field()))
          .add(Shape.SUBQUERY, index(subquery.field()))
          .add(rows.sliced() ? 1 : 0);
      shapeWhere(rows, shape, params, dialect);
      if (rows.sliced()) {
        shape.add(rows.order().size());
        shapeOrder(rows.order(), shape, params, dialect, List.of());
        shape.add(rows.limit(), rows.offset() > 0 ? 1 : 0);
        if (rows.offset() > 0) {
          params.add((long) rows.offset());
        }
      }
    } else if (condition instanceof Exists<?> exists) {
      // The referencing model, the path to its key and the key, then its conditions.
      Query<?> rows = Internals.api().rows(exists);
      RefField<?, ?> key = exists.key();
      shape.add(Shape.EXISTS_ROWS, Shape.model(rows.model())).path(Internals.path(key));
      shape.add(index(key));
      shapeWhere(rows, shape, params, dialect);
    } else if (condition instanceof Junction<?> junction) {
      List<? extends Condition<?>> parts = junction.parts();
      shape.add(Shape.JUNCTION, junction.connector().ordinal()).add(parts.size());
      for (Condition<?> part : parts) {
        shape(part, negated, shape, params, dialect);
      }
    } else {
      shape.add(Shape.NEGATION);
      shape(((Negation<?>) condition).condition(), true, shape, params, dialect);
    }
  }

  private static void shapeLookup(
      Lookup<?> lookup, Shape shape, List<Object> params, Dialect dialect) {
    Field<?> field = lookup.field();
    ColumnSpec spec = Internals.spec(field);
    Op op = lookup.op();
    List<Object> values = lookup.values();
    shape.path(Internals.path(field)).add(Shape.LOOKUP, spec.index()).add(op.ordinal());
    if (op == Op.IN && dialect.inAsArray()) {
      // One shape for every non-empty list: its values are one array parameter.
      shape.add(values.isEmpty() ? 0 : 1);
      if (!values.isEmpty()) {
        List<Object> encoded = new ArrayList<>(values.size());
        for (Object value : values) {
          encoded.add(dialect.encode(spec, Internals.columnValue(field, value)));
        }
        params.add(dialect.array(spec, encoded));
      }
      return;
    }
    if (op == Op.IN) {
      shape.add(values.size());
    }
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      if (op.isPattern()) {
        String text = dialect.escapeLike((String) value);
        params.add(
            switch (op) {
              case CONTAINS, ICONTAINS -> "%" + text + "%";
              case STARTS_WITH, ISTARTS_WITH -> text + "%";
              case ENDS_WITH, IENDS_WITH -> "%" + text;
              default -> throw new IllegalStateException(op.name());
            });
      } else {
        params.add(dialect.encode(spec, Internals.columnValue(field, value)));
      }
    }
  }

  /**
   * Appends {@code WHERE ...}, or nothing when the query has no condition; the caller has written
   * the joins it needs, if any.
   */
  static <T extends Record> void renderWhere(SqlBuffer b, Query<T> q) {
    if (!q.where().isEmpty()) {
      b.append(" WHERE ");
      conditions(b, q);
    }
  }

  /**
   * Appends a condition that selects the query's rows in a statement that names only its table, as
   * an {@code UPDATE} or a {@code DELETE} does: its conditions ANDed ({@code 1 = 1} for none), or,
   * when they follow a relation, Django's {@code "id" IN (SELECT * FROM (SELECT "t"."id" FROM "t"
   * INNER JOIN ... WHERE ...) "subquery")}; the derived table lets MySQL read the table it writes.
   */
  static <T extends Record> void renderConditions(SqlBuffer b, Query<T> q) {
    Joins joins = Joins.of(q);
    if (joins == null && !b.dialect().writesReadTheirTable() && hasSubquery(q.where())) {
      // MySQL: a subquery may read the written table; a derived table is read before the write.
      joins = Joins.plain(q);
    }
    if (joins == null) {
      Joins outer = b.scope(null);
      conditions(b, q);
      b.scope(outer);
      return;
    }
    ColumnSpec pk = Internals.spec(q.model().primaryKey());
    Joins outer = b.scope(null);
    b.column(pk, List.of());
    Joins selected = joins;
    inDerivedTable(
        b,
        () -> {
          b.scope(selected);
          b.column(pk, List.of()).append(" FROM ");
          selected.from(b);
          renderWhere(b, q);
          b.scope(outer);
        });
  }

  /**
   * Appends {@code IN (SELECT * FROM (SELECT <select>) "subquery")}: keys read through a derived
   * table, which MySQL materializes before a statement writes the table they come from (its error
   * 1093 otherwise).
   *
   * @param b the statement
   * @param select writes what follows {@code SELECT}: the keys, their table and conditions
   */
  static void inDerivedTable(SqlBuffer b, Runnable select) {
    b.append(" IN (SELECT * FROM (SELECT ");
    select.run();
    b.append(") ").quoted("subquery").append(")");
  }

  /** Whether a condition holds a subquery ({@code exists}, {@code in(querySet)}). */
  private static boolean hasSubquery(List<? extends Condition<?>> conditions) {
    return anyCondition(conditions, c -> c instanceof Exists<?> || c instanceof InSubquery<?>);
  }

  /**
   * @param conditions conditions, ANDed
   * @param test a test of one condition that is neither an AND/OR nor a NOT
   * @return whether a condition meets the test, at any depth of ANDs, ORs and NOTs
   */
  static boolean anyCondition(
      List<? extends Condition<?>> conditions, Predicate<Condition<?>> test) {
    for (Condition<?> condition : conditions) {
      if (condition instanceof Junction<?> junction) {
        if (anyCondition(junction.parts(), test)) {
          return true;
        }
      } else if (condition instanceof Negation<?> negation) {
        if (anyCondition(List.of(negation.condition()), test)) {
          return true;
        }
      } else if (test.test(condition)) {
        return true;
      }
    }
    return false;
  }

  /** Appends the conditions ANDed, or {@code 1 = 1} when there are none. */
  static <T extends Record> void conditions(SqlBuffer b, Query<T> q) {
    List<Condition<T>> where = q.where();
    if (where.isEmpty()) {
      b.append("1 = 1");
      return;
    }
    for (int i = 0; i < where.size(); i++) {
      if (i > 0) {
        b.append(" AND ");
      }
      render(where.get(i), b, false);
    }
  }

  /**
   * Renders a condition. {@code negated} is true under an odd or even number of {@code NOT}s alike:
   * lookups on nullable columns then render two-valued, as Django does for {@code exclude}.
   */
  private static void render(Condition<?> condition, SqlBuffer sql, boolean negated) {
    if (condition instanceof Lookup<?> lookup) {
      renderLookup(lookup, sql, negated);
    } else if (condition instanceof Comparison<?> comparison) {
      Internals.Api api = Internals.api();
      ExprSql.renderComparison(
          api.left(comparison), comparison.op(), api.right(comparison), negated, sql);
    } else if (condition instanceof InSubquery<?> subquery) {
      renderSubquery(subquery, sql, negated);
    } else if (condition instanceof Exists<?> exists) {
      renderExists(exists, sql);
    } else if (condition instanceof JsonLookup<?> json) {
      ExprSql.renderJson(json, Internals.spec(json.field()), negated, sql);
    } else if (condition instanceof Junction<?> junction) {
      List<? extends Condition<?>> parts = junction.parts();
      String connector = junction.connector() == Junction.Connector.OR ? " OR " : " AND ";
      sql.append("(");
      for (int i = 0; i < parts.size(); i++) {
        if (i > 0) {
          sql.append(connector);
        }
        render(parts.get(i), sql, negated);
      }
      sql.append(")");
    } else {
      sql.append("NOT (");
      render(((Negation<?>) condition).condition(), sql, true);
      sql.append(")");
    }
  }

  /**
   * A query's slice as a derived table, {@code (SELECT columns FROM t WHERE ... ORDER BY ... LIMIT
   * n OFFSET $k) "alias"}: how a slice is counted on, aggregated over, or tested for a row. Its
   * values are the query's conditions, ordering and offset, shaped in that order by the caller.
   */
  private static void sliceOf(SqlBuffer b, Query<?> q, Runnable columns, String alias) {
    Joins joins = Joins.of(q, q.order(), List.of(), List.of(), List.of());
    Joins outer = b.scope(joins);
    b.append("(SELECT ");
    columns.run();
    from(b.append(" FROM "), q, joins);
    renderWhere(b, q);
    renderOrder(b, q.order(), List.of(), List.of());
    b.dialect().limitOffset(b, q.limit(), q.offset() > 0);
    b.scope(outer);
    b.append(") ").quoted(alias);
  }

  /**
   * {@code "user_id" IN (SELECT "id" FROM "auth_user" WHERE ...)}; a sliced QuerySet is read
   * through a derived table, which MySQL needs for a LIMIT in an IN subquery. Under a NOT, a
   * nullable key is also tested for NULL, as a lookup is, so that exclude keeps its NULL rows.
   */
  private static void renderSubquery(InSubquery<?> subquery, SqlBuffer sql, boolean negated) {
    Query<?> rows = Internals.api().rows(subquery);
    ColumnSpec spec = Internals.spec(subquery.field());
    List<RefField<?, ?>> path = Internals.path(subquery.field());
    ColumnSpec key = Internals.spec(rows.model().primaryKey());
    String column = sql.columnText(spec, path);
    boolean twoValued = negated && Expr.nullable(spec, path);
    sql.append(twoValued ? "(" : "").append(column).append(" IN (SELECT ");
    if (rows.sliced()) {
      Joins outer = sql.scope(null);
      sql.column(key, List.of());
      sliceOf(sql.append(" FROM "), rows, () -> sql.column(key, List.of()), "subquery");
      sql.scope(outer);
    } else {
      Joins joins = Joins.of(rows);
      Joins outer = sql.scope(joins);
      sql.column(key, List.of()).append(" FROM ");
      from(sql, rows, joins);
      renderWhere(sql, rows);
      sql.scope(outer);
    }
    sql.append(")");
    if (twoValued) {
      sql.append(" AND ").append(column).append(" IS NOT NULL)");
    }
  }

  /**
   * {@code EXISTS (SELECT 1 FROM "transaction" "U0" WHERE "U0"."user_id" = "auth_user"."id" AND
   * ...)}: the subquery names its tables by aliases of its own, and the row around it by that
   * level's alias, or by its table's name where that level joins nothing. EXISTS is never NULL, so
   * a NOT needs nothing more.
   */
  private static void renderExists(Exists<?> exists, SqlBuffer sql) {
    sql.append("EXISTS ");
    correlated(sql, exists.key(), Internals.api().rows(exists), List.of(), () -> sql.append("1"));
  }

  /**
   * {@code (SELECT <select> FROM "t" "U0" ... WHERE "U0"."fk" = "outer"."id" AND <conditions>)}: a
   * subquery of the rows that reference the row of the level around it through {@code key}, which
   * an {@code EXISTS} and an aggregate of the referencing rows share. Its tables have aliases of
   * their own; the row around it is named by that level's alias.
   *
   * @param b the statement
   * @param key the foreign key of the subquery's model, or a path to one
   * @param rows the subquery's model and conditions
   * @param more expressions the select list reads, whose paths it joins
   * @param select writes the select list
   */
  static void correlated(
      SqlBuffer b, RefField<?, ?> key, Query<?> rows, List<Expr> more, Runnable select) {
    ModelMeta<?> referenced = key.target();
    String outerKey = b.outerColumnText(Internals.spec(referenced.primaryKey()), referenced);
    List<RefField<?, ?>> keyPath = Internals.path(key);
    Joins outer = b.scope(null);
    Joins joins = Joins.correlated(rows, keyPath, outer, more);
    b.scope(joins);
    b.append("(SELECT ");
    select.run();
    b.append(" FROM ");
    joins.from(b);
    b.append(" WHERE ").column(Internals.spec(key), keyPath).append(" = ").append(outerKey);
    if (!rows.where().isEmpty()) {
      b.append(" AND ");
      conditions(b, rows);
    }
    b.append(")");
    b.scope(outer);
  }

  private static void renderLookup(Lookup<?> lookup, SqlBuffer sql, boolean negated) {
    Op op = lookup.op();
    List<Object> values = lookup.values();
    ColumnSpec spec = Internals.spec(lookup.field());
    List<RefField<?, ?>> path = Internals.path(lookup.field());
    Dialect dialect = sql.dialect();
    if (op == Op.IN && values.isEmpty()) {
      sql.append("1 = 0");
      return;
    }
    // Under a NOT, a comparison with NULL must be false, not unknown, for NOT to keep the row:
    // Django renders exclude(f=x) on a nullable f as NOT (f = x AND f IS NOT NULL).
    boolean twoValued =
        negated && Expr.nullable(spec, path) && op != Op.IS_NULL && op != Op.NOT_NULL;
    if (twoValued) {
      sql.append("(");
    }
    String column = sql.columnText(spec, path);
    switch (op) {
      case EQ -> dialect.value(sql.append(column).append(" = "), spec);
      case GT -> dialect.value(sql.append(column).append(" > "), spec);
      case GTE -> dialect.value(sql.append(column).append(" >= "), spec);
      case LT -> dialect.value(sql.append(column).append(" < "), spec);
      case LTE -> dialect.value(sql.append(column).append(" <= "), spec);
      case BETWEEN -> {
        dialect.value(sql.append(column).append(" BETWEEN "), spec);
        dialect.value(sql.append(" AND "), spec);
      }
      case IS_NULL -> sql.append(column).append(" IS NULL");
      case NOT_NULL -> sql.append(column).append(" IS NOT NULL");
      case IN -> {
        if (dialect.inAsArray()) {
          dialect.value(sql.append(column).append(" = ANY("), spec);
          sql.append(")");
          break;
        }
        sql.append(column).append(" IN (");
        for (int i = 0; i < values.size(); i++) {
          if (i > 0) {
            sql.append(", ");
          }
          dialect.value(sql, spec);
        }
        sql.append(")");
      }
      case IEQ -> dialect.iexact(sql, column);
      case CONTAINS, STARTS_WITH, ENDS_WITH -> dialect.like(sql, column, false);
      case ICONTAINS, ISTARTS_WITH, IENDS_WITH -> dialect.like(sql, column, true);
      case REGEX -> dialect.regex(sql, column, false);
      case IREGEX -> dialect.regex(sql, column, true);
    }
    if (twoValued) {
      sql.append(" AND ").append(column).append(" IS NOT NULL)");
    }
  }
}
