package dev.asyncmodel;

import dev.asyncmodel.internal.ChunkedStream;
import dev.asyncmodel.internal.Databases;
import dev.asyncmodel.internal.Deadline;
import dev.asyncmodel.internal.Executor;
import dev.asyncmodel.internal.Query;
import dev.asyncmodel.spi.ModelMeta;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The rows of one model that a query selects: Django's {@code QuerySet}. Each generated model has a
 * final subclass ({@code TransactionQuerySet}), made by its companion's {@code objects(db)}.
 *
 * <p>The filter chain ({@link #filter}, {@link #exclude}, {@link #orderBy}, {@link #limit}, {@link
 * #offset}) is synchronous and does no I/O: each call returns a new, immutable QuerySet, which can
 * be kept and reused. The terminal methods ({@code a*}) run one statement (or a few, in one
 * transaction) and return a Vert.x {@link Future}; they never throw, and every failure is a failed
 * Future.
 *
 * <pre>{@code
 * TransactionQuerySet mine = Transactions.objects(db).filter(USER.eq(user));   // no I/O
 * Future<List<Transaction>> page = mine.orderBy(CREATED_AT.desc()).limit(50).aall();
 * Future<Long> total = mine.acount();
 * }</pre>
 *
 * <p>A QuerySet is a thin facade: it keeps the query as data and hands it, with the session of its
 * database, to the runtime's engine, which compiles and runs it.
 *
 * @param <T> the model
 * @param <Q> the generated subclass, which every chain method returns
 */
public abstract class QuerySet<T extends Record, Q extends QuerySet<T, Q>> {
  private final State<T> state;

  /**
   * For generated code: all rows of the model.
   *
   * @param model the model
   * @param db where the query runs
   */
  protected QuerySet(ModelMeta<T> model, Database db) {
    this(new State<>(Objects.requireNonNull(db, "db"), Query.all(model)));
  }

  /**
   * For generated code: the QuerySet a chain method made.
   *
   * @param state the query
   */
  protected QuerySet(State<T> state) {
    this.state = Objects.requireNonNull(state, "state");
  }

  /**
   * For generated code: a QuerySet of the generated type for a new query.
   *
   * @param state the query
   * @return the QuerySet
   */
  protected abstract Q copy(State<T> state);

  // ---------------------------------------------------------------------------------------------
  // The filter chain: synchronous, no I/O.

  /**
   * Rows matching every condition, and this QuerySet's: Django's {@code filter()}.
   *
   * @param conditions conditions, ANDed
   * @return a new QuerySet
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // and() only reads the array
  public final Q filter(Condition<T>... conditions) {
    return copy(state.with(state.query.and(conditions)));
  }

  /**
   * Rows not matching all the conditions together: Django's {@code exclude()}, {@code NOT (a AND
   * b)}. Rows where a tested column is NULL are kept, as in Django.
   *
   * @param conditions conditions, ANDed, then negated
   * @return a new QuerySet
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // excluding() only reads the array
  public final Q exclude(Condition<T>... conditions) {
    return copy(state.with(excluding(state.query, conditions)));
  }

  /** The query with {@code NOT (a AND b ...)} added: {@code exclude(a, b, ...)}. */
  static <T extends Record> Query<T> excluding(Query<T> query, Condition<T>[] conditions) {
    if (conditions.length == 0) {
      return query;
    }
    List<Condition<T>> parts = new ArrayList<>(conditions.length);
    for (Condition<T> condition : conditions) {
      parts.add(Objects.requireNonNull(condition, "condition"));
    }
    Condition<T> all =
        parts.size() == 1 ? parts.get(0) : new Junction<>(Junction.Connector.AND, parts);
    List<Condition<T>> where = new ArrayList<>(query.where());
    where.add(new Negation<>(all));
    return query.withWhere(List.copyOf(where));
  }

  /**
   * Orders the rows: Django's {@code order_by()}. Each call replaces the previous ordering; with no
   * argument, the rows are unordered.
   *
   * @param orderings fields with a direction: {@code CREATED_AT.desc(), ID.asc()}
   * @return a new QuerySet
   */
  @SafeVarargs
  public final Q orderBy(Ordering<T>... orderings) {
    List<Ordering<T>> order = new ArrayList<>(orderings.length);
    for (Ordering<T> ordering : orderings) {
      if (Objects.requireNonNull(ordering, "ordering").expr().hasAggregate()) {
        throw new IllegalArgumentException(
            "orderBy("
                + ordering
                + "): an aggregate orders the groups of a values(...) projection, not records");
      }
      order.add(ordering);
    }
    return copy(state.with(state.query.withOrder(List.copyOf(order))));
  }

  /**
   * Loads the records these foreign keys reference with the rows, in the same statement: Django's
   * {@code select_related()}. The query joins each referenced table ({@code INNER JOIN}, or {@code
   * LEFT OUTER JOIN} for a nullable key) and each record's {@link Ref} then holds the referenced
   * record: {@code transaction.user().model()} is present. A chain, {@code
   * ORDER.to(Orders.CUSTOMER)}, loads every record along it. Calls add up, as Django's do; a key
   * named twice is loaded once.
   *
   * <pre>{@code
   * // SELECT "transaction"."id", ..., "auth_user"."id", ... FROM "transaction"
   * //   INNER JOIN "auth_user" ON ("transaction"."user_id" = "auth_user"."id") ...
   * for (Transaction t : Transactions.objects(db).selectRelated(USER).limit(50).aall().result()) {
   *   String owner = t.user().model().orElseThrow().username();
   * }
   * }</pre>
   *
   * <p>Only the statements that read records use it: {@code acount}, {@code aexists}, {@code
   * aupdate}, {@code adelete} and {@code values} ignore it, as in Django.
   *
   * @param relation a foreign key of this model, or a chain of them
   * @param more more of them
   * @return a new QuerySet
   */
  @SafeVarargs
  public final Q selectRelated(RefField<T, ?> relation, RefField<T, ?>... more) {
    List<RefField<T, ?>> related = new ArrayList<>(state.query.related());
    List<RefField<T, ?>> named = new ArrayList<>(more.length + 1);
    named.add(relation);
    for (RefField<T, ?> key : more) {
      named.add(key);
    }
    for (RefField<T, ?> key : named) {
      if (!related.contains(Objects.requireNonNull(key, "relation"))) {
        related.add(key);
      }
    }
    return copy(state.with(state.query.withRelated(List.copyOf(related))));
  }

  /**
   * The rows in the opposite order: Django's {@code reverse()}. Every term of the ordering runs the
   * other way, NULLs first where they were last; an ordering given after {@code reverse()} runs
   * reversed too, as in Django, and a second {@code reverse()} undoes the first. Without an
   * ordering it changes only {@code afirst()} and {@code alast()}, which order by primary key.
   *
   * <pre>{@code
   * Transactions.objects(db).orderBy(CREATED_AT.asc()).reverse().limit(5).aall();  // newest 5
   * }</pre>
   *
   * @return a new QuerySet
   * @throws IllegalStateException on a QuerySet with a limit or offset, which Django refuses to
   *     reverse
   */
  public final Q reverse() {
    if (state.query.sliced()) {
      throw new IllegalStateException(
          "Cannot reverse a query once a slice has been taken: call reverse() before limit/offset");
    }
    return copy(state.with(state.query.withReversedOrder()));
  }

  /**
   * At most {@code n} rows: SQL's {@code LIMIT}. Django's {@code qs[:n]}; {@code qs[a:b]} is {@code
   * offset(a).limit(b - a)}. {@code limit(0)} selects nothing. Replaces a previous limit.
   *
   * @param n the maximum number of rows, at least 0
   * @return a new QuerySet
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public final Q limit(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("limit must be 0 or more, not " + n);
    }
    return copy(state.with(state.query.withSlice(n, state.query.offset())));
  }

  /**
   * Skips the first {@code n} rows: SQL's {@code OFFSET}. Replaces a previous offset.
   *
   * @param n the number of rows to skip, at least 0
   * @return a new QuerySet
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public final Q offset(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("offset must be 0 or more, not " + n);
    }
    return copy(state.with(state.query.withSlice(state.query.limit(), n)));
  }

  /**
   * Locks the rows the query reads until the transaction ends: Django's {@code
   * select_for_update()}, {@code SELECT ... FOR UPDATE}. Another transaction that locks or writes
   * them waits. Only inside {@link Database#atomic}: outside one the read fails with {@link
   * IllegalStateException}, as Django raises {@code TransactionManagementError}. Applies to {@code
   * aall}, {@code aget}, {@code agetOptional}, {@code afirst} and {@code alast}. On SQLite, which
   * has no row locks (a transaction holds the one write lock of the file), it has no effect, as in
   * Django.
   *
   * <pre>{@code
   * db.atomic(tx -> Accounts.objects(tx).filter(ID.eq(id)).selectForUpdate().aget()
   *     .compose(account -> Accounts.objects(tx).filter(ID.eq(id)).aupdate(BALANCE.set(...))));
   * }</pre>
   *
   * @return a new QuerySet
   */
  public final Q selectForUpdate() {
    return selectForUpdate(RowLock.WAIT);
  }

  /**
   * {@link #selectForUpdate()} that does not wait for rows another transaction locked: Django's
   * {@code select_for_update(nowait=True)} ({@link RowLock#NOWAIT}: fail at once) or {@code
   * select_for_update(skip_locked=True)} ({@link RowLock#SKIP_LOCKED}: leave them out, as a job
   * queue does).
   *
   * @param lock what to do with rows another transaction locked
   * @return a new QuerySet
   */
  public final Q selectForUpdate(RowLock lock) {
    return copy(state.with(state.query.withLock(Objects.requireNonNull(lock, "lock"))));
  }

  /**
   * A deadline for this QuerySet's terminal method: past {@code timeout}, counted from the call,
   * its Future fails with {@link QueryTimeoutException} and the statement running is cancelled on
   * the server. It covers every statement the method runs (a cascade's, an upsert's) and the wait
   * for a connection, and replaces the URL's {@code query_timeout}, longer or shorter. Django has
   * no such method; its nearest is a database's {@code statement_timeout}.
   *
   * <pre>{@code
   * Future<List<Transaction>> page = Transactions.objects(db)
   *     .filter(USER.eq(user)).timeout(Duration.ofMillis(250)).aall();
   * }</pre>
   *
   * <p>A statement with a deadline runs on a connection of its own, never pipelined behind others,
   * so that its cancel stops it and nothing else.
   *
   * @param timeout how long the terminal method may take; positive
   * @return a new QuerySet
   * @throws IllegalArgumentException if {@code timeout} is zero or negative
   */
  public final Q timeout(Duration timeout) {
    return copy(new State<>(state.db, state.query, checkTimeout(timeout)));
  }

  static Duration checkTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("A timeout must be positive, not " + timeout);
    }
    return timeout;
  }

  /**
   * A statement of your own whose rows are records of this model: Django's {@code Manager.raw()}.
   * It must select every column of the model, in any order, by name; the QuerySet's filters,
   * ordering and slice do not apply. Values are bound, never formatted into the text: write each as
   * {@code ?} on every backend (see {@link Database#execute}).
   *
   * <pre>{@code
   * Future<List<Transaction>> big = Transactions.objects(db)
   *     .raw("SELECT * FROM transaction WHERE amount > ? ORDER BY amount DESC", limit)
   *     .aall();
   * }</pre>
   *
   * @param sql the statement, with {@code ?} placeholders
   * @param params the values, one per placeholder
   * @return the raw query; nothing runs until its {@code aall()}
   */
  public final RawQuerySet<T> raw(String sql, @Nullable Object... params) {
    return new RawQuerySet<>(
        state.db,
        state.query.model(),
        Objects.requireNonNull(sql, "sql"),
        params == null ? new Object[] {null} : params.clone(),
        state.timeout);
  }

  // ---------------------------------------------------------------------------------------------
  // Terminal methods: asynchronous.

  /**
   * Runs the query: Django's {@code aall()} / {@code async for}.
   *
   * @return a Future of the rows, in order; failed with {@link DatabaseException} if the query
   *     fails
   */
  public final Future<List<T>> aall() {
    return run(Executor::all, state.query);
  }

  /**
   * The rows, read a chunk of 2,000 at a time as they are consumed: Django's {@code aiterator()}.
   *
   * @return the stream; see {@link #aiterator(int)}
   */
  public final RecordStream<T> aiterator() {
    return aiterator(DEFAULT_CHUNK_SIZE);
  }

  /** Django's default {@code chunk_size} for {@code iterator()} and {@code aiterator()}. */
  private static final int DEFAULT_CHUNK_SIZE = 2_000;

  /**
   * The rows, read through a database cursor a chunk at a time as they are consumed, never all at
   * once: Django's {@code aiterator(chunk_size)}, the spec's async generator. Nothing runs until
   * the stream gets a handler or a subscriber (see {@link RecordStream}). The ordering, limit and
   * offset apply.
   *
   * <pre>{@code
   * RecordStream<Transaction> all = Transactions.objects(db).orderBy(ID.asc()).aiterator(1_000);
   * all.pipeTo(someWriteStreamOfTransactions);
   * }</pre>
   *
   * <p>Outside {@link Database#atomic} the stream holds a connection of its own until it ends or is
   * closed; on PostgreSQL, whose cursors live in a transaction, it also begins one, and commits it
   * at the end (rolls it back when closed or failed). Inside {@code atomic} it reads on the block's
   * connection: consume or close it before the block's Future completes. A deadline ({@link
   * #timeout}, {@code query_timeout}) does not apply to a stream, whose length is the consumer's.
   *
   * @param chunkSize the most rows read from the database at once, and held in memory; at least 1
   * @return the stream; its failures (a closed database, {@link IllegalStateException} for {@link
   *     #selectForUpdate} outside a transaction, the query's {@link DatabaseException}) reach its
   *     exception handler or subscriber
   * @throws IllegalArgumentException if {@code chunkSize} is less than 1
   */
  public final RecordStream<T> aiterator(int chunkSize) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunkSize must be at least 1, not " + chunkSize);
    }
    try {
      return Executor.stream(state.db, state.query, chunkSize);
    } catch (RuntimeException | Error e) {
      return ChunkedStream.failed(e);
    }
  }

  /**
   * The one row matching the conditions and this QuerySet's filters: Django's {@code aget()}.
   *
   * @param conditions more conditions, ANDed; none to get the one row of this QuerySet
   * @return a Future of the row; failed with {@link DoesNotExistException} when no row matches and
   *     {@link MultipleObjectsReturnedException} when more than one does, both naming the model
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // and() only reads the array
  public final Future<T> aget(Condition<T>... conditions) {
    return run(Executor::get, conditions.length == 0 ? state.query : state.query.and(conditions));
  }

  /**
   * The one row matching the conditions and this QuerySet's filters, or empty when there is none:
   * {@link #aget} without {@link DoesNotExistException}. Django has no such method; Java code that
   * expects a row to be missing reads better with an {@code Optional} than with a {@code recover}
   * on the exception.
   *
   * <pre>{@code
   * Future<Optional<User>> user = Users.objects(db).agetOptional(USERNAME.eq(name));
   * }</pre>
   *
   * @param conditions more conditions, ANDed; none to get the one row of this QuerySet
   * @return a Future of the row, or empty; failed with {@link MultipleObjectsReturnedException}
   *     when more than one matches
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // and() only reads the array
  public final Future<Optional<T>> agetOptional(Condition<T>... conditions) {
    return run(
        Executor::getOptional, conditions.length == 0 ? state.query : state.query.and(conditions));
  }

  /**
   * The first row in this QuerySet's order, or by primary key when it has none: Django's {@code
   * afirst()}.
   *
   * @return a Future of the row, or empty when there is none
   */
  public final Future<Optional<T>> afirst() {
    return run((db, q) -> Executor.first(db, q, false), state.query);
  }

  /**
   * The last row in this QuerySet's order, or by primary key when it has none: Django's {@code
   * alast()}. It reverses the ordering and reads one row.
   *
   * @return a Future of the row, or empty when there is none; failed with {@link
   *     IllegalStateException} on a QuerySet with a limit or offset, which cannot be reversed
   */
  public final Future<Optional<T>> alast() {
    return run((db, q) -> Executor.first(db, q, true), state.query);
  }

  /**
   * The row with the greatest value of {@code field}, the next fields breaking ties: Django's
   * {@code alatest(*fields)}, which orders by the fields descending and gets the first row. Rows
   * whose value is NULL come last on every database, so a row with a value wins (Django leaves
   * NULLs where the database puts them, first on PostgreSQL). The QuerySet's own ordering is
   * replaced.
   *
   * <pre>{@code
   * Future<Transaction> newest = Transactions.objects(db).filter(USER.eq(user)).alatest(CREATED_AT);
   * }</pre>
   *
   * @param field the field to order by
   * @param more fields that break ties, in order
   * @return a Future of the row; failed with {@link DoesNotExistException} when the QuerySet has no
   *     row, {@link IllegalStateException} on a QuerySet with a limit or offset, as in Django
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // copied into a list before it is used
  public final Future<T> alatest(Field<T> field, Field<T>... more) {
    return run((db, q) -> Executor.earliest(db, q, listOf(field, more), true), state.query);
  }

  /**
   * The row with the least value of {@code field}, the next fields breaking ties: Django's {@code
   * aearliest(*fields)}, which orders by the fields ascending and gets the first row. Rows whose
   * value is NULL come last on every database, so a row with a value wins (Django leaves NULLs
   * where the database puts them, first on MySQL and SQLite). The QuerySet's own ordering is
   * replaced.
   *
   * <pre>{@code
   * Future<Transaction> oldest = Transactions.objects(db).filter(USER.eq(user)).aearliest(CREATED_AT);
   * }</pre>
   *
   * @param field the field to order by
   * @param more fields that break ties, in order
   * @return a Future of the row; failed with {@link DoesNotExistException} when the QuerySet has no
   *     row, {@link IllegalStateException} on a QuerySet with a limit or offset, as in Django
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // copied into a list before it is used
  public final Future<T> aearliest(Field<T> field, Field<T>... more) {
    return run((db, q) -> Executor.earliest(db, q, listOf(field, more), false), state.query);
  }

  /** {@code first} and then {@code more}, for a method that takes one or more of something. */
  static <E> List<E> listOf(E first, E[] more) {
    List<E> all = new ArrayList<>(more.length + 1);
    all.add(first);
    all.addAll(Arrays.asList(more));
    return all;
  }

  /**
   * Whether the record's row is among this QuerySet's rows, by primary key: Django's {@code
   * acontains(obj)}. One {@code SELECT 1 ... WHERE <filters> AND id = ? LIMIT 1}; on a QuerySet
   * with a limit or offset, only the rows of the slice count. The record's other values are not
   * compared.
   *
   * <pre>{@code
   * Future<Boolean> mine = Transactions.objects(db).filter(USER.eq(user)).acontains(transaction);
   * }</pre>
   *
   * @param record a record with its primary key, as {@code acreate} or a query returned it
   * @return a Future of {@code true} when the row is there; failed with {@link
   *     IllegalArgumentException} when the record has no primary key (Django's "cannot be used on
   *     unsaved objects")
   */
  public final Future<Boolean> acontains(T record) {
    return run((db, q) -> Executor.contains(db, q, record), state.query);
  }

  /**
   * The rows of this QuerySet that reference each of {@code targets} through {@code key}, grouped
   * by target: Django's {@code prefetch_related("transaction_set")}, with this QuerySet as its
   * {@code Prefetch(queryset=...)}: its filters, its ordering within each set and its {@code
   * selectRelated} apply. One {@code SELECT ... WHERE <filters> AND "user_id" = ANY($1)} on
   * PostgreSQL; on MySQL and SQLite, which bind each key, a list longer than a statement may bind
   * is read in several. No target, no query. Together with the query of the targets, a page and its
   * sets take two statements where a loop takes one per record.
   *
   * <pre>{@code
   * Future<Prefetched<User, Transaction>> sets = Users.objects(db).limit(50).aall()
   *     .compose(users -> Transactions.objects(db).orderBy(CREATED_AT.desc()).aprefetch(USER, users));
   * }</pre>
   *
   * @param key the foreign key of this model to the targets' model
   * @param targets saved records of the referenced model; one given twice is read once
   * @param <M> the referenced model
   * @return a Future of the sets, one per target, empty for a target nothing references; failed
   *     with {@link IllegalStateException} on a QuerySet with a limit or offset, which would cut
   *     across the sets, and with {@link IllegalArgumentException} for a key reached across a
   *     relation
   */
  public final <M extends Record> Future<Prefetched<M, T>> aprefetch(
      RefField<T, M> key, Collection<? extends M> targets) {
    return run((db, q) -> Executor.prefetch(db, q, key, targets), state.query);
  }

  /**
   * The rows whose primary key is one of {@code ids}, by primary key: Django's {@code
   * ain_bulk(id_list)}. One {@code SELECT ... WHERE <filters> AND id IN (...)}; on MySQL and
   * SQLite, which bind each id, a list longer than a statement may bind is read in several. An id
   * without a row (or whose row the filters exclude) has no entry. No id, no query.
   *
   * <pre>{@code
   * Future<Map<Long, Transaction>> byId = Transactions.objects(db).ainBulk(List.of(3L, 1L, 2L));
   * }</pre>
   *
   * @param ids the primary keys, none null; one given twice is read once
   * @return a Future of the rows found, keyed by primary key, in the order of {@code ids} (Django's
   *     dict is in the order the rows came); unmodifiable. Failed with {@link
   *     IllegalStateException} on a QuerySet with a limit or offset, as in Django
   */
  public final Future<Map<Long, T>> ainBulk(Collection<Long> ids) {
    return run((db, q) -> Executor.inBulk(db, q, ids), state.query);
  }

  /**
   * How the database would run the query {@link #aall()} runs: Django's {@code aexplain()}. It runs
   * {@code EXPLAIN} on PostgreSQL, MySQL and MariaDB and {@code EXPLAIN QUERY PLAN} on SQLite, with
   * the QuerySet's values bound as {@code aall()} binds them, and completes with the database's
   * answer as text: a line per row, its columns separated by a space.
   *
   * <pre>{@code
   * Transactions.objects(db).filter(USER.eq(user)).aexplain().onSuccess(System.out::println);
   * // Index Scan using transaction_user_id_idx on transaction  (cost=0.14..8.16 rows=1 ...)
   * //   Index Cond: (user_id = '1'::bigint)
   * }</pre>
   *
   * @return a Future of the plan
   */
  public final Future<String> aexplain() {
    return run(Executor::explain, state.query);
  }

  /**
   * The number of rows: Django's {@code acount()}. A limit and offset are respected.
   *
   * @return a Future of the count
   */
  public final Future<Long> acount() {
    return run(Executor::count, state.query);
  }

  /**
   * Whether there is any row: Django's {@code aexists()}. A limit and offset are respected.
   *
   * @return a Future of {@code true} when at least one row matches
   */
  public final Future<Boolean> aexists() {
    return run(Executor::exists, state.query);
  }

  /**
   * Inserts a record: Django's {@code acreate()}. A null {@code @Id} is generated by the database;
   * a null {@code @AutoNowAdd} is set to the current time (UTC, to the microsecond). Filters of
   * this QuerySet do not apply.
   *
   * @param record the record to insert
   * @return a Future of the record as stored: with its id and {@code @AutoNowAdd} value; failed
   *     with {@link ValidationException} (nothing written) when a value does not fit its column (a
   *     null in a NOT NULL column, a string past its {@code @MaxLength}, a decimal past its
   *     {@code @Decimal}), {@link IntegrityException} when a constraint refuses the row
   */
  public final Future<T> acreate(T record) {
    return run((db, q) -> Executor.create(db, q.model(), record), state.query);
  }

  /**
   * Inserts many records in few statements: Django's {@code abulk_create()}. Every record is
   * validated before the first row is sent; then INSERTs of up to 1,024 rows each run in one
   * transaction (a savepoint inside {@code atomic}), so that all rows are stored or none. A null
   * {@code @AutoNowAdd} is set to the current time. Filters of this QuerySet do not apply.
   *
   * <pre>{@code
   * Future<List<Transaction>> stored = Transactions.objects(db).abulkCreate(statementLines);
   * }</pre>
   *
   * @param records the records to insert
   * @return a Future of the records as stored, in the same order, each with its generated id where
   *     the database returns it (PostgreSQL, SQLite, MariaDB; not MySQL, as in Django); failed with
   *     {@link ValidationException} (nothing written; {@link ValidationException#records()} says
   *     which records) when a value does not fit its column, {@link IntegrityException} (nothing
   *     written) when a constraint refuses a row
   */
  public final Future<List<T>> abulkCreate(List<T> records) {
    return abulkCreate(records, BulkCreate.defaults());
  }

  /**
   * {@link #abulkCreate(List)} that skips or updates rows a unique constraint refuses, or sends
   * fewer rows per statement: Django's {@code abulk_create(objs, batch_size, ignore_conflicts,
   * update_conflicts, update_fields, unique_fields)}.
   *
   * <pre>{@code
   * Transactions.objects(db).abulkCreate(
   *     lines, BulkCreate.updateConflicts(List.of(AMOUNT), List.of(EXTERNAL_ID)));
   * }</pre>
   *
   * @param records the records to insert
   * @param options what to do on a conflict, and the batch size
   * @return a Future of the records as stored, in the same order; with {@link
   *     BulkCreate#ignoreConflicts()}, as given (without generated ids); failed as {@link
   *     #abulkCreate(List)}
   */
  public final Future<List<T>> abulkCreate(List<T> records, BulkCreate<T> options) {
    return run((db, q) -> Executor.bulkCreate(db, q.model(), records, options), state.query);
  }

  /**
   * Writes {@code fields} of each record to its row, found by primary key, in few statements:
   * Django's {@code abulk_update()}. Every value is validated before the first statement is sent;
   * statements of up to 1,024 rows on PostgreSQL, 256 elsewhere (see data-at-scale.md) run in one
   * transaction when there are several. The QuerySet's filters apply, as in Django: a record whose
   * row they exclude is not written. A record listed twice in one statement is written once, with
   * its first values.
   *
   * <pre>{@code
   * Future<Long> n = Transactions.objects(db).abulkUpdate(edited, CATEGORY, DESCRIPTION);
   * }</pre>
   *
   * @param records the records, each with its primary key
   * @param fields the fields to write; not the primary key; at least one
   * @return a Future of the number of rows matched; failed with {@link ValidationException}
   *     (nothing written) when a value does not fit its column, {@link IllegalArgumentException}
   *     when a record has no primary key
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is copied before it is used
  public final Future<Long> abulkUpdate(List<T> records, Field<T>... fields) {
    List<Field<T>> list = Arrays.asList(fields.clone());
    return run((db, q) -> Executor.bulkUpdate(db, q, records, list, 0), state.query);
  }

  /**
   * {@link #abulkUpdate(List, Field[])} with at most {@code batchSize} rows per statement: Django's
   * {@code batch_size}.
   *
   * @param records the records, each with its primary key
   * @param fields the fields to write
   * @param batchSize the most rows in one statement, at least 1
   * @return a Future of the number of rows matched; failed as {@link #abulkUpdate(List, Field[])}
   */
  public final Future<Long> abulkUpdate(
      List<T> records, List<? extends Field<T>> fields, int batchSize) {
    if (batchSize < 1) {
      return Future.failedFuture(
          new IllegalArgumentException("batchSize must be at least 1, not " + batchSize));
    }
    return run((db, q) -> Executor.bulkUpdate(db, q, records, fields, batchSize), state.query);
  }

  /**
   * Sets columns on every row: Django's {@code aupdate()}, one UPDATE statement.
   *
   * @param assignments new values: {@code CATEGORY.set("rent"), AMOUNT.set(x)}
   * @return a Future of the number of rows matched; failed with {@link ValidationException} when a
   *     value does not fit its column, {@link IllegalStateException} on a QuerySet with a limit or
   *     offset, as Django refuses to update a slice
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // the List overload only reads the view, and copies it
  public final Future<Long> aupdate(Assignment<T>... assignments) {
    return aupdate(Arrays.asList(assignments));
  }

  /**
   * {@link #aupdate(Assignment[])} with assignments built at run time, such as the fields of a
   * PATCH request.
   *
   * @param assignments new values
   * @return a Future of the number of rows matched; failed as {@link #aupdate(Assignment[])}
   */
  public final Future<Long> aupdate(List<Assignment<T>> assignments) {
    return run((db, q) -> Executor.update(db, q, assignments), state.query);
  }

  /**
   * Deletes the rows: Django's {@code adelete()}. Rows of other models that reference them are
   * deleted too ({@link OnDelete#CASCADE}), set to NULL ({@link OnDelete#SET_NULL}) or protect them
   * ({@link OnDelete#PROTECT}), whether or not the database has {@code ON DELETE} clauses; when
   * there are such rules the statements run in one transaction.
   *
   * @return a Future of the total and per-model counts, cascades included; failed with {@link
   *     ProtectedException} (nothing deleted) when a protected reference exists, {@link
   *     IllegalStateException} on a QuerySet with a limit or offset
   */
  public final Future<DeleteResult> adelete() {
    return run(Executor::delete, state.query);
  }

  /**
   * Gets the row whose {@code lookups} fields equal the template's, or inserts the template:
   * Django's {@code aget_or_create(defaults=..., **kwargs)}. The lookup values come from the
   * template; its other fields are the defaults. Safe under concurrency when the lookup fields are
   * unique: a concurrent insert of the same key makes this call read that row instead.
   *
   * @param template the record to look for, and to insert when there is none
   * @param lookups the fields to look up by (at least one)
   * @return a Future of the row and whether it was created; failed with {@link
   *     MultipleObjectsReturnedException} when several rows match, {@link ValidationException}
   *     (nothing written) when the template must be inserted and a value does not fit its column,
   *     {@link IntegrityException} when a constraint refuses the insert for another reason than a
   *     concurrent insert of the same lookup values
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is copied before it is used
  public final Future<Created<T>> agetOrCreate(T template, Field<T>... lookups) {
    return run(
        (db, q) -> Executor.getOrCreate(db, q, template, Arrays.asList(lookups.clone())),
        state.query);
  }

  /**
   * Updates the row whose {@code lookups} fields equal the template's with the template's other
   * fields, or inserts the template: Django's {@code aupdate_or_create(defaults=..., **kwargs)}.
   * Runs in a transaction and locks the row it updates ({@code SELECT ... FOR UPDATE}). The update
   * never writes the {@code @Id}, nor an {@code @AutoNowAdd} that is null in the template.
   *
   * @param template the values to look up by, write, or insert
   * @param lookups the fields to look up by (at least one)
   * @return a Future of the row as stored and whether it was created; failed with {@link
   *     ValidationException} (nothing written) when a value of the template does not fit its
   *     column, {@link MultipleObjectsReturnedException} when several rows match, {@link
   *     IntegrityException} when a constraint refuses the write
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is copied before it is used
  public final Future<Created<T>> aupdateOrCreate(T template, Field<T>... lookups) {
    return run(
        (db, q) -> Executor.updateOrCreate(db, q, template, Arrays.asList(lookups.clone())),
        state.query);
  }

  // ---------------------------------------------------------------------------------------------
  // Projections and aggregates.

  /**
   * Some fields, expressions and aggregates of the rows instead of records: Django's {@code
   * values(...)}, and with aggregates among them {@code values(...).annotate(...)}, which groups
   * the rows by the other selections. The QuerySet's filters, ordering and slice carry over.
   *
   * <pre>{@code
   * Aggregate<Transaction, BigDecimal> total = AMOUNT.sum();
   * Aggregate<Transaction, Long> count = ID.count();
   * Future<List<ValuesRow<Transaction>>> perCategory =
   *     Transactions.objects(db)
   *         .filter(USER.eq(ann))
   *         .values(CATEGORY, count, total)          // GROUP BY category
   *         .orderBy(total.desc(), CATEGORY.asc())
   *         .aall();
   * // row.get(CATEGORY), row.get(count), row.get(total)
   * }</pre>
   *
   * @param first the first selection
   * @param more the others
   * @return the projection; nothing runs until its {@code aall()}
   * @throws IllegalArgumentException for an enum field, which a projection cannot read yet
   * @throws IllegalStateException after {@code selectForUpdate()}, which locks records
   */
  @SafeVarargs
  public final ValuesQuerySet<T> values(Selection<T, ?> first, Selection<T, ?>... more) {
    if (state.query.lock() != null) {
      throw new IllegalStateException(
          "values() after selectForUpdate(): the rows a projection reads are not locked; lock"
              + " the records with aall() instead");
    }
    List<Selection<T, ?>> selections = new ArrayList<>(more.length + 1);
    selections.add(Objects.requireNonNull(first, "selection"));
    for (Selection<T, ?> selection : more) {
      selections.add(Objects.requireNonNull(selection, "selection"));
    }
    return new ValuesQuerySet<>(state.db, state.query, selections, state.timeout);
  }

  /**
   * One field or expression of each row: Django's {@code values_list(field, flat=True)}. The
   * QuerySet's filters, ordering and slice apply.
   *
   * <pre>{@code
   * Future<List<Long>> ids = Transactions.objects(db).filter(USER.eq(ann)).orderBy(ID.asc())
   *     .avaluesList(ID);
   * }</pre>
   *
   * @param selection the field or expression
   * @param <V> its type
   * @return a Future of the values, in order; NULLs included
   */
  public final <V> Future<List<@Nullable V>> avaluesList(Expression<T, V> selection) {
    try {
      return values(selection).aall(row -> row.get(selection));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * One aggregate over the rows: Django's {@code aggregate(Sum("amount"))}, one query.
   *
   * <pre>{@code
   * Future<Optional<BigDecimal>> spent = Transactions.objects(db).filter(USER.eq(ann))
   *     .aaggregate(AMOUNT.sum());           // empty for no rows
   * Future<Optional<Long>> rows = Transactions.objects(db).aaggregate(ID.count());  // 0, not empty
   * }</pre>
   *
   * <p>A sliced QuerySet aggregates the rows of its slice, as Django does; the ordering matters
   * only then.
   *
   * @param aggregate the aggregate
   * @param <R> its result type
   * @return a Future of the result: empty where Django gives {@code None} (the sum, average,
   *     minimum or maximum of no rows, or of NULLs only); a count is never empty
   */
  public final <R> Future<Optional<R>> aaggregate(Aggregate<T, R> aggregate) {
    if (aggregate == null) {
      return Future.failedFuture(new NullPointerException("aggregate"));
    }
    return aggregates(List.of(aggregate))
        .map(
            rows -> {
              @Nullable R value = rows.get(0).get(aggregate);
              return Optional.ofNullable(value);
            });
  }

  /**
   * Several aggregates over the rows in one query: Django's {@code aggregate(a, b, ...)}. The
   * result is read by the aggregates themselves.
   *
   * <pre>{@code
   * Aggregate<Transaction, BigDecimal> total = AMOUNT.sum();
   * Aggregate<Transaction, BigDecimal> average = AMOUNT.avg();
   * ValuesRow<Transaction> stats = await(qs.aaggregate(total, average));
   * BigDecimal sum = stats.get(total);   // null for no rows
   * }</pre>
   *
   * @param first an aggregate
   * @param second another
   * @param more more
   * @return a Future of the results
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // copied at once, never kept
  public final Future<ValuesRow<T>> aaggregate(
      Aggregate<T, ?> first, Aggregate<T, ?> second, Aggregate<T, ?>... more) {
    List<Aggregate<T, ?>> all = new ArrayList<>(more.length + 2);
    all.add(first);
    all.add(second);
    all.addAll(Arrays.asList(more));
    if (all.contains(null)) {
      return Future.failedFuture(new NullPointerException("aggregate"));
    }
    return aggregates(all).map(rows -> rows.get(0));
  }

  private Future<List<ValuesRow<T>>> aggregates(List<Aggregate<T, ?>> aggregates) {
    try {
      return aggregating(state.db, state.query, aggregates, state.timeout).aall();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /** The projection {@code aaggregate} runs. */
  static <T extends Record> ValuesQuerySet<T> aggregating(
      Database db, Query<T> query, List<Aggregate<T, ?>> aggregates, @Nullable Duration timeout) {
    boolean overSlice = query.sliced();
    // Django drops the ordering of an aggregate, except inside the subquery of a slice.
    Query<T> aggregated = overSlice ? query : query.withOrder(List.of());
    return new ValuesQuerySet<T>(db, aggregated, List.copyOf(aggregates), timeout)
        .aggregateOverSlice(overSlice);
  }

  /**
   * The SQL this QuerySet's terminal methods would run on its database, without running them:
   * Django's {@code print(qs.query)}. Printed, it shows what {@code aall()} runs and the types it
   * binds, never the values; its methods give each other terminal method's statement.
   *
   * <pre>{@code
   * System.out.println(Transactions.objects(db).filter(USER.eq(user)).limit(50).sql());
   * // SELECT "id", ... FROM "transaction" WHERE "user_id" = $1 LIMIT 50  -- binds (Long)
   * }</pre>
   *
   * @return the statements
   * @throws IllegalArgumentException for a {@code Database} that is not from {@link
   *     Database#connect}
   */
  public final QuerySql<T> sql() {
    return new QuerySql<>(state.db, state.query);
  }

  // ---------------------------------------------------------------------------------------------
  // Implementation.

  /**
   * @return the query this QuerySet stands for; for the runtime
   */
  protected final State<T> state() {
    return state;
  }

  /**
   * Runs a terminal operation on this QuerySet's session: the one place where what the engine
   * throws (bad input, a closed database) becomes a failed Future.
   */
  private <X> Future<X> run(Function2<T, X> operation, Query<T> query) {
    try {
      Duration timeout = state.timeout;
      return operation.apply(
          timeout == null ? state.db : Databases.withDeadline(state.db, Deadline.after(timeout)),
          query);
    } catch (RuntimeException | Error e) {
      return Future.failedFuture(e);
    }
  }

  /** A terminal operation of the engine. */
  @FunctionalInterface
  private interface Function2<T extends Record, X> {
    Future<X> apply(Database db, Query<T> query);
  }

  /**
   * The query a QuerySet stands for, and the database it runs on. Immutable; opaque to generated
   * code, which only passes it along.
   *
   * @param <T> the model
   */
  public static final class State<T extends Record> {
    final Database db;
    final Query<T> query;
    final @Nullable Duration timeout;

    State(Database db, Query<T> query) {
      this(db, query, null);
    }

    State(Database db, Query<T> query, @Nullable Duration timeout) {
      this.db = db;
      this.query = query;
      this.timeout = timeout;
    }

    State<T> with(Query<T> newQuery) {
      return new State<>(db, newQuery, timeout);
    }

    @Override
    public String toString() {
      return timeout == null ? query.toString() : query + ", timeout " + timeout;
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + state + "]";
  }
}
