package dev.asyncmodel;

import dev.asyncmodel.internal.ColumnValues;
import dev.asyncmodel.internal.Compiler;
import dev.asyncmodel.internal.Dialect;
import dev.asyncmodel.internal.Internals;
import dev.asyncmodel.internal.Query;
import dev.asyncmodel.internal.Statement;
import dev.asyncmodel.internal.mysql.MysqlDialect;
import dev.asyncmodel.internal.postgresql.PostgresDialect;
import dev.asyncmodel.internal.sqlite.SqliteDialect;
import dev.asyncmodel.spi.ModelMeta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Renders what a QuerySet's terminal methods would run, through the same {@link Compiler} calls,
 * for one dialect: PostgreSQL unless a {@link Db} is given.
 */
final class Rendered {
  static final Dialect PG = PostgresDialect.INSTANCE;

  /** The three dialects: the parameter of a test that runs on each, through an enum source. */
  enum Db {
    POSTGRESQL(PostgresDialect.INSTANCE),
    MYSQL(MysqlDialect.INSTANCE),
    SQLITE(SqliteDialect.INSTANCE);

    final Dialect dialect;

    Db(Dialect dialect) {
      this.dialect = dialect;
    }

    /**
     * This dialect's expectation, of three given in a fixed order.
     *
     * @param postgresql what PostgreSQL renders or binds
     * @param mysql what MySQL and MariaDB render or bind
     * @param sqlite what SQLite renders or binds
     */
    <V> V pick(V postgresql, V mysql, V sqlite) {
      return switch (this) {
        case POSTGRESQL -> postgresql;
        case MYSQL -> mysql;
        case SQLITE -> sqlite;
      };
    }
  }

  /** A bound array (an {@code in} on PostgreSQL): its element type and its elements. */
  record Array(Class<?> type, List<Object> values) {}

  private Rendered() {}

  /** The statement {@code aall()} runs on PostgreSQL. */
  static <T extends Record> Statement select(QuerySet<T, ?> qs) {
    return select(Db.POSTGRESQL, qs);
  }

  /** The statement {@code aall()} runs. */
  static <T extends Record> Statement select(Db db, QuerySet<T, ?> qs) {
    Query<T> q = query(qs);
    return Compiler.select(db.dialect, q, q.order(), q.limit(), q.offset(), q.lock());
  }

  /** The statement {@code acount()} runs on PostgreSQL. */
  static <T extends Record> Statement count(QuerySet<T, ?> qs) {
    return count(Db.POSTGRESQL, qs);
  }

  /** The statement {@code acount()} runs. */
  static <T extends Record> Statement count(Db db, QuerySet<T, ?> qs) {
    return Compiler.count(db.dialect, query(qs));
  }

  /** The statement {@code aexists()} runs on PostgreSQL. */
  static <T extends Record> Statement exists(QuerySet<T, ?> qs) {
    return exists(Db.POSTGRESQL, qs);
  }

  /** The statement {@code aexists()} runs. */
  static <T extends Record> Statement exists(Db db, QuerySet<T, ?> qs) {
    return Compiler.exists(db.dialect, query(qs));
  }

  /** The statement {@code aupdate(assignments)} runs on PostgreSQL. */
  static <T extends Record> Statement update(QuerySet<T, ?> qs, List<Assignment<T>> assignments) {
    return update(Db.POSTGRESQL, qs, assignments);
  }

  /** The statement {@code aupdate(assignments)} runs. */
  static <T extends Record> Statement update(
      Db db, QuerySet<T, ?> qs, List<Assignment<T>> assignments) {
    return Compiler.update(db.dialect, query(qs), assignments);
  }

  /**
   * The statement {@code acreate(record)} runs for a record that passed validation and has every
   * {@code @AutoNowAdd} value set.
   */
  static <T extends Record> Statement insert(Db db, T record) {
    ModelMeta<T> model = ModelMeta.of(record);
    Object[] values = model.values(record);
    for (Field<T> field : model.fields()) {
      int i = Internals.spec(field).index();
      values[i] = ColumnValues.exact(Internals.spec(field), values[i]);
    }
    return Compiler.insert(db.dialect, model, values);
  }

  /** The query a QuerySet hands to the engine. */
  static <T extends Record> Query<T> query(QuerySet<T, ?> qs) {
    return qs.state().query;
  }

  /** A parameter list that may hold nulls, for {@code assertEquals} against {@link #bound}. */
  static List<Object> params(Object... values) {
    return Arrays.asList(values);
  }

  /** An expected bound array, for {@link #params}. */
  static Array array(Class<?> type, Object... values) {
    return new Array(type, List.of(values));
  }

  /** A statement's bound values, each array as an {@link Array}, so that lists compare them. */
  static List<Object> bound(Statement statement) {
    List<Object> values = new ArrayList<>(statement.params().size());
    for (Object value : statement.params()) {
      values.add(
          value instanceof Object[] array
              ? new Array(array.getClass().getComponentType(), List.of(array))
              : value);
    }
    return values;
  }
}
