package dev.asyncmodel.internal;

import dev.asyncmodel.Assignment;
import dev.asyncmodel.BulkCreate;
import dev.asyncmodel.Comparison;
import dev.asyncmodel.Condition;
import dev.asyncmodel.Created;
import dev.asyncmodel.Database;
import dev.asyncmodel.DeleteResult;
import dev.asyncmodel.DoesNotExistException;
import dev.asyncmodel.Exists;
import dev.asyncmodel.Field;
import dev.asyncmodel.FieldError;
import dev.asyncmodel.InSubquery;
import dev.asyncmodel.IntegrityException;
import dev.asyncmodel.Lookup;
import dev.asyncmodel.MultipleObjectsReturnedException;
import dev.asyncmodel.Ordering;
import dev.asyncmodel.Prefetched;
import dev.asyncmodel.RecordStream;
import dev.asyncmodel.Ref;
import dev.asyncmodel.RefField;
import dev.asyncmodel.RowLock;
import dev.asyncmodel.ValidationException;
import dev.asyncmodel.spi.ColumnSpec;
import dev.asyncmodel.spi.ModelMeta;
import dev.asyncmodel.spi.RowReader;
import dev.asyncmodel.spi.Validation;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The terminal methods of a QuerySet, on its database's {@link Session}: each checks its input,
 * then compiles its statements with the {@link Compiler} and runs them, with Django's semantics
 * (what {@code get} counts, how {@code get_or_create} survives a concurrent insert, what {@code
 * update_or_create} writes). {@code QuerySet} checks its arguments and hands its {@link Query}
 * here.
 *
 * <p>The methods may throw on bad input, before any I/O and before they look for the session; the
 * caller turns that into a failed Future.
 */
public final class Executor {
  private Executor() {}

  /** Django's {@code MAX_GET_RESULTS}: how many rows {@code get} reads to report a count. */
  private static final int MAX_GET_RESULTS = 21;

  /**
   * @param db where it runs
   * @param q the query
   * @param <T> the model
   * @return its rows, in order
   */
  public static <T extends Record> Future<List<T>> all(Database db, Query<T> q) {
    Session session = locking(db, q);
    return session.select(allStatement(session.dialect(), q), RelatedRows.reader(q));
  }

  /**
   * Django's {@code values(...)}, {@code values(...).annotate(...)} and {@code aggregate(...)}: the
   * rows of a projection, each read into an array in the order selected and mapped.
   *
   * @param db where it runs
   * @param q the query
   * @param select the selections
   * @param having the conditions on groups
   * @param distinct whether {@code SELECT DISTINCT}
   * @param overSlice whether aggregates read the query's slice as a subquery
   * @param mapper makes a result of each row's values
   * @param <T> the model
   * @param <R> the result of a row
   * @return the results, in order
   */
  public static <T extends Record, R> Future<List<R>> values(
      Database db,
      Query<T> q,
      List<Expr> select,
      List<Condition<T>> having,
      boolean distinct,
      boolean overSlice,
      Function<@Nullable Object[], R> mapper) {
    Session session = Databases.session(db);
    Statement statement =
        Compiler.values(session.dialect(), q, select, having, distinct, overSlice);
    int size = select.size();
    ColumnSpec[] types = new ColumnSpec[size];
    for (int i = 0; i < size; i++) {
      types[i] = select.get(i).type();
    }
    return session.select(
        statement,
        row -> {
          @Nullable Object[] values = new Object[size];
          for (int i = 0; i < size; i++) {
            values[i] = ValueReads.read(row, i, types[i]);
          }
          return mapper.apply(values);
        });
  }

  /**
   * Django's {@code aiterator}: the query's rows through a cursor, a chunk at a time.
   *
   * @param db where it runs
   * @param q the query
   * @param chunkSize the most rows read at once
   * @param <T> the model
   * @return the stream; nothing runs until it is consumed
   */
  public static <T extends Record> RecordStream<T> stream(Database db, Query<T> q, int chunkSize) {
    Session session = locking(db, q);
    return new ChunkedStream<>(
        session.stream(allStatement(session.dialect(), q), RelatedRows.reader(q), chunkSize));
  }

  /**
   * Django's {@code get}: exactly one row.
   *
   * @param db where it runs
   * @param q the query, its conditions included
   * @param <T> the model
   * @return the row; failed with {@link DoesNotExistException} or {@link
   *     MultipleObjectsReturnedException}
   */
  public static <T extends Record> Future<T> get(Database db, Query<T> q) {
    return get(locking(db, q), q, false);
  }

  /**
   * {@code get} that completes with an empty Optional where Django's raises {@code DoesNotExist}.
   *
   * @param db where it runs
   * @param q the query, its conditions included
   * @param <T> the model
   * @return the row, or empty; failed with {@link MultipleObjectsReturnedException}
   */
  public static <T extends Record> Future<Optional<T>> getOptional(Database db, Query<T> q) {
    return selectOne(
        locking(db, q),
        q,
        false,
        rows -> rows.isEmpty() ? Optional.<T>empty() : Optional.of(rows.get(0)));
  }

  /**
   * The first row in {@code order}, within the query's slice: {@code first} and {@code last}.
   *
   * @param db where it runs
   * @param q the query
   * @param last whether to reverse the order ({@code last}); the query must not be sliced
   * @param <T> the model
   * @return the row, or empty
   */
  public static <T extends Record> Future<Optional<T>> first(
      Database db, Query<T> q, boolean last) {
    if (last) {
      checkReversible(q);
    }
    Session session = locking(db, q);
    Statement statement = firstStatement(session.dialect(), q, last);
    return session.select(
        statement,
        RelatedRows.reader(q),
        rows -> rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0)));
  }

  /**
   * @param db where it runs
   * @param q the query
   * @param <T> the model
   * @return how many rows it selects, within its slice
   */
  public static <T extends Record> Future<Long> count(Database db, Query<T> q) {
    Session session = Databases.session(db);
    return session.select(
        Compiler.count(session.dialect(), q),
        row -> Objects.requireNonNull(row.getLong(0)),
        rows -> rows.get(0));
  }

  /**
   * @param db where it runs
   * @param q the query
   * @param <T> the model
   * @return whether it selects a row
   */
  public static <T extends Record> Future<Boolean> exists(Database db, Query<T> q) {
    Session session = Databases.session(db);
    return session.select(Compiler.exists(session.dialect(), q), row -> 1, rows -> !rows.isEmpty());
  }

  /**
   * Django's {@code earliest(*fields)} and {@code latest(*fields)}: the first row ordered by the
   * fields, ascending or descending, NULLs last either way.
   *
   * @param db where it runs
   * @param q the query, without a slice
   * @param fields the fields to order by, at least one
   * @param latest whether the greatest values come first ({@code latest})
   * @param <T> the model
   * @return the row; failed with {@link DoesNotExistException} when the query has none
   */
  public static <T extends Record> Future<T> earliest(
      Database db, Query<T> q, List<Field<T>> fields, boolean latest) {
    Query<T> ordered = earliestQuery(q, fields, latest);
    Session session = locking(db, ordered);
    return session.select(
        earliestSelect(session.dialect(), ordered),
        RelatedRows.reader(q),
        rows -> {
          if (rows.isEmpty()) {
            throw new DoesNotExistException(q.model().name());
          }
          return rows.get(0);
        });
  }

  /**
   * Django's {@code contains(obj)}: whether the record's row, by primary key, is among the query's
   * rows; within the slice when the query has one.
   *
   * @param db where it runs
   * @param q the query
   * @param record a record with its primary key
   * @param <T> the model
   * @return whether the row is there
   */
  public static <T extends Record> Future<Boolean> contains(Database db, Query<T> q, T record) {
    long id = savedId(q, record);
    Session session = Databases.session(db);
    return session.select(
        Compiler.contains(session.dialect(), q, id), row -> 1, rows -> !rows.isEmpty());
  }

  /**
   * Django's {@code in_bulk(id_list)}: the query's rows whose primary key is one of {@code ids}, by
   * primary key, in the order of {@code ids}. On a database that binds each value of an {@code in}
   * (MySQL, SQLite), a long list is read in several statements, each within the database's limit on
   * bound values.
   *
   * @param db where it runs
   * @param q the query, without a slice
   * @param ids the primary keys, none null; duplicates are read once
   * @param <T> the model
   * @return the rows found, keyed by primary key, in the order of {@code ids}
   */
  public static <T extends Record> Future<Map<Long, T>> inBulk(
      Database db, Query<T> q, Collection<Long> ids) {
    List<Long> wanted = inBulkIds(q, ids);
    Session session = locking(db, q);
    if (wanted.isEmpty()) {
      // No statement, as in Django; but a closed database fails, as for any other list.
      return nothingToRun(session, Map.of());
    }
    ModelMeta<T> model = q.model();
    Function<RowReader, T> reader = RelatedRows.reader(q);
    Map<Long, T> found = new HashMap<>();
    Future<Void> chain = Future.succeededFuture();
    for (Statement statement : inBulkSelects(session.dialect(), q, wanted)) {
      chain =
          chain.compose(
              ignored ->
                  session.select(
                      statement,
                      reader,
                      rows -> {
                        for (T row : rows) {
                          found.put(model.idOf(row), row);
                        }
                        return null;
                      }));
    }
    return chain.map(
        done -> {
          Map<Long, T> byId = new LinkedHashMap<>();
          for (Long id : wanted) {
            T row = found.get(id);
            if (row != null) {
              byId.put(id, row);
            }
          }
          return Collections.unmodifiableMap(byId);
        });
  }

  /**
   * Django's {@code prefetch_related} of a reverse foreign key: the query's rows that reference
   * each target through {@code key}, in one statement per chunk of targets ({@code key = ANY($n)}
   * on PostgreSQL), grouped by target in the query's order.
   *
   * @param db where it runs
   * @param q the referencing rows' query, without a slice
   * @param key the foreign key of the query's model
   * @param targets the referenced records, each saved
   * @param <T> the referencing model
   * @param <M> the referenced model
   * @return the rows of each target
   */
  public static <T extends Record, M extends Record> Future<Prefetched<M, T>> prefetch(
      Database db, Query<T> q, RefField<T, M> key, Collection<? extends M> targets) {
    List<Long> ids = prefetchIds(q, key, targets);
    Session session = locking(db, q);
    Map<Long, List<T>> sets = new LinkedHashMap<>();
    for (Long id : ids) {
      sets.put(id, new ArrayList<>());
    }
    if (ids.isEmpty()) {
      return nothingToRun(session, Internals.api().prefetched(Map.of()));
    }
    int keyIndex = Internals.spec(key).index();
    Function<RowReader, T> reader = RelatedRows.reader(q);
    // Each row goes to its set as it is read: the key is the row's own column.
    Function<RowReader, T> grouping =
        row -> {
          Long id = Objects.requireNonNull(row.getLong(keyIndex));
          T record = reader.apply(row);
          sets.get(id).add(record);
          return record;
        };
    Future<Void> chain = Future.succeededFuture();
    for (Statement statement : prefetchStatements(session.dialect(), q, key, ids)) {
      chain = chain.compose(ignored -> session.select(statement, grouping, rows -> null));
    }
    return chain.map(
        done -> {
          sets.replaceAll((id, rows) -> Collections.unmodifiableList(rows));
          return Internals.api().prefetched(Collections.unmodifiableMap(sets));
        });
  }

  /**
   * @param dialect the dialect
   * @param q the referencing rows' query
   * @param key the foreign key
   * @param targets the referenced records
   * @param <T> the referencing model
   * @param <M> the referenced model
   * @return what {@code aprefetch} runs, in order; none for no target
   */
  public static <T extends Record, M extends Record> List<Statement> prefetchStatements(
      Dialect dialect, Query<T> q, RefField<T, M> key, Collection<? extends M> targets) {
    List<Long> ids = prefetchIds(q, key, targets);
    return ids.isEmpty() ? List.of() : prefetchStatements(dialect, q, key, ids);
  }

  private static <T extends Record> List<Statement> prefetchStatements(
      Dialect dialect, Query<T> q, RefField<T, ?> key, List<Long> ids) {
    List<Ref<?>> refs = new ArrayList<>(ids.size());
    for (Long id : ids) {
      refs.add(Ref.ofId(id));
    }
    return selectsIn(dialect, q, key, refs, q.order());
  }

  /** The targets' ids, each once, in their order; the query and key checked. */
  private static <T extends Record, M extends Record> List<Long> prefetchIds(
      Query<T> q, RefField<T, M> key, Collection<? extends M> targets) {
    Objects.requireNonNull(targets, "targets");
    ownColumn(Objects.requireNonNull(key, "key"), "aprefetch");
    if (q.sliced()) {
      throw new IllegalStateException(
          "Cannot prefetch with limit or offset: a slice would cut across the sets; filter instead");
    }
    ModelMeta<M> target = key.target();
    Set<Long> ids = new LinkedHashSet<>();
    for (M record : targets) {
      ids.add(target.idOf(Objects.requireNonNull(record, "aprefetch got a null target")));
    }
    return new ArrayList<>(ids);
  }

  /**
   * Django's {@code explain()}: how the database would run the query {@code aall()} runs, as text.
   * Each row of the database's answer is a line, its columns separated by a space (a NULL written
   * {@code NULL}, the spaces at the end of the line left out).
   *
   * @param db where it runs
   * @param q the query
   * @param <T> the model
   * @return the plan
   */
  public static <T extends Record> Future<String> explain(Database db, Query<T> q) {
    Session session = locking(db, q);
    return session.selectByName(
        Compiler.explain(session.dialect(), q),
        Executor::planLine,
        lines -> String.join("\n", lines));
  }

  /** A row of an EXPLAIN as one line of text: its columns, separated by a space. */
  private static Function<RowReader, String> planLine(List<String> columns) {
    int count = columns.size();
    return row -> {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < count; i++) {
        String value = row.getString(i);
        line.append(i == 0 ? "" : " ").append(value == null ? "NULL" : value);
      }
      return line.toString().stripTrailing();
    };
  }

  /**
   * Django's {@code create}: validates, fills a null {@code @AutoNowAdd}, inserts.
   *
   * @param db where it runs
   * @param model the model
   * @param record the record
   * @param <T> the model
   * @return the record as stored, with its id
   */
  public static <T extends Record> Future<T> create(Database db, ModelMeta<T> model, T record) {
    return create(Databases.session(db), model, record);
  }

  private static <T extends Record> Future<T> create(
      Session session, ModelMeta<T> model, T record) {
    @Nullable Object[] values = insertValues(model, record);
    int pk = Internals.spec(model.primaryKey()).index();
    return session.insert(
        Compiler.insert(session.dialect(), model, values),
        id -> {
          values[pk] = ColumnValues.id(Internals.spec(model.primaryKey()), id);
          return model.create(values);
        });
  }

  /**
   * Django's {@code update}: one UPDATE of the query's rows.
   *
   * @param db where it runs
   * @param q the query, without a slice
   * @param assignments the new values, at least one
   * @param <T> the model
   * @return the number of rows matched
   */
  public static <T extends Record> Future<Long> update(
      Database db, Query<T> q, List<Assignment<T>> assignments) {
    List<Assignment<T>> checked = checkedAssignments(q, assignments);
    Session session = Databases.session(db);
    return session.update(Compiler.update(session.dialect(), q, checked));
  }

  /**
   * The statements the terminal methods run, for {@code QuerySet.sql()}: each is the one its
   * terminal method renders, checks included, so what is shown is what runs.
   *
   * @param db a database
   * @return its dialect
   */
  public static Dialect dialect(Database db) {
    return Databases.session(db).dialect();
  }

  /**
   * @param dialect the dialect
   * @param q the query
   * @param <T> the model
   * @return what {@code aall()} runs
   */
  public static <T extends Record> Statement allStatement(Dialect dialect, Query<T> q) {
    return Compiler.select(dialect, q, q.order(), q.limit(), q.offset(), q.lock());
  }

  /**
   * @param dialect the dialect
   * @param q the query
   * @param last {@code alast()} rather than {@code afirst()}
   * @param <T> the model
   * @return what {@code afirst()} or {@code alast()} runs
   */
  public static <T extends Record> Statement firstStatement(
      Dialect dialect, Query<T> q, boolean last) {
    // Without an ordering, by primary key: ascending, or descending after a reverse().
    List<Ordering<T>> given =
        q.order().isEmpty()
            ? List.of(q.reversed() ? q.model().primaryKey().desc() : q.model().primaryKey().asc())
            : q.order();
    List<Ordering<T>> order;
    if (!last) {
      order = given;
    } else {
      checkReversible(q);
      order = new ArrayList<>(given.size());
      for (Ordering<T> ordering : given) {
        order.add(ordering.reversed());
      }
    }
    int limit = q.limit() < 0 ? 1 : Math.min(q.limit(), 1);
    return Compiler.select(dialect, q, order, limit, q.offset(), q.lock());
  }

  /**
   * @param dialect the dialect
   * @param q the query, without a slice
   * @param fields the fields {@code alatest} or {@code aearliest} is given
   * @param latest {@code alatest()} rather than {@code aearliest()}
   * @param <T> the model
   * @return what {@code alatest(fields)} or {@code aearliest(fields)} runs
   */
  public static <T extends Record> Statement earliestStatement(
      Dialect dialect, Query<T> q, List<Field<T>> fields, boolean latest) {
    return earliestSelect(dialect, earliestQuery(q, fields, latest));
  }

  /**
   * The query of {@code earliest} or {@code latest}, checked: its ordering replaced by the fields,
   * each ascending ({@code earliest}) or descending ({@code latest}), NULLs last either way so that
   * a row with a value wins over one without on every database. As in Django the ordering runs the
   * other way after an odd number of {@code reverse()}.
   */
  private static <T extends Record> Query<T> earliestQuery(
      Query<T> q, List<Field<T>> fields, boolean latest) {
    if (q.sliced()) {
      throw new IllegalStateException(
          "Cannot change a query once a slice has been taken: "
              + (latest ? "alatest()" : "aearliest()")
              + " after limit/offset");
    }
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("Name at least one field to order by");
    }
    List<Ordering<T>> order = new ArrayList<>(fields.size());
    for (Field<T> field : fields) {
      Objects.requireNonNull(field, "field");
      Ordering<T> ordering = latest ? field.desc() : field.asc();
      // A NOT NULL column needs no NULLS clause, which could keep the database from reading the
      // rows in an index's order.
      // A column across a nullable key is NULL where the key is.
      boolean nullable = Internals.api().expr(ordering).nullable();
      order.add(nullable ? ordering.nullsLast() : ordering);
    }
    return q.withOrder(List.copyOf(order));
  }

  private static <T extends Record> Statement earliestSelect(Dialect dialect, Query<T> ordered) {
    return Compiler.select(dialect, ordered, ordered.order(), 1, 0, ordered.lock());
  }

  /**
   * @param dialect the dialect
   * @param q the query
   * @param record a record with its primary key
   * @param <T> the model
   * @return what {@code acontains(record)} runs
   */
  public static <T extends Record> Statement containsStatement(
      Dialect dialect, Query<T> q, T record) {
    return Compiler.contains(dialect, q, savedId(q, record));
  }

  /** The primary key of a record given to {@code contains}, which must have one. */
  private static <T extends Record> long savedId(Query<T> q, T record) {
    Objects.requireNonNull(record, "record");
    Long id = q.model().idOrNull(record);
    if (id == null) {
      throw new IllegalArgumentException(
          "acontains() cannot be used on unsaved objects: this " + q.model().name() + " has no id");
    }
    return id;
  }

  /**
   * @param dialect the dialect
   * @param q the query, without a slice
   * @param ids the primary keys
   * @param <T> the model
   * @return what {@code ainBulk(ids)} runs, in order; none for no id
   */
  public static <T extends Record> List<Statement> inBulkStatements(
      Dialect dialect, Query<T> q, Collection<Long> ids) {
    List<Long> wanted = inBulkIds(q, ids);
    return wanted.isEmpty() ? List.of() : inBulkSelects(dialect, q, wanted);
  }

  /** The ids given to {@code in_bulk}, checked, each once, in their order. */
  private static <T extends Record> List<Long> inBulkIds(Query<T> q, Collection<Long> ids) {
    Objects.requireNonNull(ids, "ids");
    if (q.sliced()) {
      throw new IllegalStateException(
          "Cannot use limit or offset with ainBulk(): filter by a condition instead");
    }
    Set<Long> distinct = new LinkedHashSet<>();
    for (Long id : ids) {
      distinct.add(Objects.requireNonNull(id, "ainBulk got a null id"));
    }
    return new ArrayList<>(distinct);
  }

  /**
   * The SELECTs of {@code in_bulk}: the query's conditions and {@code pk IN (ids)}, unordered,
   * since the rows are put in the order of the ids. Where each id is a bound value of its own, the
   * ids are split into statements within the database's limit on bound values, and each statement's
   * list is filled up to a power of two with its last id: a few statement shapes serve every length
   * of list, where one per length would fill the SQL cache and, on MySQL, the server's prepared
   * statements.
   */
  private static <T extends Record> List<Statement> inBulkSelects(
      Dialect dialect, Query<T> q, List<Long> ids) {
    Field<T> pk = q.model().primaryKey();
    return selectsIn(dialect, q, pk, ColumnValues.ids(Internals.spec(pk), ids), List.of());
  }

  /**
   * The SELECTs of the query's rows whose {@code field} is one of {@code ids}, in the given order,
   * as {@link #inBulkSelects} splits them.
   */
  private static <T extends Record> List<Statement> selectsIn(
      Dialect dialect, Query<T> q, Field<T> field, List<?> ids, List<Ordering<T>> order) {
    boolean array = dialect.inAsArray();
    int most =
        array
            ? ids.size()
            : Integer.highestOneBit(
                Math.max(1, dialect.maxParams() - Compiler.boundValues(dialect, q)));
    List<int[]> chunks = chunks(0, ids.size(), most);
    List<Statement> statements = new ArrayList<>(chunks.size());
    for (int[] chunk : chunks) {
      List<?> values = ids.subList(chunk[0], chunk[0] + chunk[1]);
      List<Condition<T>> where = new ArrayList<>(q.where().size() + 1);
      where.addAll(q.where());
      where.add(Internals.api().in(field, array ? values : padded(values)));
      Query<T> byIds = q.withWhere(List.copyOf(where));
      statements.add(Compiler.select(dialect, byIds, order, -1, 0, q.lock()));
    }
    return statements;
  }

  /** The ids, the last repeated up to the next power of two. */
  private static List<Object> padded(List<?> ids) {
    int size = ids.size();
    int target = Integer.bitCount(size) == 1 ? size : Integer.highestOneBit(size) << 1;
    List<Object> values = new ArrayList<>(target);
    values.addAll(ids);
    Object last = ids.get(size - 1);
    while (values.size() < target) {
      values.add(last);
    }
    return values;
  }

  /**
   * @param dialect the dialect
   * @param q the query
   * @param <T> the model
   * @return what {@code aexplain()} runs
   */
  public static <T extends Record> Statement explainStatement(Dialect dialect, Query<T> q) {
    return Compiler.explain(dialect, q);
  }

  /**
   * @param dialect the dialect
   * @param q the query, its conditions included
   * @param forUpdate whether the rows are locked
   * @param <T> the model
   * @return what {@code aget()} runs: at most 21 rows, to say how many there were
   */
  public static <T extends Record> Statement getStatement(
      Dialect dialect, Query<T> q, boolean forUpdate) {
    int limit = q.limit() < 0 ? MAX_GET_RESULTS : Math.min(q.limit(), MAX_GET_RESULTS);
    // Django drops the ordering of an unsliced get(): the database need not sort.
    List<Ordering<T>> order = q.sliced() ? q.order() : List.of();
    return Compiler.select(
        dialect, q, order, limit, q.offset(), forUpdate ? RowLock.WAIT : q.lock());
  }

  /**
   * @param dialect the dialect
   * @param model the model
   * @param record the record, validated here
   * @param <T> the model
   * @return what {@code acreate(record)} runs; a null {@code @AutoNowAdd} is bound to now
   */
  public static <T extends Record> Statement createStatement(
      Dialect dialect, ModelMeta<T> model, T record) {
    return Compiler.insert(dialect, model, insertValues(model, record));
  }

  /** The record's values as an insert binds them: validated, times filled, exact. */
  private static <T extends Record> @Nullable Object[] insertValues(ModelMeta<T> model, T record) {
    List<FieldError> errors = model.validate(record);
    if (!errors.isEmpty()) {
      throw new ValidationException(model.name(), errors);
    }
    return filledValues(model, record);
  }

  /** The values of a record already validated, as an insert binds them: times filled, exact. */
  private static <T extends Record> @Nullable Object[] filledValues(ModelMeta<T> model, T record) {
    @Nullable Object[] values = model.values(record);
    for (Field<T> field : model.fields()) {
      ColumnSpec spec = Internals.spec(field);
      int i = spec.index();
      if (spec.autoNowAdd() && values[i] == null) {
        values[i] = ColumnValues.now(spec);
      }
      values[i] = ColumnValues.exact(spec, values[i]);
    }
    return values;
  }

  /**
   * @param dialect the dialect
   * @param q the query, without a slice
   * @param assignments the new values, validated here
   * @param <T> the model
   * @return what {@code aupdate(assignments)} runs
   */
  public static <T extends Record> Statement updateStatement(
      Dialect dialect, Query<T> q, List<Assignment<T>> assignments) {
    return Compiler.update(dialect, q, checkedAssignments(q, assignments));
  }

  /**
   * The result of a call with nothing to send (an empty list), or the failure every terminal method
   * gives on a closed database or an ended atomic block, as if a statement had been sent.
   */
  private static <X> Future<X> nothingToRun(Session session, X result) {
    IllegalStateException unusable = session.unusable();
    return unusable != null ? Future.failedFuture(unusable) : Future.succeededFuture(result);
  }

  private static <T extends Record> void checkReversible(Query<T> q) {
    if (q.sliced()) {
      throw new IllegalStateException(
          "Cannot reverse a query once a slice has been taken: alast() after limit/offset");
    }
  }

  private static <T extends Record> void checkDeletable(Query<T> q) {
    if (q.sliced()) {
      throw new IllegalStateException(
          "Cannot use limit or offset with adelete(): delete by a filter instead");
    }
  }

  /** The assignments, checked: at least one, no slice, every value valid for its column. */
  private static <T extends Record> List<Assignment<T>> checkedAssignments(
      Query<T> q, List<Assignment<T>> assignments) {
    if (assignments.isEmpty()) {
      throw new IllegalArgumentException("aupdate needs at least one assignment");
    }
    if (q.sliced()) {
      throw new IllegalStateException(
          "Cannot update a query once a slice has been taken: aupdate() after limit/offset");
    }
    List<Assignment<T>> list = new ArrayList<>(assignments.size());
    List<FieldError> errors = new ArrayList<>(0);
    for (Assignment<T> assignment : assignments) {
      list.add(Objects.requireNonNull(assignment, "assignment"));
      ownColumn(assignment.field(), "aupdate");
      Expr expression = Internals.api().expression(assignment);
      if (expression != null) {
        if (expression.crossesRelation()) {
          // Django's FieldError: "Joined field references are not permitted in this query".
          throw new IllegalArgumentException(
              "aupdate("
                  + assignment.field().name()
                  + "): the expression "
                  + expression
                  + " reads a field across a relation, which an UPDATE cannot join: read the"
                  + " value first, or filter by it");
        }
        continue; // computed by the database, which refuses what does not fit
      }
      FieldError error = Validation.check(assignment.field(), assignment.value(), false);
      if (error != null) {
        errors.add(error);
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(q.model().name(), errors);
    }
    return list;
  }

  /**
   * Django's {@code delete}, with every {@code on_delete} rule of the models that reference it.
   *
   * @param db where it runs
   * @param q the query, without a slice
   * @param <T> the model
   * @return the counts
   */
  public static <T extends Record> Future<DeleteResult> delete(Database db, Query<T> q) {
    checkDeletable(q);
    Session session = Databases.session(db);
    Deletion deletion = deletion(session.dialect(), q);
    if (deletion.steps().size() == 1) {
      return deletion.run(session);
    }
    if (!readsOtherRows(q.where()) && !comesBack(deletion, q.model())) {
      return session.atomic(deletion::run);
    }
    // The conditions may read rows that the cascade deletes or changes before it deletes the rows
    // themselves: Django's way, the rows' keys first, then the plan by key.
    return session.atomic(tx -> deleteByKeys(tx, q));
  }

  /**
   * Whether a condition reads rows besides the one it tests: a subquery ({@code USER.exists(...)},
   * {@code USER.in(querySet)}) or a field across a relation, which a cascade may change first.
   */
  private static boolean readsOtherRows(List<? extends Condition<?>> conditions) {
    Internals.Api api = Internals.api();
    return Compiler.anyCondition(
        conditions,
        condition -> {
          if (condition instanceof Exists<?> || condition instanceof InSubquery<?>) {
            return true;
          }
          if (condition instanceof Lookup<?> lookup) {
            return !Internals.path(lookup.field()).isEmpty();
          }
          if (condition instanceof Comparison<?> comparison) {
            return api.left(comparison).crossesRelation()
                || api.right(comparison).stream().anyMatch(Expr::crossesRelation);
          }
          return false;
        });
  }

  /**
   * Whether the cascade changes the deleted model's own rows before it deletes them (a foreign key
   * of the model to itself), so that conditions on its columns may select other rows by then.
   */
  private static boolean comesBack(Deletion deletion, ModelMeta<?> model) {
    List<Deletion.Step> steps = deletion.steps();
    for (int i = 0; i < steps.size() - 1; i++) {
      if (steps.get(i).model().equals(model.name())) {
        return true;
      }
    }
    return false;
  }

  /** Reads the keys of the query's rows, then deletes them by key, a chunk at a time. */
  private static <T extends Record> Future<DeleteResult> deleteByKeys(Session tx, Query<T> q) {
    Dialect dialect = tx.dialect();
    Field<T> pk = q.model().primaryKey();
    Statement keys =
        Compiler.values(
            dialect, q, List.of(Expr.column(Internals.spec(pk))), List.of(), false, false);
    return tx.select(keys, row -> row.getLong(0))
        .compose(
            ids -> {
              Future<DeleteResult> done = Future.succeededFuture(new DeleteResult(0, Map.of()));
              boolean array = dialect.inAsArray();
              int most =
                  array ? Math.max(1, ids.size()) : Integer.highestOneBit(dialect.maxParams());
              for (int[] chunk : chunks(0, ids.size(), most)) {
                List<Long> part = ids.subList(chunk[0], chunk[0] + chunk[1]);
                // Padded as ainBulk's lists are: a few plans serve every number of keys.
                Query<T> byKeys =
                    Query.all(q.model())
                        .withWhere(
                            List.of(
                                Internals.api()
                                    .in(
                                        pk,
                                        ColumnValues.ids(
                                            Internals.spec(pk), array ? part : padded(part)))));
                done =
                    done.compose(
                        before ->
                            Deletion.plan(dialect, byKeys)
                                .run(tx)
                                .map(after -> sum(before, after)));
              }
              return done;
            });
  }

  private static DeleteResult sum(DeleteResult a, DeleteResult b) {
    Map<String, Long> counts = new LinkedHashMap<>(a.perModel());
    b.perModel().forEach((model, n) -> counts.merge(model, n, Long::sum));
    return new DeleteResult(a.count() + b.count(), counts);
  }

  /**
   * @param dialect the dialect
   * @param q the query, without a slice
   * @param <T> the model
   * @return the statements {@code adelete()} runs, in order, each binding {@link Deletion#params()}
   */
  public static <T extends Record> Deletion deletion(Dialect dialect, Query<T> q) {
    checkDeletable(q);
    return Deletion.plan(dialect, q);
  }

  /**
   * Django's {@code get_or_create(defaults=..., **kwargs)}.
   *
   * @param db where it runs
   * @param q the QuerySet's query
   * @param template the values to look up by, and the row to insert
   * @param lookups the fields to look up by
   * @param <T> the model
   * @return the row and whether it was created
   */
  public static <T extends Record> Future<Created<T>> getOrCreate(
      Database db, Query<T> q, T template, List<Field<T>> lookups) {
    Query<T> lookup = lookup(q, template, lookups);
    Session session = Databases.session(db);
    return retryingDeadlocks(session, () -> getOrCreate(session, lookup, template, false));
  }

  /**
   * Django's {@code update_or_create(defaults=..., **kwargs)}: in a transaction, the row locked.
   *
   * @param db where it runs
   * @param q the QuerySet's query
   * @param template the values to look up by, write, or insert
   * @param lookups the fields to look up by
   * @param <T> the model
   * @return the row as stored and whether it was created
   */
  public static <T extends Record> Future<Created<T>> updateOrCreate(
      Database db, Query<T> q, T template, List<Field<T>> lookups) {
    Query<T> lookup = lookup(q, template, lookups);
    List<FieldError> errors = q.model().validate(template);
    if (!errors.isEmpty()) {
      throw new ValidationException(q.model().name(), errors);
    }
    Session session = Databases.session(db);
    return retryingDeadlocks(
        session,
        () ->
            session.atomic(
                tx ->
                    getOrCreate(tx, lookup, template, true)
                        .compose(
                            found ->
                                found.created()
                                    ? Future.succeededFuture(found)
                                    : updateFound(
                                        tx, q.model(), found.object(), template, lookups))));
  }

  /** The most rows one bulk INSERT carries: past this, a bigger statement saves no time. */
  static final int MAX_INSERT_ROWS = 1024;

  /**
   * The most rows one bulk UPDATE carries: each row adds a {@code WHEN} to every {@code CASE},
   * which the database tries in order, so the work per statement grows with the square of this.
   */
  static final int MAX_UPDATE_ROWS = 256;

  /**
   * Django's {@code bulk_create}: every record validated, then multi-row INSERTs of a power of two
   * of rows each, in one transaction (a savepoint inside the caller's) when there are several.
   *
   * @param db where it runs
   * @param model the model
   * @param records the records, in order
   * @param options conflicts and batch size
   * @param <T> the model
   * @return the records as stored, in the same order
   */
  public static <T extends Record> Future<List<T>> bulkCreate(
      Database db, ModelMeta<T> model, List<T> records, BulkCreate<T> options) {
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(options, "options");
    Field<T> pk = model.primaryKey();
    for (Field<T> field : options.updateFields()) {
      ownColumn(field, "BulkCreate.updateConflicts");
    }
    for (Field<T> field : options.uniqueFields()) {
      ownColumn(field, "BulkCreate.updateConflicts");
    }
    if (options.updateFields().contains(pk)) {
      throw new IllegalArgumentException(
          "abulkCreate cannot update the primary key on a conflict: leave "
              + pk.column()
              + " out of updateConflicts' fields");
    }
    int n = records.size();
    List<@Nullable Object[]> rows = new ArrayList<>(n);
    Map<Integer, List<FieldError>> invalid = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      T record = recordAt(records, i);
      List<FieldError> errors = model.validate(record);
      if (!errors.isEmpty()) {
        invalid.put(i, errors);
      } else if (invalid.isEmpty()) {
        rows.add(filledValues(model, record));
      }
    }
    if (!invalid.isEmpty()) {
      throw new ValidationException(model.name(), invalid);
    }
    Session session = Databases.session(db);
    if (n == 0) {
      return nothingToRun(session, List.of());
    }
    // Rows with an id and rows without bind different columns: two groups of statements.
    int pkIndex = Internals.spec(pk).index();
    List<Integer> order = new ArrayList<>(n);
    int withId = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < n; i++) {
        if ((rows.get(i)[pkIndex] != null) == (pass == 0)) {
          order.add(i);
        }
      }
      if (pass == 0) {
        withId = order.size();
      }
    }
    List<@Nullable Object[]> ordered = new ArrayList<>(n);
    for (int i : order) {
      ordered.add(rows.get(i));
    }
    int most =
        maxRows(session.dialect(), model.fields().size(), MAX_INSERT_ROWS, options.batchSize());
    List<int[]> batches = new ArrayList<>();
    boolean arrays = session.dialect().bulkByArrays();
    batches.addAll(arrays ? chunks(0, withId, most) : batches(0, withId, most));
    batches.addAll(arrays ? chunks(withId, n - withId, most) : batches(withId, n - withId, most));
    int explicitUpTo = withId;
    Function<Session, Future<List<T>>> work =
        s -> insertBatches(s, model, ordered, order, batches, explicitUpTo, options);
    // One statement outside a transaction is atomic by itself, once the dialect knows whether
    // the server returns rows (a MySQL-protocol database learns it with its first connection).
    if (batches.size() == 1
        && !session.inTransaction()
        && session.dialect().bulkReturning() != null) {
      return work.apply(session);
    }
    return session.atomic(work);
  }

  private static <T extends Record> Future<List<T>> insertBatches(
      Session session,
      ModelMeta<T> model,
      List<@Nullable Object[]> rows,
      List<Integer> order,
      List<int[]> batches,
      int explicitUpTo,
      BulkCreate<T> options) {
    Dialect dialect = session.dialect();
    boolean returns = Boolean.TRUE.equals(dialect.bulkReturning());
    boolean upsert = !options.updateFields().isEmpty();
    int pk = Internals.spec(model.primaryKey()).index();
    Object[] stored = new Object[rows.size()];
    Future<Void> chain = Future.succeededFuture();
    for (int[] batch : batches) {
      int from = batch[0];
      int count = batch[1];
      boolean explicitId = from < explicitUpTo;
      Compiler.Returning returning;
      if (!returns || options.ignoresConflicts()) {
        returning = Compiler.Returning.NOTHING;
      } else if (upsert) {
        returning = Compiler.Returning.ROWS;
      } else {
        returning = explicitId ? Compiler.Returning.NOTHING : Compiler.Returning.IDS;
      }
      chain =
          chain.compose(
              ignored -> {
                Statement statement =
                    Compiler.insertRows(
                        dialect,
                        model,
                        rows,
                        from,
                        count,
                        explicitId,
                        options.ignoresConflicts(),
                        options.updateFields(),
                        options.uniqueFields(),
                        returning);
                if (returning == Compiler.Returning.NOTHING) {
                  return session.update(
                      statement,
                      changed -> {
                        for (int r = from; r < from + count; r++) {
                          stored[order.get(r)] = model.create(rows.get(r));
                        }
                        return null;
                      });
                }
                Function<RowReader, Object> mapper =
                    returning == Compiler.Returning.IDS
                        ? row -> Objects.requireNonNull(row.getLong(0), "returned id")
                        : model::read;
                return session.writeReturning(
                    statement,
                    mapper,
                    returned -> {
                      if (returned.size() != count) {
                        throw new IllegalStateException(
                            "An INSERT of "
                                + count
                                + " rows returned "
                                + returned.size()
                                + " ["
                                + model.name()
                                + ": "
                                + statement.sql()
                                + "]");
                      }
                      for (int k = 0; k < count; k++) {
                        int r = from + k;
                        if (returning == Compiler.Returning.ROWS) {
                          stored[order.get(r)] = returned.get(k);
                        } else {
                          @Nullable Object[] values = rows.get(r);
                          values[pk] =
                              ColumnValues.id(Internals.spec(model.primaryKey()), returned.get(k));
                          stored[order.get(r)] = model.create(values);
                        }
                      }
                      return null;
                    });
              });
    }
    return chain.map(
        done -> {
          List<T> result = new ArrayList<>(stored.length);
          for (Object record : stored) {
            result.add(model.type().cast(record));
          }
          return Collections.unmodifiableList(result);
        });
  }

  /**
   * Django's {@code bulk_update}: one UPDATE per batch of a power of two of rows, each field a
   * {@code CASE} on the primary key; the QuerySet's filters apply, as in Django.
   *
   * @param db where it runs
   * @param q the query, without a slice
   * @param records the records, each with its primary key
   * @param fields the fields to write
   * @param batchSize the most rows per statement, or 0 for the default
   * @param <T> the model
   * @return the number of rows matched
   */
  public static <T extends Record> Future<Long> bulkUpdate(
      Database db, Query<T> q, List<T> records, List<? extends Field<T>> fields, int batchSize) {
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(fields, "fields");
    ModelMeta<T> model = q.model();
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("abulkUpdate needs at least one field to write");
    }
    if (batchSize < 0) {
      throw new IllegalArgumentException("batchSize must be at least 1, not " + batchSize);
    }
    if (q.sliced()) {
      throw new IllegalStateException(
          "Cannot update a query once a slice has been taken: abulkUpdate() after limit/offset");
    }
    List<Field<T>> written = new ArrayList<>(fields.size());
    for (Field<T> field : fields) {
      ownColumn(Objects.requireNonNull(field, "field"), "abulkUpdate");
      if (Internals.spec(field).primaryKey()) {
        throw new IllegalArgumentException(
            "abulkUpdate cannot write the primary key " + field.column());
      }
      if (written.contains(field)) {
        throw new IllegalArgumentException("abulkUpdate names " + field.column() + " twice");
      }
      written.add(field);
    }
    int pk = Internals.spec(model.primaryKey()).index();
    int n = records.size();
    List<@Nullable Object[]> rows = new ArrayList<>(n);
    Map<Integer, List<FieldError>> invalid = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      T record = recordAt(records, i);
      @Nullable Object[] values = model.values(record);
      if (values[pk] == null) {
        throw new IllegalArgumentException(
            "records[" + i + "] has no primary key: every record abulkUpdate writes must have one");
      }
      List<FieldError> errors = new ArrayList<>(0);
      for (Field<T> field : written) {
        ColumnSpec spec = Internals.spec(field);
        FieldError error = Validation.check(field, values[spec.index()], false);
        if (error != null) {
          errors.add(error);
        } else {
          values[spec.index()] = ColumnValues.exact(spec, values[spec.index()]);
        }
      }
      if (!errors.isEmpty()) {
        invalid.put(i, errors);
      }
      rows.add(values);
    }
    if (!invalid.isEmpty()) {
      throw new ValidationException(model.name(), invalid);
    }
    Session session = Databases.session(db);
    if (n == 0) {
      return nothingToRun(session, 0L);
    }
    List<int[]> batches;
    if (session.dialect().bulkByArrays()) {
      // One row per key, the first given, as a CASE would take it: a join would take any.
      Set<Object> keys = new HashSet<>();
      rows.removeIf(values -> !keys.add(values[pk]));
      batches = chunks(0, rows.size(), maxRows(session.dialect(), 1, MAX_INSERT_ROWS, batchSize));
    } else {
      int most =
          maxRows(
              session.dialect(),
              2 * written.size() + 1 + q.where().size() * 2,
              MAX_UPDATE_ROWS,
              batchSize);
      batches = batches(0, n, most);
    }
    Function<Session, Future<Long>> work =
        s -> {
          long[] matched = new long[1];
          Future<Void> chain = Future.succeededFuture();
          for (int[] batch : batches) {
            chain =
                chain.compose(
                    ignored ->
                        s.update(
                            Compiler.updateRows(s.dialect(), q, rows, batch[0], batch[1], written),
                            count -> {
                              matched[0] += count;
                              return null;
                            }));
          }
          return chain.map(done -> matched[0]);
        };
    return batches.size() == 1 ? work.apply(session) : session.atomic(work);
  }

  /** The {@code i}th record of a bulk method's list, which must not be null. */
  private static <T> T recordAt(List<T> records, int i) {
    T record = records.get(i);
    if (record == null) {
      throw new NullPointerException("records[" + i + "] is null");
    }
    return record;
  }

  /**
   * The most rows of one statement: a power of two, within the database's limit on bound values,
   * {@code cap} and the caller's batch size.
   */
  private static int maxRows(Dialect dialect, int paramsPerRow, int cap, int batchSize) {
    if (dialect.bulkByArrays()) {
      // An array per column: the rows do not count against the limit on bound values, nor change
      // the statement's shape.
      return batchSize > 0 ? Math.min(cap, batchSize) : cap;
    }
    int most = Math.min(cap, Math.max(1, dialect.maxParams() / Math.max(1, paramsPerRow)));
    if (batchSize > 0) {
      most = Math.min(most, batchSize);
    }
    return Integer.highestOneBit(most);
  }

  /**
   * Splits {@code count} rows from {@code from} into statements of {@code most} rows and one of the
   * rest: for statements whose shape does not depend on their rows.
   *
   * @return {from, count} of each statement
   */
  static List<int[]> chunks(int from, int count, int most) {
    List<int[]> chunks = new ArrayList<>(count / most + 1);
    for (int at = from; at < from + count; at += most) {
      chunks.add(new int[] {at, Math.min(most, from + count - at)});
    }
    return chunks;
  }

  /**
   * Splits {@code count} rows from {@code from} into statements of {@code most} rows, then of the
   * powers of two that make up the rest: every statement has one of a few shapes.
   *
   * @return {from, count} of each statement
   */
  static List<int[]> batches(int from, int count, int most) {
    List<int[]> batches = new ArrayList<>(count / most + Integer.bitCount(most - 1));
    int at = from;
    int left = count;
    while (left >= most) {
      batches.add(new int[] {at, most});
      at += most;
      left -= most;
    }
    for (int size = Integer.highestOneBit(Math.max(left, 1)); left > 0; size >>= 1) {
      if (left >= size) {
        batches.add(new int[] {at, size});
        at += size;
        left -= size;
      }
    }
    return batches;
  }

  /**
   * Django's {@code raw()}: the user's statement, its rows mapped to the model by column name.
   *
   * @param db where it runs
   * @param model the model
   * @param sql the statement, with {@code ?} placeholders
   * @param params the values
   * @param <T> the model
   * @return the rows
   */
  public static <T extends Record> Future<List<T>> raw(
      Database db, ModelMeta<T> model, String sql, @Nullable Object[] params) {
    Session session = Databases.session(db);
    Statement statement = RawSql.statement(session.dialect(), sql, params, model.name());
    List<String> columns = new ArrayList<>(model.fields().size());
    for (Field<T> field : model.fields()) {
      columns.add(field.column());
    }
    return session.selectByName(
        statement, RawSql.byName(columns, model.name(), model::read), rows -> rows);
  }

  /**
   * Runs the user's statement: Django's {@code cursor.execute()}.
   *
   * @param db where it runs
   * @param sql the statement, with {@code ?} placeholders
   * @param params the values
   * @return the number of rows it changed or matched
   */
  public static Future<Long> execute(Database db, String sql, @Nullable Object[] params) {
    Session session = Databases.session(db);
    return session.update(RawSql.statement(session.dialect(), sql, params, "execute"));
  }

  /**
   * The session of a query, checked: rows are locked only inside a transaction, where the lock
   * lasts until it ends (Django's {@code TransactionManagementError} otherwise). On a database
   * without row locks (SQLite) {@code selectForUpdate} has no effect, as in Django.
   */
  private static <T extends Record> Session locking(Database db, Query<T> q) {
    Session session = Databases.session(db);
    if (q.lock() != null && session.dialect().supportsForUpdate() && !session.inTransaction()) {
      throw new IllegalStateException(
          "selectForUpdate() cannot be used outside of a transaction: run the query in"
              + " db.atomic(tx -> ...) on a QuerySet made from tx, so that the rows stay locked"
              + " until the block ends");
    }
    return session;
  }

  /** How many times a get-or-create or update-or-create runs again after a deadlock. */
  private static final int DEADLOCK_RETRIES = 2;

  /**
   * Runs {@code attempt}, and again (at most {@value #DEADLOCK_RETRIES} times) when the database
   * ended it as a deadlock or serialization failure (SQLSTATE 40001, 40P01): the database rolled
   * the attempt back, so running it again writes nothing twice. On MySQL and MariaDB, callers that
   * race to insert one new key can deadlock on the duplicate key's lock even under READ COMMITTED;
   * the next attempt finds the winner's row. Inside the caller's own transaction nothing is
   * retried: the deadlock ended that transaction, which only its owner can run again.
   */
  private static <X> Future<X> retryingDeadlocks(Session session, Supplier<Future<X>> attempt) {
    Future<X> first = attempt.get();
    if (session.inTransaction()) {
      return first;
    }
    Future<X> result = first;
    for (int i = 0; i < DEADLOCK_RETRIES; i++) {
      result =
          result.recover(
              e ->
                  TransactionProtocol.isSerializationFailure(e)
                      ? attempt.get()
                      : Future.failedFuture(e));
    }
    return result;
  }

  // ---------------------------------------------------------------------------------------------

  private static <T extends Record> Future<T> get(Session session, Query<T> q, boolean forUpdate) {
    return selectOne(
        session,
        q,
        forUpdate,
        rows -> {
          if (rows.isEmpty()) {
            throw new DoesNotExistException(q.model().name());
          }
          return rows.get(0);
        });
  }

  /**
   * Reads at most {@value #MAX_GET_RESULTS} rows of {@code q}, refuses more than one as Django's
   * {@code get()} does, and makes the result of the one row or none.
   */
  private static <T extends Record, X> Future<X> selectOne(
      Session session, Query<T> q, boolean forUpdate, Function<List<T>, X> finish) {
    return session.select(
        getStatement(session.dialect(), q, forUpdate),
        RelatedRows.reader(q),
        rows -> {
          if (rows.size() > 1) {
            throw new MultipleObjectsReturnedException(
                q.model().name(), rows.size(), MAX_GET_RESULTS - 1);
          }
          return finish.apply(rows);
        });
  }

  private static <T extends Record> Future<Created<T>> getOrCreate(
      Session session, Query<T> lookup, T template, boolean forUpdate) {
    return selectOne(
            session,
            lookup,
            forUpdate,
            rows -> rows.isEmpty() ? null : new Created<>(rows.get(0), false))
        .compose(
            found ->
                found != null
                    ? Future.succeededFuture(found)
                    : insertForGetOrCreate(session, lookup, template, forUpdate));
  }

  /** The insert of get-or-create, once the lookup found no row. */
  private static <T extends Record> Future<Created<T>> insertForGetOrCreate(
      Session session, Query<T> lookup, T template, boolean forUpdate) {
    ModelMeta<T> model = lookup.model();
    // In a transaction a failed INSERT would abort it: a savepoint confines the failure.
    Future<T> inserted =
        session.inTransaction()
            ? session.atomic(tx -> create(tx, model, template))
            : create(session, model, template);
    return inserted
        .map(created -> new Created<>(created, true))
        .recover(
            refused -> {
              if (!(refused instanceof IntegrityException integrity)
                  || !integrity.uniqueViolation()) {
                return Future.failedFuture(refused);
              }
              // Another caller inserted the same key first: read its row.
              return get(session, lookup, forUpdate)
                  .map(found -> new Created<>(found, false))
                  .recover(
                      stillMissing ->
                          Future.failedFuture(
                              stillMissing instanceof DoesNotExistException
                                  ? refused
                                  : stillMissing));
            });
  }

  private static <T extends Record> Future<Created<T>> updateFound(
      Session tx, ModelMeta<T> model, T found, T template, List<Field<T>> lookups) {
    @Nullable Object[] stored = model.values(found);
    @Nullable Object[] wanted = model.values(template);
    List<Assignment<T>> assignments = new ArrayList<>();
    Internals.Api api = Internals.api();
    for (Field<T> field : model.fields()) {
      ColumnSpec spec = api.spec(field);
      int i = spec.index();
      boolean skip =
          spec.primaryKey() || lookups.contains(field) || (spec.autoNowAdd() && wanted[i] == null);
      if (!skip) {
        assignments.add(api.assignment(field, wanted[i]));
        stored[i] = ColumnValues.exact(spec, wanted[i]);
      }
    }
    T updated = model.create(stored);
    if (assignments.isEmpty()) {
      return Future.succeededFuture(new Created<>(updated, false));
    }
    Query<T> byId =
        Query.all(model)
            .withWhere(
                List.of(
                    api.equal(
                        model.primaryKey(),
                        ColumnValues.id(Internals.spec(model.primaryKey()), model.idOf(found)))));
    return tx.update(Compiler.update(tx.dialect(), byId, assignments))
        .map(n -> new Created<>(updated, false));
  }

  /**
   * Refuses a field reached across a relation where only the model's own columns make sense: the
   * columns a statement writes, and a template's values. Django: "Cannot update model field ...
   * (only non-relations and foreign keys permitted)".
   */
  private static void ownColumn(Field<?> field, String where) {
    if (!Internals.path(field).isEmpty()) {
      throw new IllegalArgumentException(
          where
              + " names "
              + field
              + ", a field of another model reached across a relation: only the model's own"
              + " fields are written; update the other model through its own QuerySet");
    }
  }

  /** The query's conditions and, for each lookup field, {@code field = template's value}. */
  private static <T extends Record> Query<T> lookup(
      Query<T> q, T template, List<Field<T>> lookups) {
    Objects.requireNonNull(template, "template");
    if (lookups.isEmpty()) {
      throw new IllegalArgumentException("Name at least one field to look up by");
    }
    @Nullable Object[] values = q.model().values(template);
    List<Condition<T>> where = new ArrayList<>(q.where());
    Internals.Api api = Internals.api();
    for (Field<T> field : lookups) {
      ownColumn(Objects.requireNonNull(field, "lookup field"), "a lookup of agetOrCreate");
      Object value = values[api.spec(field).index()];
      where.add(value == null ? field.isNull(true) : api.equal(field, value));
    }
    return q.withWhere(List.copyOf(where));
  }
}
