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
  private final Map<String, Map<Integer, StreamJob.Result>> streams = new LinkedHashMap<>();
  private boolean checkpoint;
  private String plan;
  private String streamPlan;
  private String streamJvm = "";
  private int listRows;
  private long listBytes = -1;

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

  /** A contender of the streaming job, in the table's order. */
  void streamContender(String name) {
    streams.put(name, new TreeMap<>());
  }

  /** A measured run of the streaming job. */
  void stream(String name, int round, StreamJob.Result result) {
    streams.computeIfAbsent(name, x -> new TreeMap<>()).put(round, result);
  }

  /**
   * @return the streaming query's plan, once read, or null
   */
  String streamPlan() {
    return streamPlan;
  }

  void streamPlan(String top) {
    this.streamPlan = top;
  }

  /**
   * @param description a streaming contender's JVM, as {@link Main#machine()} describes it
   */
  void streamJvm(String description) {
    this.streamJvm = description;
  }

  /**
   * @param rows the rows of the {@code aall()} measured
   * @param bytes the heap its List kept
   */
  void list(int rows, long bytes) {
    this.listRows = rows;
    this.listBytes = bytes;
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
    if (!streams.isEmpty()) {
      out.printf(
          Locale.ROOT,
          "- streaming: %,d rows of \"transaction\" (ids 1 to %,d, filled once, then VACUUM"
              + " ANALYZE), in id order, through a cursor of %,d rows a read (%s), every row"
              + " mapped to the record and checked by the consumer (id order, amount, time); each"
              + " contender in a JVM of its own, driven by this one: java %s (%s); before each"
              + " run, a full GC of that JVM and its heap pools' peaks reset; timed from the"
              + " call to the end of the stream, after the commit%n",
          o.streamRows,
          o.streamRows,
          o.chunk,
          streamPlan,
          String.join(" ", StreamJob.jvmOptions(o.heap)),
          streamJvm);
    }
    List<Double> other = new ArrayList<>();
    List<Map<String, Map<Integer, BatchRun>>> jobs = new ArrayList<>(List.of(inserts, queue));
    jobs.add(streamRuns());
    for (Map<String, Map<Integer, BatchRun>> job : jobs) {
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
          "- other processes (neither the JVM of the run nor PostgreSQL) used %.2f CPUs on average during"
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
    if (!streams.isEmpty()) {
      printStreams(out);
    }
  }

  /** The streaming table, and the heap a List of the same rows would take. */
  private void printStreams(PrintStream out) {
    Map<String, Map<Integer, BatchRun>> runs = streamRuns();
    out.println();
    out.printf(
        Locale.ROOT,
        "### Streaming %,d rows, chunks of %,d, each contender in a JVM of -Xmx%s%n",
        o.streamRows,
        o.chunk,
        o.heap);
    out.println();
    out.println(
        "| contender | rows/s, median | lowest – highest | × "
            + BatchJobs.STREAM_BASELINE
            + ", median (range) | client CPU µs/row | server CPU µs/row | peak heap used, MiB"
            + " | most heap after a GC, MiB | GCs per run |");
    out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (Map.Entry<String, Map<Integer, StreamJob.Result>> e : streams.entrySet()) {
      StringBuilder row = new StringBuilder("| ").append(e.getKey()).append(" | ");
      row.append(cells(runs.get(e.getKey()), runs.get(BatchJobs.STREAM_BASELINE), false));
      if (e.getValue().isEmpty()) {
        row.append("  |  |  |");
      } else {
        long peak = 0;
        long afterGc = -1;
        List<Double> collections = new ArrayList<>();
        for (StreamJob.Result result : e.getValue().values()) {
          peak = Math.max(peak, result.heap().peakUsed());
          afterGc = Math.max(afterGc, result.heap().mostAfterGc());
          collections.add((double) result.heap().collections());
        }
        row.append(
            String.format(
                Locale.ROOT,
                " %.1f | %s | %.0f |",
                peak / BatchJobs.MIB,
                afterGc < 0 ? "no GC" : String.format(Locale.ROOT, "%.1f", afterGc / BatchJobs.MIB),
                median(collections)));
      }
      out.println(row);
    }
    out.println();
    out.println(
        "Peak heap used: the heap pools' peaks (MemoryPoolMXBean.getPeakUsage()) during the"
            + " run, summed, the highest of the measured rounds; with G1 that is mostly the eden"
            + " the collector filled before collecting. Most heap after a GC: the heap in use"
            + " right after a collection, from the collector's notifications, the highest of"
            + " the measured rounds: what the run kept reachable.");
    if (listBytes >= 0) {
      double scale = (double) o.streamRows / listRows;
      out.println();
      out.printf(
          Locale.ROOT,
          "For scale: aall() of the first %,d rows kept %.1f MiB as a List<Transaction> (the"
              + " heap in use after a full GC with the List held, less before the call; median"
              + " of %d, in a JVM of its own with the same options)%s%n",
          listRows,
          listBytes / BatchJobs.MIB,
          StreamChild.LIST_MEASUREMENTS,
          scale == 1
              ? "."
              : String.format(
                  Locale.ROOT,
                  ". Extrapolated ×%s, not measured: %,d rows as a List would need about %.0f"
                      + " MiB%s.",
                  scale == Math.rint(scale)
                      ? String.format(Locale.ROOT, "%.0f", scale)
                      : String.format(Locale.ROOT, "%.2f", scale),
                  o.streamRows,
                  listBytes * scale / BatchJobs.MIB,
                  listBytes * scale > heapBytes(o.heap)
                      ? ", more than the -Xmx" + o.heap + " heap the streams ran in"
                      : ""));
    }
  }

  /**
   * @return the streaming runs' times and CPU, by contender and round
   */
  private Map<String, Map<Integer, BatchRun>> streamRuns() {
    Map<String, Map<Integer, BatchRun>> runs = new LinkedHashMap<>();
    for (Map.Entry<String, Map<Integer, StreamJob.Result>> e : streams.entrySet()) {
      Map<Integer, BatchRun> byRound = new TreeMap<>();
      for (Map.Entry<Integer, StreamJob.Result> r : e.getValue().entrySet()) {
        byRound.put(r.getKey(), r.getValue().run());
      }
      runs.put(e.getKey(), byRound);
    }
    return runs;
  }

  /**
   * @param size as -Xmx takes it: a number, then k, m or g, or nothing for bytes
   * @return the bytes
   */
  static long heapBytes(String size) {
    char unit = Character.toLowerCase(size.charAt(size.length() - 1));
    long shift =
        switch (unit) {
          case 'k' -> 10;
          case 'm' -> 20;
          case 'g' -> 30;
          default -> 0;
        };
    String digits = shift == 0 ? size : size.substring(0, size.length() - 1);
    return Long.parseLong(digits) << shift;
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
