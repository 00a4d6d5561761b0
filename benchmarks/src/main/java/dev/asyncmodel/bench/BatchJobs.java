package dev.asyncmodel.bench;

import dev.asyncmodel.bench.model.Transaction;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The batch jobs ({@code jobs}, the first argument): what a whole job takes, not one request.
 *
 * <ul>
 *   <li>A bulk insert: the same 100,000 new transactions stored by each contender in one
 *       transaction, timed from the call to the commit ({@link BulkInsert}).
 *   <li>A SKIP LOCKED job queue: 32 workers take and mark done 20,000 queued rows, one transaction
 *       each ({@link JobQueue}).
 *   <li>Streaming: 1,000,000 rows read in id order through a cursor, 1,000 at a time, each
 *       contender in a JVM of its own with the same heap, whose peak is measured ({@link
 *       StreamJob}).
 * </ul>
 *
 * <p>Each job runs one unmeasured round, then measured rounds, the contenders in a rotating order,
 * every run from the same table. Prints a Markdown table ({@link BatchReport}).
 */
public final class BatchJobs {
  private BatchJobs() {}

  /** The bulk insert's contenders, in the table's order. */
  static final List<String> INSERTS =
      List.of(
          "asyncmodel",
          "vertx-multirow",
          "vertx-batch",
          "jdbc-batch",
          "jdbc-batch-no-ids",
          "jdbc-copy");

  /** The bulk insert's baseline: pgjdbc's batch, returning the ids as asyncmodel does. */
  static final String INSERT_BASELINE = "jdbc-batch";

  /** The job queue's contenders, in the table's order. */
  static final List<String> QUEUE = List.of("asyncmodel", "vertx", "jdbc");

  /** The job queue's baseline. */
  static final String QUEUE_BASELINE = "jdbc";

  /** The streaming job's contenders, in the table's order. */
  static final List<String> STREAM = List.of("asyncmodel", "vertx", "jdbc");

  /** The streaming job's baseline: the hand-written vertx-pg-client stream. */
  static final String STREAM_BASELINE = "vertx";

  /** The rows of the {@code aall()} whose heap is measured for scale (fewer if the table has). */
  static final int LIST_ROWS = 100_000;

  /** The command-line options of {@code jobs}. */
  static final class Options {
    int rounds = 5;
    int warmupRounds = 1;
    int rows = 100_000;
    int jobs = 20_000;
    int workers = 32;
    int poolSize = 8;
    int streamRows = 1_000_000;
    int chunk = 1_000;
    String heap = "256m";
    boolean insert = true;
    boolean queue = true;
    boolean stream = true;
    boolean checkpoint = true;
    boolean embedded;
    boolean quick;
    String database = "asyncmodel_bench_jobs";
    List<String> impls;

    static Options parse(String... args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        String value = null;
        int eq = arg.indexOf('=');
        if (arg.startsWith("--") && eq > 0) {
          value = arg.substring(eq + 1);
          arg = arg.substring(0, eq);
        }
        switch (arg) {
          case "--quick" -> {
            o.quick = true;
            o.rounds = 1;
            o.rows = 10_000;
            o.jobs = 2_000;
            o.streamRows = 100_000;
          }
          case "--embedded" -> o.embedded = true;
          case "--no-checkpoint" -> o.checkpoint = false;
          case "--help", "-h" -> throw new Main.UsageException(null);
          default -> {
            if (value == null) {
              if (i + 1 >= args.length) {
                throw new Main.UsageException("missing value after " + arg);
              }
              value = args[++i];
            }
            switch (arg) {
              case "--rounds" -> o.rounds = Main.Options.positive(arg, value);
              case "--warmup-rounds" -> o.warmupRounds = Main.Options.nonNegative(arg, value);
              case "--rows" -> o.rows = Main.Options.positive(arg, value);
              case "--jobs" -> o.jobs = Main.Options.positive(arg, value);
              case "--workers" -> o.workers = Main.Options.positive(arg, value);
              case "--pool" -> o.poolSize = Main.Options.positive(arg, value);
              case "--stream-rows" -> o.streamRows = Main.Options.positive(arg, value);
              case "--chunk" -> o.chunk = Main.Options.positive(arg, value);
              case "--heap" -> {
                if (!value.matches("[1-9][0-9]*[kKmMgG]?")) {
                  throw new Main.UsageException(
                      "--heap takes a size as -Xmx does (256m, 1g), not " + value);
                }
                o.heap = value;
              }
              case "--database" -> o.database = value;
              case "--only" -> {
                if (!List.of("insert", "queue", "stream").contains(value)) {
                  throw new Main.UsageException(
                      "--only takes insert, queue or stream, not " + value);
                }
                o.insert = value.equals("insert");
                o.queue = value.equals("queue");
                o.stream = value.equals("stream");
              }
              case "--impls" -> {
                o.impls = List.of(value.split(","));
                for (String impl : o.impls) {
                  if (!INSERTS.contains(impl) && !QUEUE.contains(impl) && !STREAM.contains(impl)) {
                    throw new Main.UsageException("unknown contender " + impl);
                  }
                }
              }
              default -> throw new Main.UsageException("unknown option " + arg);
            }
          }
        }
      }
      return o;
    }

    /**
     * @param names a job's contenders
     * @return those that run: all, or the ones {@code --impls} names
     */
    List<String> chosen(List<String> names) {
      List<String> chosen = new ArrayList<>(names);
      if (impls != null) {
        chosen.retainAll(impls);
      }
      return chosen;
    }
  }

  static final String USAGE =
      """
      usage: java -jar benchmarks/target/asyncmodel-benchmarks.jar jobs [options]

      Batch jobs: a bulk insert, a SKIP LOCKED job queue and streaming a large table, asyncmodel
      against the same jobs hand-written on vertx-pg-client and on pgjdbc. PostgreSQL: the server
      named by PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, else an embedded one; the tables go
      to a database of their own (--database).

        --quick              10,000 rows, 2,000 jobs, 100,000 rows streamed, one measured round:
                             a smoke run
        --rounds N           measured rounds of each job (5)
        --warmup-rounds N    unmeasured rounds before them (1)
        --rows N             rows of the bulk insert (100000)
        --jobs N             jobs of the queue (20000)
        --workers N          workers taking jobs (32)
        --pool N             connections of every pool (8)
        --stream-rows N      rows streamed (1000000)
        --chunk N            rows of each read of the streams (1000)
        --heap SIZE          -Xms and -Xmx of each streaming contender's JVM (256m)
        --only insert|queue|stream
                             one of the three jobs
        --impls a,b          bulk insert: asyncmodel, vertx-multirow, vertx-batch, jdbc-batch,
                             jdbc-batch-no-ids, jdbc-copy; queue and streaming: asyncmodel, vertx,
                             jdbc (all)
        --no-checkpoint      no CHECKPOINT before each run (it needs superuser or pg_checkpoint)
        --database NAME      the database, created if missing (asyncmodel_bench_jobs)
        --embedded           an embedded PostgreSQL even when PGHOST is set
      """;

  /**
   * @param args the command line after {@code jobs}
   */
  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (Main.UsageException e) {
      if (e.getMessage() != null) {
        System.err.println("error: " + e.getMessage());
      }
      System.err.print(USAGE);
      System.exit(e.getMessage() == null ? 0 : 2);
      return;
    }
    System.exit(run(options, System.out, System.err));
  }

  /**
   * Runs the jobs.
   *
   * @return the exit status: 0, or 1 when a run failed or stored a wrong result
   */
  static int run(Options o, PrintStream out, PrintStream log) throws Exception {
    ClosedLoop.Errors errors = new ClosedLoop.Errors();
    Instant started = Instant.now();
    PgServer server = PgServer.open(o.embedded, o.database);
    BatchReport report = new BatchReport(o, server.settings(), server.description(), started);
    log.println(
        "[jobs] PostgreSQL "
            + report.settings().get("server_version")
            + ": "
            + server.description()
            + ", database "
            + server.database());
    Schema.create(server);
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    AsyncmodelBatch asyncmodel = null;
    VertxBatch hand = null;
    JdbcBatch jdbc = null;
    try (Connection admin = server.connect()) {
      try (Statement s = admin.createStatement()) {
        // No autovacuum or autoanalyze may start during a run, or change the take's plan.
        s.execute("ALTER TABLE \"transaction\" SET (autovacuum_enabled = false)");
      }
      boolean checkpoint = o.checkpoint && checkpointAllowed(admin, log);
      report.checkpoint(checkpoint);
      Context context = Main.contexts(vertx, 1).get(0);
      asyncmodel = new AsyncmodelBatch(vertx, server.asyncmodelUrl(o.poolSize, 4), context);
      hand = new VertxBatch(vertx, server, o.poolSize, context);
      jdbc = new JdbcBatch(server);
      if (o.insert) {
        List<BulkInsert> all =
            List.of(
                asyncmodel.bulkInsert(),
                hand.multiRow(),
                hand.batch(),
                jdbc.batch(),
                jdbc.batchWithoutIds(),
                jdbc.copy());
        List<BulkInsert> contenders = new ArrayList<>();
        for (BulkInsert c : all) {
          if (o.chosen(INSERTS).contains(c.name())) {
            contenders.add(c);
            report.insertContender(c);
          }
        }
        if (!contenders.isEmpty()) {
          bulkInsert(o, server, admin, checkpoint, contenders, report, errors, log);
        }
      }
      if (o.queue && !o.chosen(QUEUE).isEmpty()) {
        List<JobQueue.Contender> contenders = new ArrayList<>();
        for (String name : o.chosen(QUEUE)) {
          contenders.add(
              switch (name) {
                case "asyncmodel" -> asyncmodel.queue();
                case "vertx" -> hand.queue();
                default -> jdbc.queue(o.poolSize);
              });
          report.queueContender(name);
        }
        queue(o, server, admin, checkpoint, context, contenders, report, errors, log);
      }
      if (o.stream && !o.chosen(STREAM).isEmpty()) {
        for (String name : o.chosen(STREAM)) {
          report.streamContender(name);
        }
        stream(o, server, admin, checkpoint, report, errors, log);
      }
    } finally {
      if (asyncmodel != null) {
        close(asyncmodel::close, log);
      }
      if (hand != null) {
        close(hand::close, log);
      }
      if (jdbc != null) {
        close(jdbc::close, log);
      }
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    report.print(out, Instant.now(), errors);
    if (errors.count() > 0) {
      log.println(
          "[jobs] FAILED: " + errors.count() + " runs or jobs failed or stored wrong data:");
      for (String sample : errors.samples()) {
        log.println("  " + sample);
      }
      return 1;
    }
    return 0;
  }

  /** A contender's pools and connections, closed at the end. */
  @FunctionalInterface
  private interface Closing {
    void close() throws Exception;
  }

  private static void close(Closing closing, PrintStream log) {
    try {
      closing.close();
    } catch (Exception e) {
      log.println("[jobs] closing: " + e);
    }
  }

  /** The bulk insert's rounds: the unmeasured ones, then the measured ones. */
  private static void bulkInsert(
      Options o,
      PgServer server,
      Connection admin,
      boolean checkpoint,
      List<BulkInsert> contenders,
      BatchReport report,
      ClosedLoop.Errors errors,
      PrintStream log)
      throws Exception {
    List<Transaction> rows = BulkInsert.rows(o.rows);
    int n = contenders.size();
    for (int round = 1 - o.warmupRounds; round <= o.rounds; round++) {
      log.println(
          round < 1
              ? "[jobs] bulk insert of " + rows.size() + " rows, unmeasured round"
              : "[jobs] bulk insert of "
                  + rows.size()
                  + " rows, round "
                  + round
                  + " of "
                  + o.rounds);
      for (int i = 0; i < n; i++) {
        BulkInsert c = contenders.get(Math.floorMod(round + i, n));
        BulkInsert.truncate(admin);
        settle(admin, checkpoint);
        BatchRun.Meter meter = BatchRun.start(server.database());
        BatchRun run;
        try {
          long[] ids = c.body().insert(rows);
          run = meter.stop(rows.size(), new long[0]);
          if (c.returnsIds() != (ids.length != 0)) {
            throw new Data.CheckFailed(
                (c.returnsIds() ? "returned no ids" : "returned ids it should not have"));
          }
          BulkInsert.verify(admin, rows, ids);
        } catch (Exception e) {
          errors.add(c.name() + " / bulk insert", e);
          log.println("[jobs]   " + c.name() + ": FAILED: " + e);
          continue;
        }
        logRun(log, c.name(), "rows", run);
        if (round >= 1) {
          report.insert(c.name(), round, run);
        }
      }
    }
    BulkInsert.truncate(admin);
  }

  /** The job queue's rounds: the unmeasured ones, then the measured ones. */
  private static void queue(
      Options o,
      PgServer server,
      Connection admin,
      boolean checkpoint,
      Context context,
      List<JobQueue.Contender> contenders,
      BatchReport report,
      ClosedLoop.Errors errors,
      PrintStream log)
      throws Exception {
    JobQueue.createIndex(admin);
    int n = contenders.size();
    for (int round = 1 - o.warmupRounds; round <= o.rounds; round++) {
      log.println(
          round < 1
              ? "[jobs] job queue of " + o.jobs + " jobs, unmeasured round"
              : "[jobs] job queue of " + o.jobs + " jobs, round " + round + " of " + o.rounds);
      for (int i = 0; i < n; i++) {
        JobQueue.Contender c = contenders.get(Math.floorMod(round + i, n));
        JobQueue.fill(admin, o.jobs);
        if (report.plan() == null) {
          report.plan(JobQueue.checkPlan(admin));
          log.println("[jobs]   the take query's plan: " + report.plan());
        }
        settle(admin, checkpoint);
        long errorsBefore = errors.count();
        BatchRun run;
        try {
          run = JobQueue.drain(c, o.workers, o.jobs, context, server.database(), errors);
          JobQueue.verify(admin, o.jobs, run);
        } catch (Exception e) {
          errors.add(c.name() + " / job queue", e);
          log.println("[jobs]   " + c.name() + ": FAILED: " + e);
          continue;
        }
        if (errors.count() > errorsBefore) {
          log.println("[jobs]   " + c.name() + ": FAILED");
          continue;
        }
        logRun(log, c.name(), "jobs", run);
        if (round >= 1) {
          report.queue(c.name(), round, run);
        }
      }
    }
    BulkInsert.truncate(admin);
  }

  /**
   * The streaming job: the table filled once, then a JVM per contender ({@link StreamChild}), the
   * unmeasured rounds and the measured ones, then, in a JVM of its own, the heap of {@code aall()}
   * for scale.
   */
  private static void stream(
      Options o,
      PgServer server,
      Connection admin,
      boolean checkpoint,
      BatchReport report,
      ClosedLoop.Errors errors,
      PrintStream log)
      throws Exception {
    log.printf(Locale.ROOT, "[jobs] streaming: filling the table with %,d rows%n", o.streamRows);
    StreamJob.Expected expected = StreamJob.fill(admin, o.streamRows);
    report.streamPlan(StreamJob.plan(admin));
    log.println("[jobs]   the query's plan: " + report.streamPlan());
    List<ChildJvm> children = new CopyOnWriteArrayList<>();
    // A parent told to stop stops its children; one killed outright leaves them to notice it.
    Thread stopChildren = new Thread(() -> ChildJvm.destroyAll(children), "jobs-stop-children");
    Runtime.getRuntime().addShutdownHook(stopChildren);
    try {
      log.println(
          "[jobs] starting a JVM per contender: java "
              + String.join(" ", StreamJob.jvmOptions(o.heap)));
      List<ChildJvm> contenders = new ArrayList<>();
      for (String name : o.chosen(STREAM)) {
        ChildJvm child =
            ChildJvm.launch(
                name, StreamJob.command(name, o, server.database()), server, errors, log);
        children.add(child);
        contenders.add(child);
      }
      for (ChildJvm child : contenders) {
        child.awaitReady();
      }
      report.streamJvm(contenders.get(0).description());
      int n = contenders.size();
      for (int round = 1 - o.warmupRounds; round <= o.rounds; round++) {
        log.printf(
            Locale.ROOT,
            round < 1
                ? "[jobs] streaming %,d rows, unmeasured round%n"
                : "[jobs] streaming %,d rows, round " + round + " of " + o.rounds + "%n",
            o.streamRows);
        for (int i = 0; i < n; i++) {
          ChildJvm c = contenders.get(Math.floorMod(round + i, n));
          settle(admin, checkpoint);
          StreamJob.Result result;
          try {
            result = StreamJob.Result.decode(c.ask("run", "done"));
            expected.check(result);
          } catch (Exception e) {
            errors.add(c.name() + " / streaming", e);
            log.println("[jobs]   " + c.name() + ": FAILED: " + e);
            continue;
          }
          logStream(log, c.name(), result);
          if (round >= 1) {
            report.stream(c.name(), round, result);
          }
        }
      }
      for (ChildJvm child : contenders) {
        child.quit();
      }
      int listRows = Math.min(LIST_ROWS, o.streamRows);
      log.printf(
          Locale.ROOT, "[jobs] the heap of aall() of %,d rows, in a JVM of its own%n", listRows);
      ChildJvm list =
          ChildJvm.launch(
              "list", StreamJob.command("list", o, server.database()), server, errors, log);
      children.add(list);
      list.awaitReady();
      try {
        long bytes = Long.parseLong(list.ask("list " + listRows, "ok"));
        report.list(listRows, bytes);
        log.printf(
            Locale.ROOT,
            "[jobs]   %,d rows as a List: %.1f MiB kept after a full GC%n",
            listRows,
            bytes / MIB);
      } catch (Exception e) {
        errors.add("list / aall()", e);
        log.println("[jobs]   aall(): FAILED: " + e);
      }
      list.quit();
    } finally {
      ChildJvm.destroyAll(children);
      try {
        Runtime.getRuntime().removeShutdownHook(stopChildren);
      } catch (IllegalStateException shuttingDown) {
        // The hook runs, or ran.
      }
    }
    BulkInsert.truncate(admin);
  }

  /** Bytes per MiB. */
  static final double MIB = 1024.0 * 1024.0;

  private static void logStream(PrintStream log, String name, StreamJob.Result result) {
    HeapMeter.Heap heap = result.heap();
    log.printf(
        Locale.ROOT,
        "[jobs]   %-18s %,10.0f rows/s  %,8.1f ms   heap: %.1f MiB before, peak %.1f MiB,"
            + " %s after a GC (%d GCs)   other processes: %.2f CPUs%n",
        name,
        result.run().rate(),
        result.run().nanos() / 1e6,
        heap.before() / MIB,
        heap.peakUsed() / MIB,
        heap.mostAfterGc() < 0
            ? "no GC, so nothing"
            : String.format(Locale.ROOT, "at most %.1f MiB", heap.mostAfterGc() / MIB),
        heap.collections(),
        result.run().otherCpus());
  }

  private static void logRun(PrintStream log, String name, String what, BatchRun run) {
    log.printf(
        Locale.ROOT,
        "[jobs]   %-18s %,10.0f %s/s  %,8.1f ms   other processes: %.2f CPUs%n",
        name,
        run.rate(),
        what,
        run.nanos() / 1e6,
        run.otherCpus());
  }

  /**
   * What every run starts from besides the table: a checkpoint, so that none inherits the dirty
   * pages and the WAL of the one before it, and a full GC of this JVM.
   */
  private static void settle(Connection admin, boolean checkpoint) throws SQLException {
    if (checkpoint) {
      try (Statement s = admin.createStatement()) {
        s.execute("CHECKPOINT");
      }
    }
    System.gc();
  }

  private static boolean checkpointAllowed(Connection admin, PrintStream log) {
    try (Statement s = admin.createStatement()) {
      s.execute("CHECKPOINT");
      return true;
    } catch (SQLException e) {
      log.println("[jobs] no CHECKPOINT before the runs: " + e.getMessage());
      return false;
    }
  }

  /**
   * Calls {@code call} on {@code context}'s event loop and waits for its result: how the async
   * contenders' jobs are made from the event loop that carries their connections.
   *
   * @return the Future's result
   * @throws Exception the Future's failure, or a timeout after 10 minutes
   */
  static <T> T await(Context context, Supplier<Future<T>> call) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    context.runOnContext(
        v -> {
          try {
            call.get()
                .onComplete(
                    done -> {
                      if (done.succeeded()) {
                        result.complete(done.result());
                      } else {
                        result.completeExceptionally(done.cause());
                      }
                    });
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        });
    try {
      return result.get(10, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }
}
