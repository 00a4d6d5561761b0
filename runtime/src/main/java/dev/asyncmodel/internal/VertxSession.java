package dev.asyncmodel.internal;

import dev.asyncmodel.TransactionOptions;
import dev.asyncmodel.spi.RowReader;
import io.vertx.core.Completable;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
   * What differs between the Vert.x clients: the dialect, how a row's values decode, and where an
   * INSERT's generated id is.
   *
   * @param dialect the SQL dialect
   * @param readers makes a row reader for one result
   * @param generatedId reads the id an INSERT generated
   */
  public record Driver(
      Dialect dialect, Supplier<RowAdapter> readers, Function<RowSet<Row>, Long> generatedId) {}

  private final Driver driver;
  private final Dialect dialect;
  private final SqlClient reads;
  private final SqlClient writes;
  private final Pool pool;
  private final Lifecycle lifecycle;
  private final boolean inTransaction;
  private int savepoints;

  /**
   * A session on a whole database.
   *
   * @param driver the client's differences
   * @param reads runs each query outside a transaction: the pool, or a pipelining client
   * @param pool runs each write outside a transaction, and lends each transaction its connection
   * @param lifecycle the database's open/closed state
   */
  public VertxSession(Driver driver, SqlClient reads, Pool pool, Lifecycle lifecycle) {
    this(driver, reads, pool, pool, lifecycle, false);
  }

  private VertxSession(
      Driver driver,
      SqlClient reads,
      SqlClient writes,
      Pool pool,
      Lifecycle lifecycle,
      boolean inTransaction) {
    this.driver = driver;
    this.dialect = driver.dialect();
    this.reads = reads;
    this.writes = writes;
    this.pool = pool;
    this.lifecycle = lifecycle;
    this.inTransaction = inTransaction;
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
    return inTransaction;
  }

  /**
   * Runs a statement and makes the result of its rows, in one step: a failure of the statement
   * becomes asyncmodel's exception, and what {@code finish} throws fails the Future as it is.
   */
  private <X> Future<X> run(
      SqlClient client, Statement statement, Function<RowSet<Row>, X> finish) {
    IllegalStateException unusable = lifecycle.unusable();
    if (unusable != null) {
      return Future.failedFuture(unusable);
    }
    Completion<X> completion = new Completion<>(dialect, statement, finish);
    client
        .preparedQuery(statement.sql())
        .execute(Tuple.wrap(statement.params()))
        .onComplete(completion);
    return completion.promise.future();
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

    Completion(Dialect dialect, Statement statement, Function<RowSet<Row>, X> finish) {
      this.dialect = dialect;
      this.statement = statement;
      this.finish = finish;
    }

    @Override
    public void complete(@Nullable RowSet<Row> rows, @Nullable Throwable failure) {
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
  }

  @Override
  public <R, X> Future<X> select(
      Statement statement, Function<RowReader, R> mapper, Function<List<R>, X> finish) {
    return run(
        reads,
        statement,
        rows -> {
          List<R> result = new ArrayList<>(rows.size());
          RowAdapter reader = driver.readers().get();
          for (Row row : rows) {
            result.add(mapper.apply(reader.at(row)));
          }
          return finish.apply(result);
        });
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
          RowAdapter reader = driver.readers().get();
          for (Row row : rows) {
            result.add(mapper.apply(reader.at(row)));
          }
          return finish.apply(result);
        });
  }

  @Override
  public <X> Future<X> update(Statement statement, Function<Long, X> finish) {
    return run(writes, statement, rows -> finish.apply((long) rows.rowCount()));
  }

  @Override
  public <X> Future<X> insert(Statement statement, Function<Long, X> finish) {
    return run(writes, statement, rows -> finish.apply(driver.generatedId().apply(rows)));
  }

  @Override
  public <T> Future<T> atomic(TransactionOptions options, Function<Session, Future<T>> block) {
    IllegalStateException unusable = lifecycle.unusable();
    if (unusable != null) {
      return Future.failedFuture(unusable);
    }
    if (inTransaction) {
      TransactionProtocol.checkSavepointOptions(options);
      return savepoint(block);
    }
    return transaction(options, block);
  }

  private <T> Future<T> transaction(
      TransactionOptions options, Function<Session, Future<T>> block) {
    return pool.getConnection()
        .recover(e -> Future.failedFuture(dialect.translate(e, "atomic", "BEGIN")))
        .compose(
            connection ->
                TransactionProtocol.transaction(
                        sql -> connection.query(sql).execute().mapEmpty(),
                        dialect,
                        options,
                        lifecycle,
                        life -> new VertxSession(driver, connection, connection, pool, life, true),
                        block)
                    .eventually(connection::close));
  }

  private <T> Future<T> savepoint(Function<Session, Future<T>> block) {
    SqlConnection connection = (SqlConnection) writes;
    return TransactionProtocol.savepoint(
        sql -> connection.query(sql).execute().mapEmpty(),
        "asyncmodel_" + (++savepoints),
        this,
        lifecycle.transactionHooks(),
        block);
  }
}
