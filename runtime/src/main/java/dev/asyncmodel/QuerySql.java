package dev.asyncmodel;

import dev.asyncmodel.internal.Deletion;
import dev.asyncmodel.internal.Dialect;
import dev.asyncmodel.internal.Executor;
import dev.asyncmodel.internal.Query;
import dev.asyncmodel.internal.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The statements a QuerySet's terminal methods would run, rendered for its database without running
 * them: Django's {@code print(qs.query)}, for every terminal method. Each is the statement the
 * method itself renders (from the same cache), and each fails as the method would on bad input
 * ({@link IllegalStateException} for {@code last()} of a slice, {@link ValidationException} for a
 * value that does not fit).
 *
 * <pre>{@code
 * TransactionQuerySet page = mine.orderBy(CREATED_AT.desc()).limit(50);
 * System.out.println(page.sql());          // what aall() runs
 * System.out.println(page.sql().count());  // what acount() runs
 * }</pre>
 *
 * @param <T> the model
 */
public final class QuerySql<T extends Record> {
  private final Database db;
  private final Dialect dialect;
  private final Query<T> query;

  QuerySql(Database db, Query<T> query) {
    this.db = db;
    this.dialect = Executor.dialect(db);
    this.query = query;
  }

  private static SqlStatement of(Statement statement) {
    return new SqlStatement(statement.sql(), statement.params());
  }

  /**
   * @return what {@code aall()} runs
   */
  public SqlStatement all() {
    return of(Executor.allStatement(dialect, query));
  }

  /**
   * @return what {@code afirst()} runs: ordered by the primary key when the QuerySet has no order
   */
  public SqlStatement first() {
    return of(Executor.firstStatement(dialect, query, false));
  }

  /**
   * @return what {@code alast()} runs: the ordering reversed
   */
  public SqlStatement last() {
    return of(Executor.firstStatement(dialect, query, true));
  }

  /**
   * @param conditions the conditions {@code aget} would be given
   * @return what {@code aget(conditions)} runs
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // and() only reads the array
  public final SqlStatement get(Condition<T>... conditions) {
    return of(Executor.getStatement(dialect, query.and(conditions), false));
  }

  /**
   * @return what {@code acount()} runs
   */
  public SqlStatement count() {
    return of(dev.asyncmodel.internal.Compiler.count(dialect, query));
  }

  /**
   * @return what {@code aexists()} runs
   */
  public SqlStatement exists() {
    return of(dev.asyncmodel.internal.Compiler.exists(dialect, query));
  }

  /**
   * @param field the field {@code alatest} would be given
   * @param more the fields that break ties
   * @return what {@code alatest(field, more...)} runs
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // read at once, never kept
  public final SqlStatement latest(Field<T> field, Field<T>... more) {
    return of(Executor.earliestStatement(dialect, query, QuerySet.listOf(field, more), true));
  }

  /**
   * @param field the field {@code aearliest} would be given
   * @param more the fields that break ties
   * @return what {@code aearliest(field, more...)} runs
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // read at once, never kept
  public final SqlStatement earliest(Field<T> field, Field<T>... more) {
    return of(Executor.earliestStatement(dialect, query, QuerySet.listOf(field, more), false));
  }

  /**
   * @param record a record with its primary key
   * @return what {@code acontains(record)} runs
   */
  public SqlStatement contains(T record) {
    return of(Executor.containsStatement(dialect, query, record));
  }

  /**
   * @param ids the primary keys {@code ainBulk} would be given
   * @return what {@code ainBulk(ids)} runs, in order: one statement, or on MySQL and SQLite one per
   *     part of a list too long for one; none for no id
   */
  public List<SqlStatement> inBulk(Collection<Long> ids) {
    List<SqlStatement> statements = new ArrayList<>();
    for (Statement statement : Executor.inBulkStatements(dialect, query, ids)) {
      statements.add(of(statement));
    }
    return List.copyOf(statements);
  }

  /**
   * @return what {@code aexplain()} runs: {@code EXPLAIN} (on SQLite {@code EXPLAIN QUERY PLAN}) of
   *     what {@code aall()} runs
   */
  public SqlStatement explain() {
    return of(Executor.explainStatement(dialect, query));
  }

  /**
   * @param record a record to insert
   * @return what {@code acreate(record)} runs; a null {@code @AutoNowAdd} binds the current time
   */
  public SqlStatement create(T record) {
    return of(Executor.createStatement(dialect, query.model(), record));
  }

  /**
   * @param assignments the assignments {@code aupdate} would be given
   * @return what {@code aupdate(assignments)} runs
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // read at once, never kept
  public final SqlStatement update(Assignment<T>... assignments) {
    return of(Executor.updateStatement(dialect, query, Arrays.asList(assignments)));
  }

  /**
   * @return what {@code adelete()} runs, in order: checks of {@code PROTECT}ed references, {@code
   *     SET_NULL} updates, then the deletes, the referencing rows first; one DELETE when nothing
   *     references the model
   */
  public List<SqlStatement> delete() {
    Deletion deletion = Executor.deletion(dialect, query);
    List<SqlStatement> statements = new ArrayList<>(deletion.steps().size());
    for (Deletion.Step step : deletion.steps()) {
      statements.add(new SqlStatement(step.sql(), deletion.params()));
    }
    return List.copyOf(statements);
  }

  /**
   * @param first an aggregate
   * @param more more
   * @return what {@code aaggregate(first, more...)} runs
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // copied at once, never kept
  public final SqlStatement aggregate(Aggregate<T, ?> first, Aggregate<T, ?>... more) {
    ValuesQuerySet<T> values = QuerySet.aggregating(db, query, QuerySet.listOf(first, more), null);
    return values.sql();
  }

  /**
   * @return what {@code aall()} runs, with the types it binds
   */
  @Override
  public String toString() {
    return all().toString();
  }
}
