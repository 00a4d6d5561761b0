package dev.asyncmodel;

import dev.asyncmodel.internal.Compiler;
import dev.asyncmodel.internal.Dialect;
import dev.asyncmodel.internal.Query;
import dev.asyncmodel.internal.Statement;
import dev.asyncmodel.internal.postgresql.PostgresDialect;
import java.util.Arrays;
import java.util.List;

/**
 * Renders what a QuerySet's terminal methods would run, through the same {@link Compiler} calls,
 * for the PostgreSQL dialect.
 */
final class Rendered {
  static final Dialect PG = PostgresDialect.INSTANCE;

  private Rendered() {}

  /** The statement {@code aall()} runs. */
  static <T extends Record> Statement select(QuerySet<T, ?> qs) {
    Query<T> q = query(qs);
    return Compiler.select(PG, q, q.order(), q.limit(), q.offset(), false);
  }

  /** The statement {@code acount()} runs. */
  static <T extends Record> Statement count(QuerySet<T, ?> qs) {
    return Compiler.count(PG, query(qs));
  }

  /** The statement {@code aexists()} runs. */
  static <T extends Record> Statement exists(QuerySet<T, ?> qs) {
    return Compiler.exists(PG, query(qs));
  }

  /** The statement {@code aupdate(assignments)} runs. */
  static <T extends Record> Statement update(QuerySet<T, ?> qs, List<Assignment<T>> assignments) {
    return Compiler.update(PG, query(qs), assignments);
  }

  /** The query a QuerySet hands to the engine. */
  static <T extends Record> Query<T> query(QuerySet<T, ?> qs) {
    return qs.state().query;
  }

  /** A parameter list that may hold nulls, for {@code assertEquals} against bound values. */
  static List<Object> params(Object... values) {
    return Arrays.asList(values);
  }
}
