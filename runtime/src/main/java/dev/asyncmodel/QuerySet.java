package dev.asyncmodel;

import dev.asyncmodel.internal.Databases;
import dev.asyncmodel.internal.Dialect;
import dev.asyncmodel.internal.Session;
import dev.asyncmodel.internal.SqlBuffer;
import dev.asyncmodel.internal.Statement;
import dev.asyncmodel.spi.ModelMeta;
import dev.asyncmodel.spi.Validation;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
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
 * @param <T> the model
 * @param <Q> the generated subclass, which every chain method returns
 */
public abstract class QuerySet<T extends Record, Q extends QuerySet<T, Q>> {
  /** Django's {@code MAX_GET_RESULTS}: how many rows {@code aget} reads to report a count. */
  private static final int MAX_GET_RESULTS = 21;

  private final State<T> state;

  /**
   * For generated code: all rows of the model.
   *
   * @param model the model
   * @param db where the query runs
   */
  protected QuerySet(ModelMeta<T> model, Database db) {
    this(new State<>(model, Objects.requireNonNull(db, "db"), List.of(), List.of(), -1, 0));
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
    return copy(state.withWhere(and(state.where, conditions)));
  }

  /**
   * Rows not matching all the conditions together: Django's {@code exclude()}, {@code NOT (a AND
   * b)}. Rows where a tested column is NULL are kept, as in Django.
   *
   * @param conditions conditions, ANDed, then negated
   * @return a new QuerySet
   */
  @SafeVarargs
  public final Q exclude(Condition<T>... conditions) {
    if (conditions.length == 0) {
      return copy(state);
    }
    List<Condition<T>> parts = new ArrayList<>(conditions.length);
    for (Condition<T> condition : conditions) {
      parts.add(Objects.requireNonNull(condition, "condition"));
    }
    Condition<T> all = parts.size() == 1 ? parts.get(0) : new Junction<>(false, parts);
    List<Condition<T>> where = new ArrayList<>(state.where);
    where.add(new Negation<>(all));
    return copy(state.withWhere(List.copyOf(where)));
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
      order.add(Objects.requireNonNull(ordering, "ordering"));
    }
    return copy(state.withOrder(List.copyOf(order)));
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
    return copy(state.withSlice(n, state.offset));
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
    return copy(state.withSlice(state.limit, n));
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
    try {
      Session session = session();
      ModelMeta<T> model = state.model;
      return session.select(
          select(session.dialect(), state.order, state.limit, state.offset, false), model::read);
    } catch (RuntimeException | Error e) {
      return Future.failedFuture(e);
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
    try {
      State<T> s = conditions.length == 0 ? state : state.withWhere(and(state.where, conditions));
      return get(session(), s, false);
    } catch (RuntimeException | Error e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * The first row in this QuerySet's order, or by primary key when it has none: Django's {@code
   * afirst()}.
   *
   * @return a Future of the row, or empty when there is none
   */
  public final Future<Optional<T>> afirst() {
    try {
      List<Ordering<T>> order =
          state.order.isEmpty() ? List.of(state.model.primaryKey().asc()) : state.order;
      return firstRow(order);
    } catch (RuntimeException | Error e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * The last row in this QuerySet's order, or by primary key when it has none: Django's {@code
   * alast()}. It reverses the ordering and reads one row.
   *
   * @return a Future of the row, or empty when there is none; failed with {@link
   *     IllegalStateException} on a QuerySet with a limit or offset, which cannot be reversed
   */
  public final Future<Optional<T>> alast() {
    try {
      if (state.sliced()) {
        throw new IllegalStateException(
            "Cannot reverse a query once a slice has been taken: alast() after limit/offset");
      }
      List<Ordering<T>> order = new ArrayList<>(state.order.size());
      for (Ordering<T> ordering : state.order) {
        order.add(ordering.reversed());
      }
      if (order.isEmpty()) {
        order.add(state.model.primaryKey().desc());
      }
      return firstRow(order);
    } catch (RuntimeException | Error e) {
      return Future.failedFuture(e);
    }
  }

  private Future<Optional<T>> firstRow(List<Ordering<T>> order) {
    Session session = session();
    int limit = state.limit < 0 ? 1 : Math.min(state.limit, 1);
    return session.select(
        select(session.dialect(), order, limit, state.offset, false),
        state.model::read,
        rows -> rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0)));
  }

  /**
   * The number of rows: Django's {@code acount()}. A limit and offset are respected.
   *
   * @return a Future of the count
   */
  public final Future<Long> acount() {
    try {
      Session session = session();
      return session.select(
          count(session.dialect()),
          row -> Objects.requireNonNull(row.getLong(0)),
          rows -> rows.get(0));
    } catch (RuntimeException | Error e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * Whether there is any row: Django's {@code aexists()}. A limit and offset are respected.
   *
   * @return a Future of {@code true} when at least one row matches
   */
  public final Future<Boolean> aexists() {
    try {
      Session session = session();
      return session.select(exists(session.dialect()), row -> 1, rows -> !rows.isEmpty());
    } catch (RuntimeException | Error e) {
      return Future.failedFuture(e);
    }
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
    try {
      return insert(session(), record);
    } catch (RuntimeException | Error e) {
      return Future.failedFuture(e);
    }
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
    try {
      if (assignments.isEmpty()) {
        throw new IllegalArgumentException("aupdate needs at least one assignment");
      }
      if (state.sliced()) {
        throw new IllegalStateException(
            "Cannot update a query once a slice has been taken: aupdate() after limit/offset");
      }
      List<Assignment<T>> list = new ArrayList<>(assignments.size());
      List<FieldError> errors = new ArrayList<>(0);
      for (Assignment<T> assignment : assignments) {
        list.add(Objects.requireNonNull(assignment, "assignment"));
        FieldError error = Validation.check(assignment.field(), assignment.value(), false);
        if (error != null) {
          errors.add(error);
        }
      }
      if (!errors.isEmpty()) {
        throw new ValidationException(state.model.name(), errors);
      }
      Session session = session();
      return session.update(update(session.dialect(), state, list));
    } catch (RuntimeException | Error e) {
      return Future.failedFuture(e);
    }
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
    try {
      if (state.sliced()) {
        throw new IllegalStateException(
            "Cannot use limit or offset with adelete(): delete by a filter instead");
      }
      Session session = session();
      Deletion deletion = Deletion.plan(session.dialect(), state);
      return deletion.steps().size() == 1 ? deletion.run(session) : session.atomic(deletion::run);
    } catch (RuntimeException | Error e) {
      return Future.failedFuture(e);
    }
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
  public final Future<Created<T>> agetOrCreate(T template, Field<T>... lookups) {
    List<Field<T>> keys = new ArrayList<>(lookups.length);
    for (Field<T> field : lookups) {
      keys.add(field);
    }
    try {
      State<T> lookup = lookupState(template, keys);
      Session session = session();
      return getOrCreate(session, lookup, template, false);
    } catch (RuntimeException | Error e) {
      return Future.failedFuture(e);
    }
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
  public final Future<Created<T>> aupdateOrCreate(T template, Field<T>... lookups) {
    List<Field<T>> keys = new ArrayList<>(lookups.length);
    for (Field<T> field : lookups) {
      keys.add(field);
    }
    try {
      State<T> lookup = lookupState(template, keys);
      List<FieldError> errors = state.model.validate(template);
      if (!errors.isEmpty()) {
        throw new ValidationException(state.model.name(), errors);
      }
      return session()
          .atomic(
              tx ->
                  getOrCreate(tx, lookup, template, true)
                      .compose(
                          found ->
                              found.created()
                                  ? Future.succeededFuture(found)
                                  : updateFound(tx, found.object(), template, keys)));
    } catch (RuntimeException | Error e) {
      return Future.failedFuture(e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Implementation.

  /**
   * @return the query this QuerySet stands for; for the runtime
   */
  protected final State<T> state() {
    return state;
  }

  /** {@code where} and then {@code more}, as one immutable list. */
  private static <T extends Record> List<Condition<T>> and(
      List<Condition<T>> where, Condition<T>[] more) {
    if (more.length == 0) {
      return where;
    }
    if (where.isEmpty() && more.length == 1) {
      return List.of(Objects.requireNonNull(more[0], "condition"));
    }
    @SuppressWarnings("unchecked") // holds only Condition<T>s
    Condition<T>[] all = (Condition<T>[]) new Condition<?>[where.size() + more.length];
    for (int i = 0; i < where.size(); i++) {
      all[i] = where.get(i);
    }
    for (int i = 0; i < more.length; i++) {
      all[where.size() + i] = Objects.requireNonNull(more[i], "condition");
    }
    return List.of(all);
  }

  private Session session() {
    return Databases.session(state.db);
  }

  private Future<T> get(Session session, State<T> s, boolean forUpdate) {
    return selectOne(
        session,
        s,
        forUpdate,
        rows -> {
          if (rows.isEmpty()) {
            throw new DoesNotExistException(s.model.name());
          }
          return rows.get(0);
        });
  }

  /**
   * Reads at most {@value #MAX_GET_RESULTS} rows of {@code s}, refuses more than one as Django's
   * {@code get()} does, and makes the result of the one row or none.
   */
  private <X> Future<X> selectOne(
      Session session, State<T> s, boolean forUpdate, Function<List<T>, X> finish) {
    int limit = s.limit < 0 ? MAX_GET_RESULTS : Math.min(s.limit, MAX_GET_RESULTS);
    // Django drops the ordering of an unsliced get(): the database need not sort.
    List<Ordering<T>> order = s.sliced() ? s.order : List.of();
    return session.select(
        Sql.select(session.dialect(), s, order, limit, s.offset, forUpdate),
        s.model::read,
        rows -> {
          if (rows.size() > 1) {
            throw new MultipleObjectsReturnedException(
                s.model.name(), rows.size(), MAX_GET_RESULTS - 1);
          }
          return finish.apply(rows);
        });
  }

  private Future<Created<T>> getOrCreate(
      Session session, State<T> lookup, T template, boolean forUpdate) {
    return selectOne(
            session,
            lookup,
            forUpdate,
            rows -> rows.isEmpty() ? null : new Created<>(rows.get(0), false))
        .compose(
            found ->
                found != null
                    ? Future.succeededFuture(found)
                    : create(session, lookup, template, forUpdate));
  }

  /** The insert of get-or-create, once the lookup found no row. */
  private Future<Created<T>> create(
      Session session, State<T> lookup, T template, boolean forUpdate) {
    // In a transaction a failed INSERT would abort it: a savepoint confines the failure.
    Future<T> inserted =
        session.inTransaction()
            ? session.atomic(tx -> insert(tx, template))
            : insert(session, template);
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

  private Future<Created<T>> updateFound(Session tx, T found, T template, List<Field<T>> lookups) {
    ModelMeta<T> model = state.model;
    @Nullable Object[] stored = model.values(found);
    @Nullable Object[] wanted = model.values(template);
    List<Assignment<T>> assignments = new ArrayList<>();
    for (Field<T> field : model.fields()) {
      int i = field.spec().index();
      boolean skip =
          field.spec().primaryKey()
              || lookups.contains(field)
              || (field.spec().autoNowAdd() && wanted[i] == null);
      if (!skip) {
        assignments.add(Assignment.of(field, wanted[i]));
        stored[i] = exact(field, wanted[i]);
      }
    }
    T updated = model.create(stored);
    if (assignments.isEmpty()) {
      return Future.succeededFuture(new Created<>(updated, false));
    }
    State<T> byId =
        new State<>(
            model,
            state.db,
            List.of(Lookup.of(model.primaryKey(), Op.EQ, model.idOf(found))),
            List.of(),
            -1,
            0);
    return tx.update(update(tx.dialect(), byId, assignments))
        .map(n -> new Created<>(updated, false));
  }

  private State<T> lookupState(T template, List<Field<T>> lookups) {
    Objects.requireNonNull(template, "template");
    if (lookups.isEmpty()) {
      throw new IllegalArgumentException("Name at least one field to look up by");
    }
    @Nullable Object[] values = state.model.values(template);
    List<Condition<T>> where = new ArrayList<>(state.where);
    for (Field<T> field : lookups) {
      Objects.requireNonNull(field, "lookup field");
      Object value = values[field.spec().index()];
      where.add(value == null ? field.isNull(true) : new Lookup<>(field, Op.EQ, List.of(value)));
    }
    return state.withWhere(List.copyOf(where));
  }

  private Future<T> insert(Session session, T record) {
    ModelMeta<T> model = state.model;
    Dialect dialect = session.dialect();
    @Nullable Object[] values = model.values(record);
    List<FieldError> errors = model.validate(record);
    if (!errors.isEmpty()) {
      throw new ValidationException(model.name(), errors);
    }
    Field<T> pk = model.primaryKey();
    boolean explicitId = values[pk.spec().index()] != null;
    List<Object> params = new ArrayList<>(values.length);
    for (Field<T> field : model.fields()) {
      int i = field.spec().index();
      if (field.spec().autoNowAdd() && values[i] == null) {
        values[i] = now(field);
      }
      if (field == pk && !explicitId) {
        continue;
      }
      values[i] = exact(field, values[i]);
      params.add(dialect.encode(field.spec(), field.columnValue(values[i])));
    }
    Shape shape = Shape.probe(model, Shape.INSERT);
    if (explicitId) {
      shape.add(Shape.EXPLICIT_ID);
    }
    String sql = dialect.cached(shape);
    if (sql == null) {
      SqlBuffer buffer = new SqlBuffer(dialect);
      buffer.append("INSERT INTO ").quoted(model.table()).append(" (");
      boolean first = true;
      for (Field<T> field : model.fields()) {
        if (field == pk && !explicitId) {
          continue;
        }
        buffer.append(first ? "" : ", ").quoted(field.column());
        first = false;
      }
      buffer.append(") VALUES (");
      for (int i = 0; i < params.size(); i++) {
        buffer.append(i == 0 ? "" : ", ").param();
      }
      buffer.append(")");
      if (dialect.supportsReturning()) {
        buffer.append(" RETURNING ").quoted(pk.column());
      }
      sql = dialect.cache(shape.key(), buffer.toString());
    }
    return session.insert(
        new Statement(sql, params, model.name()),
        id -> {
          values[pk.spec().index()] = id;
          return model.create(values);
        });
  }

  /**
   * The value as the column stores it: a decimal at its column's scale, a time to the microsecond
   * (what every backend keeps, as Python's datetime). Call it after {@link Validation}, which
   * refuses a decimal that scaling would round.
   */
  static @Nullable Object exact(Field<?> field, @Nullable Object value) {
    if (value instanceof BigDecimal decimal && decimal.scale() != field.spec().decimalPlaces()) {
      return decimal.setScale(field.spec().decimalPlaces(), RoundingMode.UNNECESSARY);
    }
    if (value instanceof Instant instant && instant.getNano() % 1000 != 0) {
      return instant.truncatedTo(ChronoUnit.MICROS);
    }
    if (value instanceof OffsetDateTime time && time.getNano() % 1000 != 0) {
      return time.truncatedTo(ChronoUnit.MICROS);
    }
    if (value instanceof LocalDateTime time && time.getNano() % 1000 != 0) {
      return time.truncatedTo(ChronoUnit.MICROS);
    }
    if (value instanceof LocalTime time && time.getNano() % 1000 != 0) {
      return time.truncatedTo(ChronoUnit.MICROS);
    }
    return value;
  }

  /** Django's {@code timezone.now()}, at the precision every backend stores: microseconds. */
  private static Object now(Field<?> field) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    return switch (field.spec().type()) {
      case INSTANT -> now;
      case OFFSET_DATE_TIME -> OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
      case LOCAL_DATE_TIME -> LocalDateTime.ofInstant(now, ZoneOffset.UTC);
      case LOCAL_DATE -> LocalDate.ofInstant(now, ZoneOffset.UTC);
      default ->
          throw new IllegalStateException("@AutoNowAdd on a " + field.spec().type() + " column");
    };
  }

  private Statement select(
      Dialect dialect, List<Ordering<T>> order, int limit, int offset, boolean forUpdate) {
    return Sql.select(dialect, state, order, limit, offset, forUpdate);
  }

  private Statement count(Dialect dialect) {
    return Sql.count(dialect, state);
  }

  private Statement exists(Dialect dialect) {
    return Sql.exists(dialect, state);
  }

  private static <T extends Record> Statement update(
      Dialect dialect, State<T> s, List<Assignment<T>> assignments) {
    return Sql.update(dialect, s, assignments);
  }

  /**
   * The query a QuerySet stands for: model, database, conditions, ordering, slice. Immutable;
   * opaque to generated code, which only passes it along.
   *
   * @param <T> the model
   */
  public static final class State<T extends Record> {
    final ModelMeta<T> model;
    final Database db;
    final List<Condition<T>> where;
    final List<Ordering<T>> order;
    final int limit;
    final int offset;

    /** The lists must be immutable: they are kept, not copied. */
    State(
        ModelMeta<T> model,
        Database db,
        List<Condition<T>> where,
        List<Ordering<T>> order,
        int limit,
        int offset) {
      this.model = model;
      this.db = db;
      this.where = where;
      this.order = order;
      this.limit = limit;
      this.offset = offset;
    }

    State<T> withWhere(List<Condition<T>> newWhere) {
      return new State<>(model, db, newWhere, order, limit, offset);
    }

    State<T> withOrder(List<Ordering<T>> newOrder) {
      return new State<>(model, db, where, newOrder, limit, offset);
    }

    State<T> withSlice(int newLimit, int newOffset) {
      return new State<>(model, db, where, order, newLimit, newOffset);
    }

    boolean sliced() {
      return limit >= 0 || offset > 0;
    }

    @Override
    public String toString() {
      return model.name()
          + " where "
          + where.size()
          + " conditions, order "
          + order
          + (limit >= 0 ? ", limit " + limit : "")
          + (offset > 0 ? ", offset " + offset : "");
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + state + "]";
  }
}
