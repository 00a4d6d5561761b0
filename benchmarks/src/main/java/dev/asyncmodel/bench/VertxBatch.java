package dev.asyncmodel.bench;

import dev.asyncmodel.bench.model.Transaction;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.PreparedStatement;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowIterator;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.RowStream;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The batch jobs hand-written on vertx-pg-client, as a careful user would: one {@code Pool} with
 * the prepared-statement cache on, each job in {@code withTransaction}.
 */
final class VertxBatch {
  /** Rows per statement, or per {@code executeBatch}. */
  static final int CHUNK = 1024;

  private static final String COLUMNS =
      "\"user_id\", \"amount\", \"description\", \"category\", \"created_at\"";

  private final Pool pool;
  private final Context context;

  /**
   * @param poolSize the pool's connections
   * @param context the event loop the calls are made from
   */
  VertxBatch(Vertx vertx, PgServer server, int poolSize, Context context) {
    this.pool =
        PgBuilder.pool()
            .with(new PoolOptions().setMaxSize(poolSize))
            .connectingTo(Main.connectOptions(server))
            .using(vertx)
            .build();
    this.context = context;
  }

  /**
   * @param rows the rows of one statement
   * @return {@code INSERT INTO "transaction" (5 columns) VALUES ($1, ..., $5), ... RETURNING "id"}
   */
  static String multiRowInsert(int rows) {
    StringBuilder sql =
        new StringBuilder("INSERT INTO \"transaction\" (").append(COLUMNS).append(") VALUES ");
    for (int r = 0; r < rows; r++) {
      sql.append(r == 0 ? "(" : ", (");
      for (int c = 1; c <= 5; c++) {
        sql.append(c == 1 ? "$" : ", $").append(r * 5 + c);
      }
      sql.append(')');
    }
    return sql.append(" RETURNING \"id\"").toString();
  }

  /**
   * @return multi-row INSERTs of {@link #CHUNK} rows (the last one fewer), one after another, in
   *     {@code withTransaction}
   */
  BulkInsert multiRow() {
    String full = multiRowInsert(CHUNK);
    return new BulkInsert(
        "vertx-multirow",
        "multi-row INSERT ... RETURNING \"id\" of 1,024 rows, the rest in one",
        true,
        rows ->
            BatchJobs.await(
                context,
                () ->
                    inChunks(
                        rows.size(),
                        (conn, ids, at, count) ->
                            conn.preparedQuery(count == CHUNK ? full : multiRowInsert(count))
                                .execute(values(rows, at, count))
                                .map(result -> readIds(result, ids, at, count)))));
  }

  /**
   * @return the single-row INSERT ... RETURNING "id" with {@code executeBatch} of {@link #CHUNK}
   *     rows at a time, in {@code withTransaction}
   */
  BulkInsert batch() {
    String one = multiRowInsert(1);
    return new BulkInsert(
        "vertx-batch",
        "executeBatch of single-row INSERT ... RETURNING \"id\", 1,024 rows per batch",
        true,
        rows ->
            BatchJobs.await(
                context,
                () ->
                    inChunks(
                        rows.size(),
                        (conn, ids, at, count) ->
                            conn.preparedQuery(one)
                                .executeBatch(tuples(rows, at, count))
                                .map(result -> readBatchIds(result, ids, at, count)))));
  }

  private static Object[] row(Transaction t) {
    return new Object[] {
      t.user().id(),
      t.amount(),
      t.description(),
      t.category(),
      t.createdAt().atOffset(ZoneOffset.UTC)
    };
  }

  private static Tuple values(List<Transaction> rows, int from, int count) {
    Object[] values = new Object[count * 5];
    for (int r = 0, v = 0; r < count; r++) {
      Transaction t = rows.get(from + r);
      values[v++] = t.user().id();
      values[v++] = t.amount();
      values[v++] = t.description();
      values[v++] = t.category();
      values[v++] = t.createdAt().atOffset(ZoneOffset.UTC);
    }
    return Tuple.wrap(values);
  }

  private static List<Tuple> tuples(List<Transaction> rows, int from, int count) {
    List<Tuple> tuples = new ArrayList<>(count);
    for (int r = 0; r < count; r++) {
      tuples.add(Tuple.wrap(row(rows.get(from + r))));
    }
    return tuples;
  }

  /** One chunk's statement: it stores rows {@code at .. at + count} and their ids. */
  @FunctionalInterface
  private interface ChunkStep {
    Future<Void> run(SqlConnection conn, long[] ids, int at, int count);
  }

  /** {@code rows} rows, {@link #CHUNK} at a time, one statement after another, in a transaction. */
  private Future<long[]> inChunks(int rows, ChunkStep step) {
    return pool.withTransaction(
        conn -> {
          long[] ids = new long[rows];
          Future<Void> chain = Future.succeededFuture();
          for (int from = 0; from < rows; from += CHUNK) {
            int at = from;
            int count = Math.min(CHUNK, rows - from);
            chain = chain.compose(v -> step.run(conn, ids, at, count));
          }
          return chain.map(v -> ids);
        });
  }

  private static Void readIds(RowSet<Row> result, long[] ids, int from, int count) {
    if (result.size() != count) {
      throw new Data.CheckFailed(
          "an INSERT of " + count + " rows returned " + result.size() + " ids");
    }
    int at = from;
    for (Row row : result) {
      ids[at++] = row.getLong(0);
    }
    return null;
  }

  private static Void readBatchIds(RowSet<Row> result, long[] ids, int from, int count) {
    RowSet<Row> each = result;
    for (int k = 0; k < count; k++) {
      if (each == null) {
        throw new Data.CheckFailed("a batch of " + count + " INSERTs returned " + k + " results");
      }
      RowIterator<Row> it = each.iterator();
      if (!it.hasNext()) {
        throw new Data.CheckFailed("an INSERT of the batch returned no id");
      }
      ids[from + k] = it.next().getLong(0);
      each = each.next();
    }
    return null;
  }

  /**
   * @return a worker's step: in {@code withTransaction}, {@link JobQueue#TAKE}, then {@link
   *     JobQueue#MARK_DONE} of the job taken
   */
  JobQueue.Contender queue() {
    return new JobQueue.Contender(
        "vertx", (JobQueue.AsyncStep) () -> pool.withTransaction(VertxBatch::takeOne));
  }

  private static Future<Long> takeOne(SqlConnection conn) {
    return conn.preparedQuery(JobQueue.TAKE)
        .execute(Tuple.of(JobQueue.QUEUED))
        .compose(
            rows -> {
              RowIterator<Row> it = rows.iterator();
              if (!it.hasNext()) {
                return Future.succeededFuture(0L);
              }
              Transaction job = VertxImpl.map(it.next());
              long id = job.id();
              return conn.preparedQuery(JobQueue.MARK_DONE)
                  .execute(Tuple.of(JobQueue.DONE, id, JobQueue.QUEUED))
                  .map(
                      result -> {
                        Data.checkOneRow("marking job " + id + " done", result.rowCount());
                        return id;
                      });
            });
  }

  /**
   * @param chunk the rows of each read
   * @return in {@code withTransaction}: {@code connection.prepare(StreamJob.SQL)}, then {@code
   *     createStream(chunk, Tuple.tuple())}, each {@code Row} mapped by hand to the record; the
   *     commit once the stream has ended
   */
  StreamJob.Body stream(int chunk) {
    return () ->
        BatchJobs.await(
            context,
            () ->
                pool.withTransaction(
                    conn ->
                        conn.prepare(StreamJob.SQL)
                            .compose(statement -> readAll(statement, chunk))));
  }

  private static Future<StreamJob.Tally> readAll(PreparedStatement statement, int chunk) {
    StreamJob.Tally tally = new StreamJob.Tally();
    Promise<StreamJob.Tally> done = Promise.promise();
    RowStream<Row> rows = statement.createStream(chunk, Tuple.tuple());
    rows.exceptionHandler(done::tryFail)
        .endHandler(v -> done.tryComplete(tally))
        .handler(row -> tally.add(VertxImpl.map(row)));
    return done.future();
  }

  /** Closes its pools and connections. */
  void close() throws Exception {
    pool.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
