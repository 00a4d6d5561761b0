package dev.asyncmodel;

import dev.asyncmodel.internal.Compiler;
import dev.asyncmodel.internal.Databases;
import dev.asyncmodel.internal.Deadline;
import dev.asyncmodel.internal.Dialect;
import dev.asyncmodel.internal.Executor;
import dev.asyncmodel.internal.Expr;
import dev.asyncmodel.internal.Query;
import dev.asyncmodel.internal.Statement;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A projection: the fields, expressions and aggregates a QuerySet's {@code values(...)} selects,
 * Django's {@code values(...)} and {@code values(...).annotate(...)}. With aggregates among the
 * selections, the rows are grouped by the other selections ({@code GROUP BY}); {@link #having}
 * filters the groups, {@link #orderBy} orders by a selection or an aggregate. Immutable, like a
 * QuerySet: each method returns a new one, and nothing runs until {@link #aall()}.
 *
 * <pre>{@code
 * Aggregate<Transaction, BigDecimal> total = AMOUNT.sum();
 * DateTimeExpression<Transaction, Instant> month = CREATED_AT.truncMonth();
 * Transactions.objects(db)
 *     .filter(USER.eq(ann))
 *     .values(month, total)                       // GROUP BY the month, in UTC
 *     .having(total.gt(BigDecimal.ZERO))
 *     .orderBy(month.asc())
 *     .aall(row -> new MonthTotal(row.get(month), row.get(total)));
 * }</pre>
 *
 * @param <T> the model
 */
public final class ValuesQuerySet<T extends Record> {
  private final Database db;
  private final Query<T> query;
  private final ValuesRow.Projected projected;
  private final List<Condition<T>> having;
  private final boolean distinct;
  private final boolean overSlice;
  private final @Nullable Duration timeout;

  ValuesQuerySet(
      Database db,
      Query<T> query,
      List<? extends Selection<T, ?>> selections,
      @Nullable Duration timeout) {
    List<Expr> exprs = new ArrayList<>(selections.size());
    for (Selection<T, ?> selection : selections) {
      Expr expr = Exprs.of(selection);
      if (expr.type().type() == dev.asyncmodel.spi.ColumnType.ENUM) {
        throw new IllegalArgumentException(
            "values("
                + selection
                + "): a projection cannot read an enum field yet; select records");
      }
      exprs.add(expr);
    }
    this.db = db;
    this.query = query;
    this.projected = new ValuesRow.Projected(List.copyOf(exprs));
    this.having = List.of();
    this.distinct = false;
    this.overSlice = false;
    this.timeout = timeout;
  }

  private ValuesQuerySet(
      ValuesQuerySet<T> from,
      Query<T> query,
      List<Condition<T>> having,
      boolean distinct,
      boolean overSlice,
      @Nullable Duration timeout) {
    this.db = from.db;
    this.query = query;
    this.projected = from.projected;
    this.having = having;
    this.distinct = distinct;
    this.overSlice = overSlice;
    this.timeout = timeout;
  }

  private ValuesQuerySet<T> with(Query<T> newQuery) {
    return new ValuesQuerySet<>(this, newQuery, having, distinct, overSlice, timeout);
  }

  /** For {@code aaggregate} of a sliced QuerySet: the aggregates read the slice's rows. */
  ValuesQuerySet<T> aggregateOverSlice(boolean over) {
    return new ValuesQuerySet<>(this, query, having, distinct, over, timeout);
  }

  /**
   * Rows matching every condition, before grouping ({@code WHERE}): Django's {@code filter()} on
   * fields.
   *
   * @param conditions conditions on rows, ANDed
   * @return a new projection
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // and() only reads the array
  public final ValuesQuerySet<T> filter(Condition<T>... conditions) {
    return with(query.and(conditions));
  }

  /**
   * Rows not matching all the conditions together, before grouping: Django's {@code exclude()}.
   *
   * @param conditions conditions on rows, ANDed, then negated
   * @return a new projection
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // excluding() only reads the array
  public final ValuesQuerySet<T> exclude(Condition<T>... conditions) {
    return with(QuerySet.excluding(query, conditions));
  }

  /**
   * Groups matching every condition ({@code HAVING}): Django's {@code filter()} on an annotation,
   * {@code .annotate(total=Sum("amount")).filter(total__gt=100)}.
   *
   * @param conditions conditions on aggregates, ANDed
   * @return a new projection
   */
  @SafeVarargs
  public final ValuesQuerySet<T> having(Having<T>... conditions) {
    List<Condition<T>> all = new ArrayList<>(having);
    for (Having<T> condition : conditions) {
      all.add(Objects.requireNonNull(condition, "condition").condition());
    }
    return new ValuesQuerySet<>(this, query, List.copyOf(all), distinct, overSlice, timeout);
  }

  /**
   * Orders the rows or groups, replacing the QuerySet's ordering: by a field, an expression or an
   * aggregate. A grouped projection orders by what it selects or by aggregates.
   *
   * @param orderings the terms
   * @return a new projection
   */
  @SafeVarargs
  public final ValuesQuerySet<T> orderBy(Ordering<T>... orderings) {
    List<Ordering<T>> order = new ArrayList<>(orderings.length);
    for (Ordering<T> ordering : orderings) {
      order.add(Objects.requireNonNull(ordering, "ordering"));
    }
    return with(query.withOrder(List.copyOf(order)));
  }

  /**
   * @param n the most rows (or groups) returned
   * @return a new projection
   */
  public ValuesQuerySet<T> limit(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("limit must be >= 0, not " + n);
    }
    return with(query.withSlice(n, query.offset()));
  }

  /**
   * @param n the rows (or groups) skipped
   * @return a new projection
   */
  public ValuesQuerySet<T> offset(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("offset must be >= 0, not " + n);
    }
    return with(query.withSlice(query.limit(), n));
  }

  /**
   * Each distinct row once: Django's {@code distinct()} on a projection, {@code SELECT DISTINCT}.
   *
   * @return a new projection
   */
  public ValuesQuerySet<T> distinct() {
    return new ValuesQuerySet<>(this, query, having, true, overSlice, timeout);
  }

  /**
   * A deadline for the statement, as {@link QuerySet#timeout}.
   *
   * @param limit how long the statement may take
   * @return a new projection
   */
  public ValuesQuerySet<T> timeout(Duration limit) {
    return new ValuesQuerySet<>(
        this, query, having, distinct, overSlice, QuerySet.checkTimeout(limit));
  }

  /**
   * Runs the projection.
   *
   * @return a Future of the rows, in order
   */
  public Future<List<ValuesRow<T>>> aall() {
    return aall(Function.<ValuesRow<T>>identity());
  }

  /**
   * Runs the projection and maps each row, for instance into a record of your own: no generated
   * code involved.
   *
   * <pre>{@code
   * record CategoryTotal(String category, BigDecimal total) {}
   * Future<List<CategoryTotal>> totals =
   *     qs.values(CATEGORY, total).aall(row -> new CategoryTotal(row.get(CATEGORY), row.get(total)));
   * }</pre>
   *
   * @param mapper makes a result of a row
   * @param <R> the result
   * @return a Future of the results, in order
   */
  public <R> Future<List<R>> aall(Function<? super ValuesRow<T>, ? extends R> mapper) {
    if (mapper == null) {
      return Future.failedFuture(new NullPointerException("mapper"));
    }
    ValuesRow.Projected shape = projected;
    return run(
        target ->
            Executor.<T, R>values(
                target,
                query,
                shape.exprs(),
                having,
                distinct,
                overSlice,
                values -> mapper.apply(new ValuesRow<>(shape, values))));
  }

  /**
   * The statement {@link #aall()} runs on this projection's database, without running it: its text
   * and the values it binds.
   *
   * <pre>{@code
   * System.out.println(Transactions.objects(db).values(CATEGORY, AMOUNT.sum()).sql());
   * // SELECT "category", SUM("amount") AS "amount__sum" FROM "transaction" GROUP BY 1
   * }</pre>
   *
   * @return the statement
   */
  public SqlStatement sql() {
    check();
    Statement statement = statement(Executor.dialect(db));
    return new SqlStatement(statement.sql(), statement.params());
  }

  /** The statement on a dialect: for {@link #sql()} and for tests of each dialect's SQL. */
  Statement statement(Dialect dialect) {
    return Compiler.values(dialect, query, projected.exprs(), having, distinct, overSlice);
  }

  private <X> Future<X> run(Function<Database, Future<X>> operation) {
    try {
      check();
      return operation.apply(
          timeout == null ? db : Databases.withDeadline(db, Deadline.after(timeout)));
    } catch (RuntimeException | Error e) {
      return Future.failedFuture(e);
    }
  }

  /** An aggregate in HAVING or in the ordering needs groups: an aggregate among the selections. */
  private void check() {
    boolean grouped = false;
    for (Expr expr : projected.exprs()) {
      grouped |= expr.hasAggregate();
    }
    if (grouped) {
      return;
    }
    if (!having.isEmpty()) {
      throw new IllegalStateException(
          "having() needs an aggregate among the values(...) selected, to group by the others");
    }
    for (Ordering<T> ordering : query.order()) {
      if (ordering.expr().hasAggregate()) {
        throw new IllegalStateException(
            "orderBy("
                + ordering
                + ") needs an aggregate among the values(...) selected, to group by the others");
      }
    }
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("ValuesQuerySet[").append(query);
    text.append(", values ").append(projected.names());
    if (!having.isEmpty()) {
      text.append(", having ").append(having);
    }
    if (distinct) {
      text.append(", distinct");
    }
    return text.append(']').toString();
  }
}
