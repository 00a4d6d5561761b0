package dev.asyncmodel.internal;

import dev.asyncmodel.TransactionOptions;
import dev.asyncmodel.spi.RowReader;
import io.vertx.core.Completable;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Session} on a Vert.x reactive SQL client.
 *
 * <p>Outside a transaction, a query ({@link #select}) goes to the read client and a write ({@link
 * #update}, {@link #insert}) to the pool. On PostgreSQL the read client pipelines: it may send a
 * query on a connection before the previous one's result is back. Only reads do, because a plain
 * SELECT never waits for a row lock there, while a write may wait for a transaction to end, and a
 * request pipelined behind it would wait too. {@link #atomic} takes a connection of its own from
 * the pool, which never pipelines, and every statement of the block runs on that connection.
 *
 * <p>Statements run as prepared queries, which the client caches per connection.
 */
public final class VertxSession implements Session {
  /**
   * What differs between the Vert.x clients: the dialect, how a row's values decode, where an
   * INSERT's generated id is, and how a running statement is stopped.
   *
   * @param dialect the SQL dialect
   * @param readers makes a row reader for one result
   * @param generatedId reads the id an INSERT generated
   * @param canceller cancels the statement a connection is running, on the server
   */
  public record Driver(
      Dialect dialect,
      Supplier<RowAdapter> readers,
      Function<RowSet<Row>, Long> generatedId,
      Canceller canceller) {}

  /** Stops the statement a connection is running, from outside that connection. */
  @FunctionalInterface
  public interface Canceller {
    /**
     * @param connection a connection running one statement, not pipelining
     * @return done once the server has been asked; the statement then fails on its connection
     */
    Future<Void> cancel(SqlConnection connection);
  }

  /** Sends a prepared statement somewhere: a client, a connection, or {@link ReadLanes}. */
  @FunctionalInterface
  public interface Runner {
    /**
     * @param sql the statement
     * @param params its values
     * @param done gets the rows or the failure
     */
    void run(String sql, Tuple params, Completable<RowSet<Row>> done);

    /**
     * @param client a pool, a pipelining client or a connection
     * @return a runner that sends each statement to it
     */
    static Runner of(SqlClient client) {
      return (sql, params, done) -> client.preparedQuery(sql).execute(params).onComplete(done);
    }
  }

  /**
   * What every session of one database shares.
   *
   * @param driver the client's differences
   * @param vertx runs the deadlines' timers
   * @param pool runs each write outside a transaction, each statement with a deadline, and lends
   *     each transaction its connection
   * @param reads runs each query outside a transaction: the pool, or {@link ReadLanes}
   * @param queryTimeout the URL's {@code query_timeout}, or null for none
   * @param staleRetries how many times a read outside a transaction runs again after {@link
   *     Dialect#isStaleStatement}: the number of connections it may meet
   * @param admission the bound on statements outside transactions
   */
  public record Shared(
      Driver driver,
      Vertx vertx,
      Pool pool,
      Runner reads,
      Deadline.@Nullable Limit queryTimeout,
      int staleRetries,
      Admission admission) {}

  private final Shared shared;
  private final Dialect dialect;
  private final Runner reads;
  private final Runner writes;
  private final Lifecycle lifecycle;
  private final @Nullable SqlConnection transaction;
  private final @Nullable Deadline deadline;

  /** Inside a transaction: what a cancelled statement leaves for the next one to wait for. */
  private final @Nullable CancelGate gate;

  /**
   * A session on a whole database.
   *
   * @param shared what the database's sessions share
   * @param lifecycle the database's open/closed state
   */
  public VertxSession(Shared shared, Lifecycle lifecycle) {
    this(shared, shared.reads(), Runner.of(shared.pool()), lifecycle, null, null, null);
  }

  private VertxSession(
      Shared shared,
      Runner reads,
      Runner writes,
      Lifecycle lifecycle,
      @Nullable SqlConnection transaction,
      @Nullable Deadline deadline,
      @Nullable CancelGate gate) {
    this.shared = shared;
    this.dialect = shared.driver().dialect();
    this.reads = reads;
    this.writes = writes;
    this.lifecycle = lifecycle;
    this.transaction = transaction;
    this.deadline = deadline;
    this.gate = gate;
  }

  @Override
  public Dialect dialect() {
    return dialect;
  }

  @Override
  public void onCommit(Runnable callback) {
    lifecycle.onCommit(callback);
  }

  @Override
  public boolean inTransaction() {
    return transaction != null;
  }

  @Override
  public @Nullable IllegalStateException unusable() {
    return lifecycle.unusable();
  }

  @Override
  public Session withDeadline(Deadline newDeadline) {
    return new VertxSession(shared, reads, writes, lifecycle, transaction, newDeadline, gate);
  }

  /**
   * Runs a statement and makes the result of its rows, in one step: a failure of the statement
   * becomes asyncmodel's exception, and what {@code finish} throws fails the Future as it is.
   */
  private <X> Future<X> run(
      Runner client, Statement statement, Function<RowSet<Row>, X> finish, boolean read) {
    IllegalStateException unusable = lifecycle.unusable();
    if (unusable != null) {
      return Future.failedFuture(unusable);
    }
    Deadline.Limit limit = Deadline.next(deadline, shared.queryTimeout());
    if (limit != null && limit.millis() == 0) {
      return Future.failedFuture(Deadline.expired(limit.timeout(), statement, false));
    }
    // Outside a transaction, a statement is admitted only while the database has room for it or
    // max_waiting is not reached: past that it fails here, at once.
    Admission admitted = transaction == null ? shared.admission() : null;
    if (admitted != null && !admitted.tryEnter()) {
      return Future.failedFuture(Admission.refused(statement));
    }
    if (limit != null) {
      return timed(statement, finish, read, limit.millis(), limit.timeout(), admitted);
    }
    CancelGate pending = gate;
    return pending != null
        ? pending.after(() -> untimed(client, statement, finish, read, admitted))
        : untimed(client, statement, finish, read, admitted);
  }

  private <X> Future<X> untimed(
      Runner client,
      Statement statement,
      Function<RowSet<Row>, X> finish,
      boolean read,
      @Nullable Admission admitted) {
    // A read outside a transaction runs again when a migration made its cached copy stale: each
    // connection holds its own copy, so as many times as there are connections to meet.
    // A write never runs again: it failed before it was applied, but its caller decides.
    int retries = read && transaction == null ? shared.staleRetries() : 0;
    Completion<X> completion =
        new Completion<>(dialect, statement, finish, client, retries, admitted);
    client.run(statement.sql(), Tuple.wrap(statement.params()), completion);
    return completion.promise.future();
  }

  /**
   * Runs a statement that must be done within {@code millis}: outside a transaction on a connection
   * of its own from the pool (never pipelined, so that a cancel stops this statement and no other),
   * inside one on the transaction's connection.
   */
  private <X> Future<X> timed(
      Statement statement,
      Function<RowSet<Row>, X> finish,
      boolean read,
      long millis,
      Duration timeout,
      @Nullable Admission admitted) {
    int retries = read && transaction == null ? shared.staleRetries() : 0;
    Timed<X> run = new Timed<>(this, statement, finish, timeout, retries);
    if (admitted != null) {
      run.promise.future().onComplete(ignored -> admitted.exit());
    }
    try {
      run.timer = shared.vertx().setTimer(millis, id -> run.expire());
    } catch (RuntimeException e) { // Vert.x closed: the statement is not run
      run.promise.tryFail(e);
      return run.promise.future();
    }
    SqlConnection held = transaction;
    if (held != null) {
      Objects.requireNonNull(gate, "gate")
          .after(() -> Future.succeededFuture())
          .onComplete(v -> run.start(held, false));
    } else {
      shared.pool().getConnection().onComplete(run::acquired);
    }
    return run.promise.future();
  }

  /**
   * One statement under a deadline. Whichever comes first, its result or the timer, completes the
   * Future; a timer that comes first cancels the statement on the server, and the connection goes
   * back to the pool (or the transaction goes on) only after the statement has stopped and the
   * cancel has been sent, so that the cancel cannot reach a later statement.
   */
  private static final class Timed<X> implements Completable<RowSet<Row>> {
    final Promise<X> promise = Promise.promise();
    private final VertxSession session;
    private final Statement statement;
    private final Function<RowSet<Row>, X> finish;
    private final Duration timeout;
    private int retries;
    long timer;
    private @Nullable SqlConnection connection;
    private boolean owned;
    private boolean done;
    private boolean finished;

    /** Sent once the cancel is: set under the lock when the deadline passes a running statement. */
    private @Nullable Promise<Void> cancelling;

    /** Completed when the statement's result, or failure, has come back. */
    private final Promise<Void> ended = Promise.promise();

    Timed(
        VertxSession session,
        Statement statement,
        Function<RowSet<Row>, X> finish,
        Duration timeout,
        int retries) {
      this.session = session;
      this.statement = statement;
      this.finish = finish;
      this.timeout = timeout;
      this.retries = retries;
    }

    /** The pool lent a connection, or could not. */
    void acquired(@Nullable SqlConnection lent, @Nullable Throwable failure) {
      if (failure != null) {
        boolean first;
        synchronized (this) {
          first = !done;
          done = true;
        }
        if (first) {
          session.shared.vertx().cancelTimer(timer);
          promise.fail(session.dialect.translate(failure, statement.model(), statement.sql()));
        }
        return;
      }
      SqlConnection connection = Objects.requireNonNull(lent, "connection");
      boolean late;
      synchronized (this) {
        late = done;
      }
      if (late) {
        connection.close(); // the deadline passed while it waited: nothing was sent
        return;
      }
      start(connection, true);
    }

    void start(SqlConnection on, boolean own) {
      synchronized (this) {
        if (done) {
          if (own) {
            on.close();
          }
          return;
        }
        connection = on;
        owned = own;
      }
      send(on);
    }

    private void send(SqlConnection on) {
      on.preparedQuery(statement.sql()).execute(Tuple.wrap(statement.params())).onComplete(this);
    }

    /** The statement's result, whether or not the deadline passed first. */
    @Override
    public void complete(@Nullable RowSet<Row> rows, @Nullable Throwable failure) {
      SqlConnection on;
      synchronized (this) {
        on = connection;
        if (failure != null
            && !done
            && retries > 0
            && on != null
            && session.dialect.isStaleStatement(failure)) {
          retries--; // the client dropped its stale copy: prepared again, on the same connection
        } else {
          on = null;
        }
      }
      if (on != null) {
        send(on);
        return;
      }
      boolean first;
      Future<Void> cancel;
      synchronized (this) {
        finished = true;
        first = !done;
        done = true;
        cancel = cancelling == null ? null : cancelling.future();
        on = connection;
      }
      ended.tryComplete();
      session.shared.vertx().cancelTimer(timer);
      if (owned && on != null) {
        SqlConnection release = on;
        if (cancel == null) {
          release.close();
        } else {
          cancel.onComplete(v -> release.close());
        }
      }
      if (first) {
        deliver(promise, session.dialect, statement, finish, rows, failure);
      }
    }

    /** The deadline passed. */
    void expire() {
      SqlConnection running;
      Promise<Void> sent = Promise.promise();
      synchronized (this) {
        if (done) {
          return;
        }
        done = true;
        running = finished ? null : connection;
        if (running != null) {
          cancelling = sent;
        }
      }
      if (running != null) {
        CancelGate pending = session.gate;
        if (pending != null) {
          // The transaction's next statement (its ROLLBACK, most often) waits until the cancelled
          // one has stopped, so that the cancel cannot reach it.
          pending.hold(Future.join(sent.future(), ended.future()).mapEmpty());
        }
        session
            .shared
            .driver()
            .canceller()
            .cancel(running)
            // A cancel that could not be sent: the statement ends by itself.
            .onComplete(v -> sent.tryComplete());
      }
      promise.fail(Deadline.expired(timeout, statement, running != null));
    }
  }

  /**
   * Inside a transaction, the cancelled statements not yet stopped: a statement issued meanwhile
   * waits for them. Also numbers the transaction's savepoints, for every session on it.
   */
  private static final class CancelGate {
    private Future<Void> pending = Future.succeededFuture();
    private int savepoints;

    synchronized int nextSavepoint() {
      return ++savepoints;
    }

    synchronized void hold(Future<Void> stopped) {
      pending = Future.join(pending, stopped).mapEmpty();
    }

    <T> Future<T> after(Supplier<Future<T>> next) {
      Future<Void> waitFor;
      synchronized (this) {
        waitFor = pending;
      }
      return waitFor.isComplete() ? next.get() : waitFor.transform(ignored -> next.get());
    }
  }

  /**
   * Completes a statement's Future from the driver's result: one listener, where {@code map} and
   * {@code recover} would each add a stage to every request.
   */
  private static final class Completion<X> implements Completable<RowSet<Row>> {
    final Promise<X> promise = Promise.promise();
    private final Dialect dialect;
    private final Statement statement;
    private final Function<RowSet<Row>, X> finish;
    private final Runner client;
    private int retries;
    private final @Nullable Admission admitted;

    Completion(
        Dialect dialect,
        Statement statement,
        Function<RowSet<Row>, X> finish,
        Runner client,
        int retries,
        @Nullable Admission admitted) {
      this.dialect = dialect;
      this.statement = statement;
      this.finish = finish;
      this.client = client;
      this.retries = retries;
      this.admitted = admitted;
    }

    @Override
    public void complete(@Nullable RowSet<Row> rows, @Nullable Throwable failure) {
      if (failure != null && retries > 0 && dialect.isStaleStatement(failure)) {
        retries--;
        client.run(statement.sql(), Tuple.wrap(statement.params()), this);
        return;
      }
      if (admitted != null) {
        admitted.exit();
      }
      deliver(promise, dialect, statement, finish, rows, failure);
    }
  }

  /**
   * Completes a statement's Future from the driver's result: a failure of the statement becomes
   * asyncmodel's exception, and what {@code finish} throws fails the Future as it is.
   */
  private static <X> void deliver(
      Promise<X> promise,
      Dialect dialect,
      Statement statement,
      Function<RowSet<Row>, X> finish,
      @Nullable RowSet<Row> rows,
      @Nullable Throwable failure) {
    if (failure != null) {
      promise.fail(dialect.translate(failure, statement.model(), statement.sql()));
      return;
    }
    X result;
    try {
      result = finish.apply(Objects.requireNonNull(rows, "rows"));
    } catch (RuntimeException | Error e) {
      promise.fail(e);
      return;
    }
    promise.complete(result);
  }

  /**
   * The pool's options from a URL: its size and the bounds of its wait queue.
   *
   * @param url the URL
   * @return the options
   */
  public static PoolOptions poolOptions(ConnectionUrl url) {
    ConnectionUrl.Limits limits = url.limits();
    return new PoolOptions()
        .setMaxSize(url.poolSize())
        .setMaxWaitQueueSize(limits.maxWaiting())
        .setConnectionTimeout((int) limits.acquireTimeoutMillis())
        .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
  }

  /**
   * The TCP options from a URL: how long opening a connection may take.
   *
   * @param url the URL
   * @return the options
   */
  public static NetClientOptions transport(ConnectionUrl url) {
    return new NetClientOptions().setConnectTimeout((int) url.limits().connectTimeoutMillis());
  }

  @Override
  public <R, X> Future<X> select(
      Statement statement, Function<RowReader, R> mapper, Function<List<R>, X> finish) {
    return run(reads, statement, rows -> finish.apply(map(rows, mapper)), true);
  }

  @Override
  public <R, X> Future<X> writeReturning(
      Statement statement, Function<RowReader, R> mapper, Function<List<R>, X> finish) {
    return run(writes, statement, rows -> finish.apply(map(rows, mapper)), false);
  }

  private <R> List<R> map(RowSet<Row> rows, Function<RowReader, R> mapper) {
    List<R> result = new ArrayList<>(rows.size());
    RowAdapter reader = shared.driver().readers().get();
    for (Row row : rows) {
      result.add(mapper.apply(reader.at(row)));
    }
    return result;
  }

  @Override
  public <R> ChunkSource<R> stream(
      Statement statement, Function<RowReader, R> mapper, int chunkSize) {
    return new CursorSource<>(this, statement, mapper, chunkSize);
  }

  /**
   * A query read through a cursor ({@code Cursor.read(n)}: PostgreSQL's portal, MySQL's {@code
   * COM_STMT_FETCH}), on the transaction's connection or on one of its own from the pool, in a
   * transaction of its own where the database keeps cursors only inside one (PostgreSQL).
   */
  private static final class CursorSource<R> implements ChunkSource<R> {
    private final VertxSession session;
    private final Statement statement;
    private final Function<RowReader, R> mapper;
    private final int chunkSize;
    private @Nullable SqlConnection connection;
    private boolean owned;
    private boolean began;
    private io.vertx.sqlclient.@Nullable Cursor cursor;

    /** The statement the cursor runs: prepared for this stream, closed with it. */
    private io.vertx.sqlclient.@Nullable PreparedStatement prepared;

    CursorSource(
        VertxSession session, Statement statement, Function<RowReader, R> mapper, int chunkSize) {
      this.session = session;
      this.statement = statement;
      this.mapper = mapper;
      this.chunkSize = chunkSize;
    }

    @Override
    public Future<Chunk<R>> next() {
      // A stream read after its atomic block ended would read on a connection the pool has lent
      // to someone else.
      IllegalStateException unusable = session.lifecycle.unusable();
      if (unusable != null) {
        return Future.failedFuture(unusable);
      }
      io.vertx.sqlclient.Cursor open = cursor;
      Future<io.vertx.sqlclient.Cursor> ready =
          open != null ? Future.succeededFuture(open) : open();
      // The driver's failures become asyncmodel's; what the row mapper throws fails as it is.
      // Inside a transaction, a read waits for a cancelled statement to have stopped, so that the
      // cancel cannot reach it.
      CancelGate pending = session.gate;
      return ready
          .compose(
              c -> pending == null ? c.read(chunkSize) : pending.after(() -> c.read(chunkSize)))
          .recover(
              e ->
                  Future.failedFuture(
                      session.dialect.translate(e, statement.model(), statement.sql())))
          .map(
              rows ->
                  new Chunk<>(
                      session.map(rows, mapper),
                      !Objects.requireNonNull(cursor, "cursor").hasMore()));
    }

    private Future<io.vertx.sqlclient.Cursor> open() {
      SqlConnection held = session.transaction;
      Future<SqlConnection> lent;
      if (held != null) {
        CancelGate pending = Objects.requireNonNull(session.gate, "gate");
        lent = pending.after(() -> Future.succeededFuture(held));
      } else {
        owned = true;
        lent =
            session
                .shared
                .pool()
                .getConnection()
                .compose(
                    c -> {
                      connection = c;
                      if (!session.dialect.cursorNeedsTransaction()) {
                        return Future.succeededFuture(c);
                      }
                      began = true;
                      return c.query("BEGIN").execute().map(c);
                    });
      }
      return lent.compose(
          c -> {
            connection = c;
            return c.prepare(statement.sql())
                .map(
                    ps -> {
                      prepared = ps;
                      io.vertx.sqlclient.Cursor opened = ps.cursor(Tuple.wrap(statement.params()));
                      cursor = opened;
                      return opened;
                    });
          });
    }

    @Override
    public Future<Void> close(boolean completed) {
      io.vertx.sqlclient.Cursor open = cursor;
      io.vertx.sqlclient.PreparedStatement statementOpen = prepared;
      SqlConnection on = connection;
      cursor = null;
      prepared = null;
      connection = null;
      Future<Void> closing =
          open == null ? Future.succeededFuture() : open.close().otherwiseEmpty();
      if (statementOpen != null) {
        // Prepared for this stream, outside the client's cache: left open, it would stay on the
        // pooled connection (and count against MySQL's max_prepared_stmt_count) for good.
        closing = closing.compose(v -> statementOpen.close().otherwiseEmpty());
      }
      if (began && on != null) {
        String end = completed ? "COMMIT" : "ROLLBACK";
        closing = closing.compose(v -> on.query(end).execute().<Void>mapEmpty().otherwiseEmpty());
      }
      if (owned && on != null) {
        closing = closing.eventually(on::close);
      }
      return closing.otherwiseEmpty();
    }
  }

  @Override
  public <R, X> Future<X> selectByName(
      Statement statement,
      Function<List<String>, Function<RowReader, R>> mappers,
      Function<List<R>, X> finish) {
    return run(
        reads,
        statement,
        rows -> {
          Function<RowReader, R> mapper = mappers.apply(rows.columnsNames());
          List<R> result = new ArrayList<>(rows.size());
          RowAdapter reader = shared.driver().readers().get();
          for (Row row : rows) {
            result.add(mapper.apply(reader.at(row)));
          }
          return finish.apply(result);
        },
        true);
  }

  @Override
  public <X> Future<X> update(Statement statement, Function<Long, X> finish) {
    return run(writes, statement, rows -> finish.apply((long) rows.rowCount()), false);
  }

  @Override
  public <X> Future<X> insert(Statement statement, Function<Long, X> finish) {
    return run(
        writes, statement, rows -> finish.apply(shared.driver().generatedId().apply(rows)), false);
  }

  @Override
  public <T> Future<T> atomic(TransactionOptions options, Function<Session, Future<T>> block) {
    IllegalStateException unusable = lifecycle.unusable();
    if (unusable != null) {
      return Future.failedFuture(unusable);
    }
    if (transaction != null) {
      TransactionProtocol.checkSavepointOptions(options);
      return savepoint(block);
    }
    return transaction(options, block);
  }

  private <T> Future<T> transaction(
      TransactionOptions options, Function<Session, Future<T>> block) {
    return shared
        .pool()
        .getConnection()
        .recover(e -> Future.failedFuture(dialect.translate(e, "atomic", "BEGIN")))
        .compose(
            connection -> {
              CancelGate cancels = new CancelGate();
              return TransactionProtocol.transaction(
                      sql -> cancels.after(() -> connection.query(sql).execute().mapEmpty()),
                      dialect,
                      options,
                      lifecycle,
                      life ->
                          new VertxSession(
                              shared,
                              Runner.of(connection),
                              Runner.of(connection),
                              life,
                              connection,
                              deadline,
                              cancels),
                      block)
                  .eventually(connection::close);
            });
  }

  private <T> Future<T> savepoint(Function<Session, Future<T>> block) {
    SqlConnection connection = Objects.requireNonNull(transaction, "transaction");
    CancelGate cancels = Objects.requireNonNull(gate, "gate");
    return TransactionProtocol.savepoint(
        sql -> cancels.after(() -> connection.query(sql).execute().mapEmpty()),
        "asyncmodel_" + cancels.nextSavepoint(),
        this,
        lifecycle.transactionHooks(),
        block);
  }
}
