package dev.asyncmodel.internal;

import dev.asyncmodel.spi.RowReader;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * A {@link Session} on a Vert.x reactive SQL client: the pool itself, or one connection in a
 * transaction. Statements run as prepared queries, which the client caches per connection.
 */
public final class VertxSession implements Session {
  private final Dialect dialect;
  private final SqlClient client;
  private final Pool pool;
  private final Lifecycle lifecycle;
  private final boolean inTransaction;
  private int savepoints;

  /**
   * A session on a whole pool.
   *
   * @param dialect the pool's dialect
   * @param pool the pool
   * @param lifecycle the database's open/closed state
   */
  public VertxSession(Dialect dialect, Pool pool, Lifecycle lifecycle) {
    this(dialect, pool, pool, lifecycle, false);
  }

  private VertxSession(
      Dialect dialect, SqlClient client, Pool pool, Lifecycle lifecycle, boolean inTransaction) {
    this.dialect = dialect;
    this.client = client;
    this.pool = pool;
    this.lifecycle = lifecycle;
    this.inTransaction = inTransaction;
  }

  @Override
  public Dialect dialect() {
    return dialect;
  }

  @Override
  public boolean inTransaction() {
    return inTransaction;
  }

  private Future<RowSet<Row>> run(Statement statement) {
    IllegalStateException unusable = lifecycle.unusable();
    if (unusable != null) {
      return Future.failedFuture(unusable);
    }
    return client
        .preparedQuery(statement.sql())
        .execute(Tuple.wrap(statement.params()))
        .recover(
            e -> Future.failedFuture(dialect.translate(e, statement.model(), statement.sql())));
  }

  @Override
  public <R> Future<List<R>> select(Statement statement, Function<RowReader, R> mapper) {
    return run(statement)
        .map(
            rows -> {
              List<R> result = new ArrayList<>(rows.size());
              VertxRowReader reader = new VertxRowReader();
              for (Row row : rows) {
                result.add(mapper.apply(reader.at(row)));
              }
              return result;
            });
  }

  @Override
  public Future<Long> update(Statement statement) {
    return run(statement).map(rows -> (long) rows.rowCount());
  }

  @Override
  public Future<Long> insert(Statement statement) {
    return run(statement)
        .map(
            rows -> {
              var it = rows.iterator();
              if (!it.hasNext()) {
                throw new NoSuchElementException("INSERT returned no id: " + statement.sql());
              }
              return it.next().getLong(0);
            });
  }

  @Override
  public <T> Future<T> atomic(Function<Session, Future<T>> block) {
    IllegalStateException unusable = lifecycle.unusable();
    if (unusable != null) {
      return Future.failedFuture(unusable);
    }
    return inTransaction ? savepoint(block) : transaction(block);
  }

  private <T> Future<T> transaction(Function<Session, Future<T>> block) {
    return pool.getConnection()
        .recover(e -> Future.failedFuture(dialect.translate(e, "atomic", "BEGIN")))
        .compose(
            connection ->
                connection
                    .begin()
                    .compose(
                        tx -> {
                          Lifecycle txLife = lifecycle.child();
                          VertxSession inner =
                              new VertxSession(dialect, connection, pool, txLife, true);
                          return Session.call(block, inner)
                              .transform(
                                  outcome -> {
                                    txLife.end();
                                    if (outcome.succeeded()) {
                                      return tx.commit().map(outcome.result());
                                    }
                                    return tx.rollback()
                                        .transform(r -> Future.<T>failedFuture(outcome.cause()));
                                  });
                        })
                    .eventually(connection::close));
  }

  private <T> Future<T> savepoint(Function<Session, Future<T>> block) {
    String name = "asyncmodel_" + (++savepoints);
    SqlConnection connection = (SqlConnection) client;
    return connection
        .query("SAVEPOINT " + name)
        .execute()
        .compose(
            started ->
                Session.call(block, this)
                    .transform(
                        outcome -> {
                          if (outcome.succeeded()) {
                            return connection
                                .query("RELEASE SAVEPOINT " + name)
                                .execute()
                                .map(outcome.result());
                          }
                          return connection
                              .query("ROLLBACK TO SAVEPOINT " + name)
                              .execute()
                              .transform(r -> Future.<T>failedFuture(outcome.cause()));
                        }));
  }
}
