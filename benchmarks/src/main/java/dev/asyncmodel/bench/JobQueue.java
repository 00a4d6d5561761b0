package dev.asyncmodel.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The SKIP LOCKED job queue ({@link BatchJobs}). The queue is the {@code transaction} table: each
 * job a row whose category is {@code 'queued'}. Every worker loops: in one transaction, it takes
 * the first queued row that no other transaction has locked ({@code FOR UPDATE SKIP LOCKED}), marks
 * it done with an {@code UPDATE} that must match that one row, and commits. A worker stops when it
 * finds no row, which happens only when every job left is locked by another worker that will commit
 * it.
 */
final class JobQueue {
  private JobQueue() {}

  /** The category of a job waiting. */
  static final String QUEUED = "queued";

  /** The category of a job done. */
  static final String DONE = "done";

  /**
   * The index the take query runs on: {@code Meta.indexes = [Index(fields=["category", "id"])]}.
   * Without it, the query would read the done rows from the start of the table on every take.
   */
  static final String INDEX = "transaction_queue_idx";

  /** The hand-written take: the same statement asyncmodel sends. */
  static final String TAKE =
      "SELECT "
          + VertxImpl.COLUMNS
          + " FROM \"transaction\" WHERE \"category\" = $1 ORDER BY \"id\" ASC LIMIT 1"
          + " FOR UPDATE SKIP LOCKED";

  /** The hand-written mark: matches no row when the job is not queued any more. */
  static final String MARK_DONE =
      "UPDATE \"transaction\" SET \"category\" = $1 WHERE \"id\" = $2 AND \"category\" = $3";

  /** A worker's one step: one transaction. */
  sealed interface Step permits AsyncStep, BlockingStep {}

  /** A step of an async worker: the workers run on one event loop. */
  @FunctionalInterface
  non-sealed interface AsyncStep extends Step {
    /**
     * @return the id of the job taken and marked done, after the commit; 0 when no job was left
     */
    Future<Long> takeOne();
  }

  /** A step of a blocking worker: each worker is a thread. */
  @FunctionalInterface
  non-sealed interface BlockingStep extends Step {
    /**
     * @return the id of the job taken and marked done, after the commit; 0 when no job was left
     * @throws Exception when the transaction failed or marked no row
     */
    long takeOne() throws Exception;
  }

  /**
   * @param name its name in the table
   * @param step what each of its workers does in a loop
   */
  record Contender(String name, Step step) {}

  /** Creates the take query's index (the bulk insert runs without it). */
  static void createIndex(Connection admin) throws SQLException {
    try (Statement s = admin.createStatement()) {
      s.execute(
          "CREATE INDEX IF NOT EXISTS \"" + INDEX + "\" ON \"transaction\" (\"category\", \"id\")");
    }
  }

  /**
   * Empties the table and fills it with {@code jobs} queued rows, ids 1 to {@code jobs} (not
   * timed). Then {@code VACUUM}, without {@code ANALYZE}: see {@link #checkPlan}.
   */
  static void fill(Connection admin, int jobs) throws SQLException {
    BulkInsert.truncate(admin);
    try (PreparedStatement s =
        admin.prepareStatement(
            "INSERT INTO \"transaction\""
                + " (\"id\", \"user_id\", \"amount\", \"description\", \"category\", \"created_at\")"
                + " SELECT g, (g - 1) % ? + 1, ((g * 7919) % 100000) / 100.0, 'job ' || g, ?,"
                + " timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute'"
                + " FROM generate_series(1, ?) g")) {
      s.setInt(1, Data.USERS);
      s.setString(2, QUEUED);
      s.setInt(3, jobs);
      s.executeUpdate();
    }
    try (Statement s = admin.createStatement()) {
      s.execute("VACUUM \"transaction\"");
    }
  }

  /**
   * Checks that the take query runs on {@link #INDEX}, with the plan PostgreSQL caches for a
   * prepared statement (generic) and with a plan for the value (custom). The table is never
   * analyzed: statistics taken when every row is queued would tell the planner that reading the
   * primary key in order finds a queued row at once, which is true only for the first job; the done
   * rows then pile up at the start of that order, and each take would read past all of them.
   *
   * @return the generic plan's scan, for the log
   * @throws Data.CheckFailed when a plan does not use the index
   */
  static String checkPlan(Connection admin) throws SQLException {
    String scan = null;
    try (Statement s = admin.createStatement()) {
      s.execute("PREPARE bench_take(text) AS " + TAKE);
      try {
        for (String mode : new String[] {"force_generic_plan", "force_custom_plan"}) {
          s.execute("SET plan_cache_mode = " + mode);
          List<String> plan = new ArrayList<>();
          try (ResultSet rs = s.executeQuery("EXPLAIN EXECUTE bench_take('" + QUEUED + "')")) {
            while (rs.next()) {
              plan.add(rs.getString(1).trim());
            }
          }
          String uses = null;
          for (String line : plan) {
            if (line.contains(INDEX)) {
              uses = line.replaceAll("^-> *", "").replaceAll(" +\\(cost=.*", "");
            }
          }
          if (uses == null) {
            throw new Data.CheckFailed(
                "the take query does not use " + INDEX + " (" + mode + "): " + plan);
          }
          if (scan == null) {
            scan = uses;
          }
        }
      } finally {
        s.execute("RESET plan_cache_mode");
        s.execute("DEALLOCATE bench_take");
      }
    }
    return scan;
  }

  /**
   * Runs {@code workers} workers of {@code contender} until the queue is empty: timed from the
   * start of the first worker to the moment the last one found no job left.
   *
   * @param jobs the jobs queued
   * @param context the event loop the async workers run on
   * @param database the benchmark's database, for the server's CPU time
   * @param errors where failures go; a worker stops at its first
   * @return the run: the jobs taken, and each one's time from the start of its transaction to its
   *     commit
   */
  static BatchRun drain(
      Contender contender,
      int workers,
      int jobs,
      Context context,
      String database,
      ClosedLoop.Errors errors)
      throws Exception {
    Taken taken = new Taken(contender.name(), jobs, errors);
    Lane[] lanes = new Lane[workers];
    for (int i = 0; i < workers; i++) {
      lanes[i] = new Lane();
    }
    CountDownLatch done = new CountDownLatch(workers);
    BatchRun.Meter meter;
    List<Thread> threads = new ArrayList<>();
    if (contender.step() instanceof AsyncStep step) {
      meter = BatchRun.start(database);
      for (Lane lane : lanes) {
        context.runOnContext(v -> next(step, lane, taken, done));
      }
    } else {
      BlockingStep step = (BlockingStep) contender.step();
      CountDownLatch gate = new CountDownLatch(1);
      for (int i = 0; i < workers; i++) {
        Lane lane = lanes[i];
        Thread thread =
            new Thread(
                () -> loop(step, lane, taken, gate, done), "jobs-" + contender.name() + "-" + i);
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
      }
      meter = BatchRun.start(database);
      gate.countDown();
    }
    if (!done.await(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException(contender.name() + ": job queue not drained in 10 minutes");
    }
    int count = 0;
    for (Lane lane : lanes) {
      count += lane.count;
    }
    long[] latencies = new long[count];
    int at = 0;
    for (Lane lane : lanes) {
      System.arraycopy(lane.latencies, 0, latencies, at, lane.count);
      at += lane.count;
    }
    BatchRun run = meter.stop(count, latencies);
    for (Thread thread : threads) {
      thread.join();
    }
    return run;
  }

  /** The next job of an async worker, on the event loop; the worker ends at an empty queue. */
  private static void next(AsyncStep step, Lane lane, Taken taken, CountDownLatch done) {
    long start = System.nanoTime();
    Future<Long> job;
    try {
      job = step.takeOne();
    } catch (RuntimeException e) {
      taken.failed(e);
      done.countDown();
      return;
    }
    job.onComplete(
        result -> {
          if (result.failed()) {
            taken.failed(result.cause());
            done.countDown();
          } else if (result.result() == 0) {
            done.countDown();
          } else {
            lane.add(System.nanoTime() - start);
            taken.took(result.result());
            next(step, lane, taken, done);
          }
        });
  }

  /** A blocking worker's thread: after the gate opens, jobs until the queue is empty. */
  private static void loop(
      BlockingStep step, Lane lane, Taken taken, CountDownLatch gate, CountDownLatch done) {
    try {
      gate.await();
      while (true) {
        long start = System.nanoTime();
        long id = step.takeOne();
        if (id == 0) {
          return;
        }
        lane.add(System.nanoTime() - start);
        taken.took(id);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      taken.failed(e);
    } catch (Exception e) {
      taken.failed(e);
    } finally {
      done.countDown();
    }
  }

  /**
   * Checks the table after a run (not timed): every job done, none queued, and the workers took
   * each job exactly once (a second take of a job is an error as soon as it happens).
   *
   * @param run the run, whose {@code rows} are the jobs the workers took
   * @throws Data.CheckFailed when a job was not done exactly once
   */
  static void verify(Connection admin, int jobs, BatchRun run) throws SQLException {
    if (run.rows() != jobs) {
      throw new Data.CheckFailed("the workers took " + run.rows() + " jobs of " + jobs);
    }
    try (PreparedStatement s =
        admin.prepareStatement(
            "SELECT count(*) FILTER (WHERE \"category\" = ?),"
                + " count(*) FILTER (WHERE \"category\" = ?), count(*) FROM \"transaction\"")) {
      s.setString(1, DONE);
      s.setString(2, QUEUED);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        long done = rs.getLong(1);
        long queued = rs.getLong(2);
        long all = rs.getLong(3);
        if (done != jobs || queued != 0 || all != jobs) {
          throw new Data.CheckFailed(
              "after the run: " + done + " done, " + queued + " queued, " + all + " rows");
        }
      }
    }
  }

  /** The ids the workers took: each at most once. */
  private static final class Taken {
    private final String name;
    private final AtomicIntegerArray times;
    private final ClosedLoop.Errors errors;

    Taken(String name, int jobs, ClosedLoop.Errors errors) {
      this.name = name;
      this.times = new AtomicIntegerArray(jobs + 1);
      this.errors = errors;
    }

    void took(long id) {
      if (id < 1 || id >= times.length()) {
        failed(new Data.CheckFailed("took job " + id + ", which was never queued"));
      } else if (times.getAndIncrement((int) id) != 0) {
        failed(new Data.CheckFailed("took job " + id + " a second time"));
      }
    }

    void failed(Throwable e) {
      errors.add(name + " / job queue", e);
    }
  }

  /** One worker's latencies, each its own: no sharing between threads. */
  private static final class Lane {
    long[] latencies = new long[1024];
    int count;

    void add(long nanos) {
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = nanos;
    }
  }
}
