package dev.asyncmodel.internal.sqlite;

import dev.asyncmodel.TransactionOptions;
import dev.asyncmodel.internal.Admission;
import dev.asyncmodel.internal.ChunkSource;
import dev.asyncmodel.internal.Deadline;
import dev.asyncmodel.internal.Dialect;
import dev.asyncmodel.internal.Lifecycle;
import dev.asyncmodel.internal.Session;
import dev.asyncmodel.internal.Statement;
import dev.asyncmodel.internal.TransactionProtocol;
import dev.asyncmodel.spi.RowReader;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Session} on SQLite through JDBC, every call on the store's worker pool. Outside a
 * transaction a read takes a reader connection and a write takes the writer lock for one statement;
 * inside one, every statement runs on the writer connection the transaction holds, one after
 * another in the order the block issued them.
 */
final class SqliteSession implements Session {
  private final SqliteStore store;
  private final Lifecycle lifecycle;

  /** The transaction's connection, or null outside a transaction. */
  private final @Nullable Connection tx;

  /** Orders a transaction's statements, the protocol's included: each waits for the one before. */
  private final Sequence order;

  /** When the statements must be done by, or null for the URL's query_timeout. */
  private final @Nullable Deadline deadline;

  SqliteSession(SqliteStore store, Lifecycle lifecycle) {
    this(store, lifecycle, null, new Sequence(), null);
  }

  private SqliteSession(
      SqliteStore store,
      Lifecycle lifecycle,
      @Nullable Connection tx,
      Sequence order,
      @Nullable Deadline deadline) {
    this.store = store;
    this.lifecycle = lifecycle;
    this.tx = tx;
    this.order = order;
    this.deadline = deadline;
  }

  @Override
  public Session withDeadline(Deadline newDeadline) {
    return new SqliteSession(store, lifecycle, tx, order, newDeadline);
  }

  /** A transaction's statements, one after another in the order they were issued. */
  private static final class Sequence {
    private Future<?> last = Future.succeededFuture();
    private int savepoints;

    /** Savepoints are numbered per transaction, whichever session of it makes one. */
    synchronized int nextSavepoint() {
      return ++savepoints;
    }

    synchronized <T> Future<T> next(Supplier<Future<T>> statement) {
      Future<T> result = last.transform(previous -> statement.get());
      last = result;
      return result;
    }
  }

  @Override
  public Dialect dialect() {
    return SqliteDialect.INSTANCE;
  }

  @Override
  public void onCommit(Runnable callback) {
    lifecycle.onCommit(callback);
  }

  @Override
  public boolean inTransaction() {
    return tx != null;
  }

  @Override
  public @Nullable IllegalStateException unusable() {
    return lifecycle.unusable();
  }

  /** Something to run with a connection on a worker thread. */
  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private <T> Future<T> run(Statement statement, boolean write, Work<T> work) {
    IllegalStateException unusable = lifecycle.unusable();
    if (unusable != null) {
      return Future.failedFuture(unusable);
    }
    Deadline.Limit limit = Deadline.next(deadline, store.queryTimeout());
    if (limit != null && limit.millis() == 0) {
      return Future.failedFuture(Deadline.expired(limit.timeout(), statement, false));
    }
    if (tx != null) {
      return bounded(statement, write, work, limit);
    }
    // Outside a transaction, a statement is admitted only while max_waiting is not reached.
    Admission admission = store.admission();
    if (!admission.tryEnter()) {
      return Future.failedFuture(Admission.refused(statement));
    }
    Future<T> result = bounded(statement, write, work, limit);
    result.onComplete(ignored -> admission.exit());
    return result;
  }

  /** Runs the statement within {@code limit}, if any. */
  private <T> Future<T> bounded(
      Statement statement, boolean write, Work<T> work, Deadline.@Nullable Limit limit) {
    return limit == null
        ? untimed(statement, write, work)
        : timed(statement, write, work, limit.millis(), limit.timeout());
  }

  /**
   * Runs a statement that must be done within {@code millis}. Past it the Future fails; a statement
   * still waiting for a connection or the write lock is never run, and one running is interrupted
   * ({@code sqlite3_interrupt}), which stops it between two steps and rolls back its changes.
   */
  private <T> Future<T> timed(
      Statement statement, boolean write, Work<T> work, long millis, Duration timeout) {
    // Inside a transaction a running statement is not interrupted: SQLite would roll the whole
    // transaction back and go on in autocommit. It finishes; the Future fails at the deadline.
    Interrupt interrupt = new Interrupt(tx == null);
    Promise<T> promise = Promise.promise();
    Vertx vertx = store.vertx();
    long timer =
        vertx.setTimer(
            millis,
            id -> {
              boolean running = interrupt.expire();
              promise.tryFail(
                  running && tx != null
                      ? Deadline.expiredInTransaction(timeout, statement)
                      : Deadline.expired(timeout, statement, running));
            });
    untimed(statement, write, connection -> interrupt.run(connection, work))
        .onComplete(
            (value, failure) -> {
              vertx.cancelTimer(timer);
              if (failure != null) {
                promise.tryFail(failure);
              } else {
                promise.tryComplete(value);
              }
            });
    return promise.future();
  }

  /** Stops one statement's work when its deadline passes. */
  private static final class Interrupt {
    private final boolean allowed;
    private @Nullable Connection running;
    private boolean expired;

    Interrupt(boolean allowed) {
      this.allowed = allowed;
    }

    <T> T run(Connection connection, Work<T> work) throws SQLException {
      synchronized (this) {
        if (expired) {
          throw new SQLException("The deadline passed before the statement could start");
        }
        running = connection;
      }
      try {
        return work.run(connection);
      } finally {
        synchronized (this) {
          running = null;
        }
      }
    }

    /**
     * @return whether a statement was running: interrupted, unless inside a transaction
     */
    synchronized boolean expire() {
      expired = true;
      Connection connection = running;
      if (connection == null) {
        return false;
      }
      if (!allowed) {
        return true;
      }
      // A Statement's cancel() is sqlite3_interrupt() on its connection: safe from any thread,
      // and it stops whatever the connection is running.
      try (java.sql.Statement handle = connection.createStatement()) {
        handle.cancel();
      } catch (SQLException e) {
        // The statement ends by itself; the Future has failed already.
      }
      return true;
    }
  }

  private <T> Future<T> untimed(Statement statement, boolean write, Work<T> work) {
    Future<T> result;
    Connection held = tx;
    if (held != null) {
      result = order.next(() -> store.blocking(() -> work.run(held)));
    } else if (write || store.readsUseWriter()) {
      result = store.writerLock().with(() -> store.blocking(() -> work.run(store.writer())));
    } else {
      result =
          store.blocking(
              () -> {
                Connection reader = store.borrowReader();
                try {
                  return work.run(reader);
                } finally {
                  store.release(reader);
                }
              });
    }
    return translated(result, statement);
  }

  /**
   * The database's errors become asyncmodel's; what the mapping code threw fails as it is, as on
   * the Vert.x clients.
   */
  private <T> Future<T> translated(Future<T> result, Statement statement) {
    return result.recover(
        e ->
            Future.failedFuture(
                e instanceof SQLException
                    ? dialect().translate(e, statement.model(), statement.sql())
                    : e));
  }

  private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      ps.setObject(i + 1, params.get(i));
    }
  }

  @Override
  public <R, X> Future<X> select(
      Statement statement, Function<RowReader, R> mapper, Function<List<R>, X> finish) {
    return selectByName(statement, names -> mapper, finish);
  }

  @Override
  public <R, X> Future<X> writeReturning(
      Statement statement, Function<RowReader, R> mapper, Function<List<R>, X> finish) {
    return query(statement, true, names -> mapper, finish);
  }

  @Override
  public <R> ChunkSource<R> stream(
      Statement statement, Function<RowReader, R> mapper, int chunkSize) {
    return new ResultSetSource<>(statement, mapper, chunkSize);
  }

  /**
   * A query read a chunk at a time from an open JDBC result set, each chunk on the worker pool: on
   * the transaction's connection, else on a connection of its own, opened for the stream and closed
   * with it (the writer, under its lock, for an in-memory database).
   */
  private final class ResultSetSource<R> implements ChunkSource<R> {
    private final Statement statement;
    private final Function<RowReader, R> mapper;
    private final int chunkSize;
    private @Nullable Connection reader;
    private @Nullable PreparedStatement prepared;
    private @Nullable ResultSet rows;
    private @Nullable Promise<Void> writerHeld;
    private boolean opened;

    ResultSetSource(Statement statement, Function<RowReader, R> mapper, int chunkSize) {
      this.statement = statement;
      this.mapper = mapper;
      this.chunkSize = chunkSize;
    }

    /** Runs JDBC work on the worker pool: after the transaction's earlier statements, if any. */
    private <T> Future<T> task(Work<T> work) {
      Connection held = tx;
      Future<T> result =
          held != null
              ? order.next(() -> store.blocking(() -> work.run(held)))
              : store.blocking(() -> work.run(Objects.requireNonNull(reader, "reader")));
      return translated(result, statement);
    }

    @Override
    public Future<Chunk<R>> next() {
      // After its atomic block ended, the transaction's connection is another block's.
      IllegalStateException unusable = lifecycle.unusable();
      if (unusable != null) {
        return Future.failedFuture(unusable);
      }
      if (opened) {
        return task(this::read);
      }
      opened = true;
      Future<Void> connected;
      if (tx != null) {
        connected = Future.succeededFuture();
      } else if (store.readsUseWriter()) {
        // One connection: held, under the writer lock, until the stream closes.
        Promise<Void> acquired = Promise.promise();
        Promise<Void> held = Promise.promise();
        writerHeld = held;
        store
            .writerLock()
            .with(
                () -> {
                  acquired.complete();
                  return held.future();
                })
            .onFailure(acquired::tryFail); // the lock was not had in time
        connected =
            acquired
                .future()
                .compose(v -> store.blocking(store::writer))
                .map(
                    writer -> {
                      reader = writer;
                      return null;
                    });
      } else {
        connected =
            store
                .blocking(store::openForStream)
                .map(
                    own -> {
                      reader = own;
                      return null;
                    });
      }
      return connected.compose(
          v ->
              task(
                  connection -> {
                    PreparedStatement ps = connection.prepareStatement(statement.sql());
                    prepared = ps;
                    ps.setFetchSize(chunkSize);
                    bind(ps, statement.params());
                    rows = ps.executeQuery();
                    return read(connection);
                  }));
    }

    private Chunk<R> read(Connection connection) throws SQLException {
      ResultSet rs = Objects.requireNonNull(rows, "rows");
      int columns = rs.getMetaData().getColumnCount();
      List<R> chunk = new ArrayList<>(Math.min(chunkSize, 1_024));
      SqliteRowReader row = new SqliteRowReader();
      while (chunk.size() < chunkSize) {
        if (!rs.next()) {
          return new Chunk<>(chunk, true);
        }
        @Nullable Object[] values = new Object[columns];
        for (int c = 0; c < columns; c++) {
          values[c] = rs.getObject(c + 1);
        }
        chunk.add(mapper.apply(row.at(values)));
      }
      return new Chunk<>(chunk, false);
    }

    @Override
    public Future<Void> close(boolean completed) {
      if (!opened || (tx == null && reader == null)) {
        Promise<Void> held = writerHeld;
        if (held != null) {
          held.tryComplete();
        }
        return Future.succeededFuture();
      }
      return task(connection -> {
            try {
              if (rows != null) {
                rows.close();
              }
              if (prepared != null) {
                prepared.close();
              }
            } finally {
              rows = null;
              prepared = null;
              Connection own = reader;
              reader = null;
              if (own != null && writerHeld == null) {
                own.close();
              }
            }
            return (Void) null;
          })
          .<Void>mapEmpty()
          .otherwiseEmpty()
          .onComplete(
              v -> {
                Promise<Void> held = writerHeld;
                if (held != null) {
                  held.tryComplete();
                }
              });
    }
  }

  @Override
  public <R, X> Future<X> selectByName(
      Statement statement,
      Function<List<String>, Function<RowReader, R>> mappers,
      Function<List<R>, X> finish) {
    return query(statement, false, mappers, finish);
  }

  /** Runs a statement whose rows come back: a query, or a write with RETURNING. */
  private <R, X> Future<X> query(
      Statement statement,
      boolean write,
      Function<List<String>, Function<RowReader, R>> mappers,
      Function<List<R>, X> finish) {
    Future<List<R>> mapped =
        run(
            statement,
            write,
            connection -> {
              try (PreparedStatement ps = connection.prepareStatement(statement.sql())) {
                bind(ps, statement.params());
                try (ResultSet rs = ps.executeQuery()) {
                  ResultSetMetaData meta = rs.getMetaData();
                  int columns = meta.getColumnCount();
                  List<String> names = new ArrayList<>(columns);
                  for (int c = 1; c <= columns; c++) {
                    names.add(meta.getColumnLabel(c));
                  }
                  Function<RowReader, R> mapper = mappers.apply(names);
                  List<R> rows = new ArrayList<>();
                  SqliteRowReader reader = new SqliteRowReader();
                  while (rs.next()) {
                    @Nullable Object[] values = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                      values[c] = rs.getObject(c + 1);
                    }
                    rows.add(mapper.apply(reader.at(values)));
                  }
                  return rows;
                }
              }
            });
    return mapped.map(finish);
  }

  @Override
  public <X> Future<X> update(Statement statement, Function<Long, X> finish) {
    Future<Long> matched =
        run(
            statement,
            true,
            connection -> {
              try (PreparedStatement ps = connection.prepareStatement(statement.sql())) {
                bind(ps, statement.params());
                return (long) ps.executeUpdate();
              }
            });
    return matched.map(finish);
  }

  @Override
  public <X> Future<X> insert(Statement statement, Function<Long, X> finish) {
    Future<Long> generated =
        run(
            statement,
            true,
            connection -> {
              try (PreparedStatement ps = connection.prepareStatement(statement.sql())) {
                bind(ps, statement.params());
                ps.executeUpdate();
              }
              // The writer connection is ours until this task ends: no other insert can come
              // between.
              try (PreparedStatement id =
                      connection.prepareStatement("SELECT last_insert_rowid()");
                  ResultSet rs = id.executeQuery()) {
                rs.next();
                return rs.getLong(1);
              }
            });
    return generated.map(finish);
  }

  private Future<Void> execute(Connection connection, String sql) {
    return store.blocking(
        () -> {
          try (java.sql.Statement s = connection.createStatement()) {
            s.execute(sql);
          }
          return null;
        });
  }

  /** The protocol's view of a transaction's connection: in the order of its statements. */
  private TransactionProtocol.Control control(Connection connection, Sequence sequence) {
    return new TransactionProtocol.Control() {
      @Override
      public Future<Void> execute(String sql) {
        return sequence.next(() -> SqliteSession.this.execute(connection, sql));
      }

      @Override
      public Future<Void> drained() {
        return sequence.next(Future::succeededFuture);
      }
    };
  }

  @Override
  public <T> Future<T> atomic(TransactionOptions options, Function<Session, Future<T>> block) {
    IllegalStateException unusable = lifecycle.unusable();
    if (unusable != null) {
      return Future.failedFuture(unusable);
    }
    Connection held = tx;
    if (held != null) {
      TransactionProtocol.checkSavepointOptions(options);
      return TransactionProtocol.savepoint(
          control(held, order),
          "asyncmodel_" + order.nextSavepoint(),
          this,
          lifecycle.transactionHooks(),
          block);
    }
    // The writer lock is held from BEGIN until the block's Future and the COMMIT or ROLLBACK are
    // done: every other write waits for it, on no thread.
    return store
        .writerLock()
        .with(
            () ->
                store
                    .blocking(store::writer)
                    .recover(e -> Future.failedFuture(dialect().translate(e, "atomic", "BEGIN")))
                    .compose(
                        connection -> {
                          Sequence sequence = new Sequence();
                          return TransactionProtocol.transaction(
                              control(connection, sequence),
                              dialect(),
                              options,
                              lifecycle,
                              life ->
                                  new SqliteSession(store, life, connection, sequence, deadline),
                              block);
                        }));
  }
}
