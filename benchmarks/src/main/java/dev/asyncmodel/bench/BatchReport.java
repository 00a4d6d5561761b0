package dev.asyncmodel.bench;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Prints the batch jobs' results as Markdown ({@link BatchJobs}). */
final class BatchReport {
  private final BatchJobs.Options o;
  private final Map<String, String> settings;
  private final String server;
  private final Instant started;
  private final Map<String, BulkInsert> inserters = new LinkedHashMap<>();
  private final Map<String, Map<Integer, BatchRun>> inserts = new LinkedHashMap<>();
  private final Map<String, Map<Integer, BatchRun>> queue = new LinkedHashMap<>();
  private boolean checkpoint;
  private String plan;

  BatchReport(BatchJobs.Options o, Map<String, String> settings, String server, Instant started) {
    this.o = o;
    this.settings = settings;
    this.server = server;
    this.started = started;
  }

  Map<String, String> settings() {
    return settings;
  }

  /**
   * @param done whether each run started after a CHECKPOINT
   */
  void checkpoint(boolean done) {
    this.checkpoint = done;
  }

  /**
   * @return the take query's scan, once checked, or null
   */
  String plan() {
    return plan;
  }

  void plan(String scan) {
    this.plan = scan;
  }

  /** A contender of the bulk insert, in the table's order. */
  void insertContender(BulkInsert c) {
    inserters.put(c.name(), c);
    inserts.put(c.name(), new TreeMap<>());
  }

  /** A measured run of the bulk insert. */
  void insert(String name, int round, BatchRun run) {
    inserts.computeIfAbsent(name, x -> new TreeMap<>()).put(round, run);
  }

  /** A contender of the job queue, in the table's order. */
  void queueContender(String name) {
    queue.put(name, new TreeMap<>());
  }

  /** A measured run of the job queue. */
  void queue(String name, int round, BatchRun run) {
    queue.computeIfAbsent(name, x -> new TreeMap<>()).put(round, run);
  }

  void print(PrintStream out, Instant ended, ClosedLoop.Errors errors) {
    out.println();
    out.println("## asyncmodel batch jobs, " + started);
    out.println();
    out.println("- machine: " + Main.machine());
    List<String> rest = new ArrayList<>();
    for (Map.Entry<String, String> e : settings.entrySet()) {
      if (!e.getKey().equals("server_version")) {
        rest.add(e.getKey() + "=" + e.getValue());
      }
    }
    out.println(
        "- PostgreSQL "
            + settings.get("server_version")
            + ", "
            + server
            + "; "
            + String.join(", ", rest));
    out.printf(
        Locale.ROOT,
        "- %d measured round(s) of each job after %d unmeasured, the contenders in a rotating"
            + " order; before each run: the table emptied (TRUNCATE ... RESTART IDENTITY) or"
            + " refilled, %sa full GC of this JVM; autovacuum off on the table%n",
        o.rounds,
        o.warmupRounds,
        checkpoint ? "a CHECKPOINT, " : "no CHECKPOINT, ");
    if (!inserts.isEmpty()) {
      out.printf(
          Locale.ROOT,
          "- bulk insert: %,d rows into \"transaction\" (its primary key, two indexes, and the"
              + " foreign key to auth_user checked at commit), the same rows for every"
              + " contender, each contender in one transaction, timed from its call to its"
              + " commit; every run's rows read back and checked, and the returned ids too%n",
          o.rows);
    }
    if (!queue.isEmpty()) {
      out.printf(
          Locale.ROOT,
          "- job queue: %,d queued rows of \"transaction\", %d workers, pools of %d connections"
              + " (asyncmodel: its write pool; vertx: one Pool; jdbc: HikariCP and %d threads);"
              + " each job one transaction: SELECT ... ORDER BY id LIMIT 1 FOR UPDATE SKIP"
              + " LOCKED, then an UPDATE to done that must match 1 row; the take's plan: %s;"
              + " timed from the first worker's start until the last found no job left; every job"
              + " checked done exactly once%n",
          o.jobs,
          o.workers,
          o.poolSize,
          o.workers,
          plan);
    }
    List<Double> other = new ArrayList<>();
    for (Map<String, Map<Integer, BatchRun>> job : List.of(inserts, queue)) {
      for (Map<Integer, BatchRun> runs : job.values()) {
        for (BatchRun run : runs.values()) {
          if (!Double.isNaN(run.otherCpus())) {
            other.add(run.otherCpus());
          }
        }
      }
    }
    if (!other.isEmpty()) {
      out.printf(
          Locale.ROOT,
          "- other processes (neither this JVM nor PostgreSQL) used %.2f CPUs on average during"
              + " the timed runs, %.2f at most%n",
          other.stream().mapToDouble(Double::doubleValue).average().orElse(0),
          Collections.max(other));
    }
    out.println(
        "- run took "
            + Main.duration(started, ended)
            + (o.quick ? " (--quick: a smoke run, not numbers to quote)" : ""));
    out.println(
        "- errors: "
            + errors.count()
            + (errors.count() == 0 ? " (every row and job checked)" : " (THE RUN FAILED)"));
    if (!inserts.isEmpty()) {
      out.println();
      out.printf(Locale.ROOT, "### Bulk insert of %,d rows%n", o.rows);
      out.println();
      out.println(
          "| contender | statements | ids | rows/s, median | lowest – highest | × "
              + BatchJobs.INSERT_BASELINE
              + ", median (range) | client CPU µs/row | server CPU µs/row |");
      out.println("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |");
      for (Map.Entry<String, Map<Integer, BatchRun>> e : inserts.entrySet()) {
        BulkInsert c = inserters.get(e.getKey());
        out.println(
            "| "
                + c.name()
                + " | "
                + c.statements()
                + " | "
                + (c.returnsIds() ? "yes" : "no")
                + " | "
                + cells(e.getValue(), inserts.get(BatchJobs.INSERT_BASELINE), false));
      }
    }
    if (!queue.isEmpty()) {
      out.println();
      out.printf(
          Locale.ROOT, "### SKIP LOCKED job queue: %,d jobs, %d workers%n", o.jobs, o.workers);
      out.println();
      out.println(
          "| contender | jobs/s, median | lowest – highest | × "
              + BatchJobs.QUEUE_BASELINE
              + ", median (range) | client CPU µs/job | server CPU µs/job | p50 ms | p99 ms |");
      out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
      for (Map.Entry<String, Map<Integer, BatchRun>> e : queue.entrySet()) {
        out.println(
            "| "
                + e.getKey()
                + " | "
                + cells(e.getValue(), queue.get(BatchJobs.QUEUE_BASELINE), true));
      }
    }
  }

  /**
   * A contender's cells: its rate (median, lowest – highest), its rate over the baseline's in the
   * same round (median and range), its CPU per row over every run, and for the queue its jobs'
   * latencies.
   */
  private static String cells(
      Map<Integer, BatchRun> runs, Map<Integer, BatchRun> baseline, boolean latencies) {
    if (runs.isEmpty()) {
      return "no measured run |  |  |  |  |" + (latencies ? "  |  |" : "");
    }
    List<Double> rates = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    long rows = 0;
    long cpu = 0;
    long serverCpu = 0;
    boolean serverKnown = true;
    int count = 0;
    for (Map.Entry<Integer, BatchRun> e : runs.entrySet()) {
      BatchRun run = e.getValue();
      rates.add(run.rate());
      BatchRun base = baseline == null ? null : baseline.get(e.getKey());
      if (base != null) {
        ratios.add(run.rate() / base.rate());
      }
      rows += run.rows();
      cpu += run.cpuNanos();
      if (run.serverCpuNanos() < 0) {
        serverKnown = false;
      }
      serverCpu += run.serverCpuNanos();
      count += run.latencies().length;
    }
    StringBuilder cells = new StringBuilder();
    cells.append(
        String.format(
            Locale.ROOT,
            "%,.0f | %,.0f – %,.0f | %s | %.1f | %s |",
            median(rates),
            Collections.min(rates),
            Collections.max(rates),
            ratios.isEmpty()
                ? ""
                : String.format(
                    Locale.ROOT,
                    "%.2f (%.2f – %.2f)",
                    median(ratios),
                    Collections.min(ratios),
                    Collections.max(ratios)),
            cpu / 1e3 / rows,
            serverKnown ? String.format(Locale.ROOT, "%.1f", serverCpu / 1e3 / rows) : "n/a"));
    if (latencies) {
      long[] all = new long[count];
      int at = 0;
      for (BatchRun run : runs.values()) {
        System.arraycopy(run.latencies(), 0, all, at, run.latencies().length);
        at += run.latencies().length;
      }
      Arrays.sort(all);
      cells.append(
          count == 0
              ? "  |  |"
              : String.format(
                  Locale.ROOT,
                  " %.2f | %.2f |",
                  all[Stats.quantileIndex(count, 0.50)] / 1e6,
                  all[Stats.quantileIndex(count, 0.99)] / 1e6));
    }
    return cells.toString();
  }

  /**
   * @param values at least one
   * @return their median: the middle one, or the mean of the two middle ones
   */
  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
