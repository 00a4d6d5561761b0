package dev.asyncmodel;

import dev.asyncmodel.QuerySet.State;
import dev.asyncmodel.internal.Dialect;
import dev.asyncmodel.internal.PostgresDialect;
import dev.asyncmodel.internal.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * Renders what a QuerySet's terminal methods would run, through the same package-private {@link
 * Sql} calls, for the PostgreSQL dialect.
 */
final class Rendered {
  static final Dialect PG = PostgresDialect.INSTANCE;

  private Rendered() {}

  /** The statement {@code aall()} runs. */
  static <T extends Record> Statement select(QuerySet<T, ?> qs) {
    State<T> s = qs.state();
    return Sql.select(PG, s, s.order, s.limit, s.offset, false);
  }

  /** The statement {@code acount()} runs. */
  static <T extends Record> Statement count(QuerySet<T, ?> qs) {
    return Sql.count(PG, qs.state());
  }

  /** The statement {@code aexists()} runs. */
  static <T extends Record> Statement exists(QuerySet<T, ?> qs) {
    return Sql.exists(PG, qs.state());
  }

  /** The statement {@code aupdate(assignments)} runs. */
  static <T extends Record> Statement update(QuerySet<T, ?> qs, List<Assignment<T>> assignments) {
    return Sql.update(PG, qs.state(), assignments);
  }

  /** A parameter list that may hold nulls, for {@code assertEquals} against bound values. */
  static List<Object> params(Object... values) {
    return Arrays.asList(values);
  }
}
