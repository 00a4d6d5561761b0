package dev.asyncmodel.bench;

import static dev.asyncmodel.bench.model.Transactions.CATEGORY;
import static dev.asyncmodel.bench.model.Transactions.ID;

import dev.asyncmodel.Database;
import dev.asyncmodel.RowLock;
import dev.asyncmodel.bench.model.Transaction;
import dev.asyncmodel.bench.model.Transactions;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The batch jobs as a user writes them with asyncmodel: the generated QuerySets, nothing else. */
final class AsyncmodelBatch {
  private final Database db;
  private final Context context;

  /**
   * @param url asyncmodel's URL of the benchmark's database
   * @param context the event loop the calls are made from
   */
  AsyncmodelBatch(Vertx vertx, String url, Context context) {
    this.db = Database.connect(vertx, url);
    this.context = context;
  }

  /**
   * @return {@code abulkCreate}: it runs its statements in a transaction of its own
   */
  BulkInsert bulkInsert() {
    return new BulkInsert(
        "asyncmodel",
        "abulkCreate: INSERT ... SELECT * FROM unnest(an array per column) RETURNING \"id\", 1,024"
            + " rows a statement",
        true,
        rows ->
            BatchJobs.await(
                context,
                () ->
                    Transactions.objects(db)
                        .abulkCreate(rows)
                        .map(
                            stored -> {
                              long[] ids = new long[stored.size()];
                              for (int i = 0; i < ids.length; i++) {
                                ids[i] = stored.get(i).id();
                              }
                              return ids;
                            })));
  }

  /**
   * @return a worker's step: in {@code atomic}, the first queued job with {@code selectForUpdate
   *     (SKIP_LOCKED)}, then {@code aupdate} of that job, still queued, to done
   */
  JobQueue.Contender queue() {
    return new JobQueue.Contender("asyncmodel", (JobQueue.AsyncStep) this::takeOne);
  }

  private Future<Long> takeOne() {
    return db.atomic(
        tx ->
            Transactions.objects(tx)
                .filter(CATEGORY.eq(JobQueue.QUEUED))
                .orderBy(ID.asc())
                .limit(1)
                .selectForUpdate(RowLock.SKIP_LOCKED)
                .aall()
                .compose(jobs -> jobs.isEmpty() ? Future.succeededFuture(0L) : markDone(tx, jobs)));
  }

  private static Future<Long> markDone(Database tx, List<Transaction> jobs) {
    long id = jobs.get(0).id();
    return Transactions.objects(tx)
        .filter(ID.eq(id), CATEGORY.eq(JobQueue.QUEUED))
        .aupdate(CATEGORY.set(JobQueue.DONE))
        .map(
            n -> {
              Data.checkOneRow("marking job " + id + " done", n);
              return id;
            });
  }

  /**
   * @param chunk the rows of each read
   * @return {@code Transactions.objects(db).orderBy(ID.asc()).aiterator(chunk)}, consumed with a
   *     handler (flowing mode), called on the event loop
   * @throws IllegalStateException when that QuerySet's SQL is not {@link StreamJob#SQL}, which the
   *     other contenders send
   */
  StreamJob.Body stream(int chunk) {
    String sql = Transactions.objects(db).orderBy(ID.asc()).sql().all().text();
    if (!sql.equals(StreamJob.SQL)) {
      throw new IllegalStateException(
          "asyncmodel streams `" + sql + "`, the other contenders `" + StreamJob.SQL + "`");
    }
    return () ->
        BatchJobs.await(
            context,
            () -> {
              StreamJob.Tally tally = new StreamJob.Tally();
              Promise<StreamJob.Tally> done = Promise.promise();
              Transactions.objects(db)
                  .orderBy(ID.asc())
                  .aiterator(chunk)
                  .exceptionHandler(done::tryFail)
                  .endHandler(v -> done.tryComplete(tally))
                  .handler(tally::add);
              return done.future();
            });
  }

  /**
   * @param rows how many
   * @return {@code aall()} of the first {@code rows} rows in id order
   */
  List<Transaction> firstRows(int rows) throws Exception {
    return BatchJobs.await(
        context, () -> Transactions.objects(db).orderBy(ID.asc()).limit(rows).aall());
  }

  /**
   * Runs an empty task on the event loop and waits for it: then no frame of the event loop's thread
   * still refers to the objects of the call before.
   */
  void idle() throws Exception {
    BatchJobs.await(context, () -> Future.<Void>succeededFuture());
  }

  /** Closes its pools and connections. */
  void close() throws Exception {
    db.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
