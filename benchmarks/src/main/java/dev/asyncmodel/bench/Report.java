package dev.asyncmodel.bench;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints a run's results as Markdown: the table, the spread over rounds, and the goals. */
final class Report {
  private final Main.Options o;
  private final Map<String, Map<Op, Stats>> results;
  private final Map<String, String> settings;
  private final String server;
  private final Instant started;
  private final Instant ended;
  private final ClosedLoop.Errors errors;
  private final List<Double> otherLoad;
  private final String isolation;

  /**
   * @param isolation for an {@code --isolated} run, the line on its JVMs; null otherwise
   */
  Report(
      Main.Options o,
      Map<String, Map<Op, Stats>> results,
      Map<String, String> settings,
      String server,
      Instant started,
      Instant ended,
      ClosedLoop.Errors errors,
      List<Double> otherLoad,
      String isolation) {
    this.o = o;
    this.results = results;
    this.settings = settings;
    this.server = server;
    this.started = started;
    this.ended = ended;
    this.errors = errors;
    this.otherLoad = otherLoad;
    this.isolation = isolation;
  }

  private Stats stats(String impl, Op op) {
    Map<Op, Stats> byOp = results.get(impl);
    return byOp == null ? null : byOp.get(op);
  }

  void print(PrintStream out) {
    out.println();
    out.println("## asyncmodel benchmark, " + started);
    out.println();
    out.println("- machine: " + Main.machine());
    out.println("- PostgreSQL " + settings.get("server_version") + ", " + server + "; " + rest());
    out.printf(
        Locale.ROOT,
        "- %d requests in flight; pools of %d connections (vertx-pg-client: prepared-statement"
            + " cache on); JDBC: HikariCP, %d threads; async requests issued from %d Vert.x event"
            + " loop(s)%s%n",
        o.inFlight,
        o.poolSize,
        o.jdbcThreads,
        o.eventLoops,
        "; asyncmodel"
            + (o.impls.contains("vertx-pipelined") ? " and vertx-pipelined" : "")
            + ": reads on PgBuilder.client() with a pipelining limit of "
            + o.pipelining
            + ", writes on a Pool");
    out.printf(
        Locale.ROOT,
        "- %d measured round(s) of %d ms per implementation and operation, each after %d ms of"
            + " warm-up, implementations interleaved; one unmeasured round of %d ms each first;"
            + " run took %s%s%n",
        o.rounds,
        o.windowMillis,
        o.warmupMillis,
        o.jitWarmupMillis,
        Main.duration(started, ended),
        o.quick ? " (--quick: a smoke run, not numbers to quote)" : "");
    if (isolation != null) {
      out.println("- " + isolation);
    }
    if (!otherLoad.isEmpty()) {
      double sum = 0;
      double max = 0;
      for (double x : otherLoad) {
        sum += x;
        max = Math.max(max, x);
      }
      out.printf(
          Locale.ROOT,
          "- other processes (neither %s nor PostgreSQL) used %.2f CPUs on average during"
              + " the measured windows, %.2f at most%n",
          isolation == null ? "this JVM" : "the measured implementation's JVM",
          sum / otherLoad.size(),
          max);
    }
    out.println(
        "- errors: "
            + errors.count()
            + (errors.count() == 0 ? " (every result checked)" : " (THE RUN FAILED)"));
    out.println();
    boolean baseline = results.containsKey(Main.BASELINE);
    out.println(
        "| operation | implementation | ops/s | × vertx | p50 ms | p99 ms | client CPU µs/op"
            + " | × vertx | client alloc B/op | server CPU µs/op |");
    out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (Op op : Op.values()) {
      if (!o.ops.contains(op)) {
        continue;
      }
      Stats base = baseline ? stats(Main.BASELINE, op) : null;
      boolean first = true;
      for (String impl : results.keySet()) {
        Stats s = stats(impl, op);
        if (s == null || s.ops() == 0) {
          continue;
        }
        out.printf(
            Locale.ROOT,
            "| %s | %s | %,.0f | %s | %.2f | %.2f | %.1f | %s | %,.0f | %s |%n",
            first ? op.label() : "",
            impl,
            s.opsPerSecond(),
            base == null ? "" : String.format(Locale.ROOT, "%.2f", ratio(s, base)),
            s.latencyMillis(0.50),
            s.latencyMillis(0.99),
            s.cpuMicrosPerOp(),
            base == null
                ? ""
                : String.format(Locale.ROOT, "%.2f", s.cpuMicrosPerOp() / base.cpuMicrosPerOp()),
            s.allocatedBytesPerOp(),
            Double.isNaN(s.serverCpuMicrosPerOp())
                ? "n/a"
                : String.format(Locale.ROOT, "%.0f", s.serverCpuMicrosPerOp()));
        first = false;
      }
    }
    if (baseline && o.rounds > 1) {
      printSpread(out);
    }
    if (baseline && results.containsKey("asyncmodel")) {
      printGoals(out);
    }
  }

  private String rest() {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, String> e : settings.entrySet()) {
      if (!e.getKey().equals("server_version")) {
        parts.add(e.getKey() + "=" + e.getValue());
      }
    }
    return String.join(", ", parts);
  }

  private static double ratio(Stats s, Stats base) {
    return s.opsPerSecond() / base.opsPerSecond();
  }

  /** Each implementation's ops/s over the baseline's in the same round: the noise of a ratio. */
  private void printSpread(PrintStream out) {
    out.println();
    out.println(
        "Ratio of ops/s to vertx within each round (an operation's windows run back to back):"
            + " median (lowest – highest) over the rounds. Robust to load that comes and goes:"
            + " compare with the × vertx of the totals above.");
    out.println();
    List<String> others = new ArrayList<>(results.keySet());
    others.remove(Main.BASELINE);
    StringBuilder header = new StringBuilder("| operation |");
    StringBuilder rule = new StringBuilder("| --- |");
    for (String impl : others) {
      header.append(' ').append(impl).append(" |");
      rule.append(" ---: |");
    }
    out.println(header);
    out.println(rule);
    for (Op op : Op.values()) {
      Stats base = stats(Main.BASELINE, op);
      if (!o.ops.contains(op) || base == null) {
        continue;
      }
      StringBuilder row = new StringBuilder("| ").append(op.label()).append(" |");
      for (String impl : others) {
        Stats s = stats(impl, op);
        List<Double> ratios = new ArrayList<>();
        if (s != null) {
          for (int r = 0; r < Math.min(s.roundRates().size(), base.roundRates().size()); r++) {
            ratios.add(s.roundRates().get(r) / base.roundRates().get(r));
          }
        }
        if (ratios.isEmpty()) {
          row.append(" |");
          continue;
        }
        Collections.sort(ratios);
        int n = ratios.size();
        double median =
            n % 2 == 1 ? ratios.get(n / 2) : (ratios.get(n / 2 - 1) + ratios.get(n / 2)) / 2;
        row.append(
            String.format(
                Locale.ROOT, " %.2f (%.2f – %.2f) |", median, ratios.get(0), ratios.get(n - 1)));
      }
      out.println(row);
    }
  }

  private void printGoals(PrintStream out) {
    List<String> slow = new ArrayList<>();
    List<String> cpu = new ArrayList<>();
    List<String> behindJdbc = new ArrayList<>();
    List<String> behindSame = new ArrayList<>();
    for (Op op : Op.values()) {
      Stats a = stats("asyncmodel", op);
      Stats v = stats(Main.BASELINE, op);
      Stats j = stats("jdbc", op);
      Stats p = stats("vertx-pipelined", op);
      if (a == null || v == null) {
        continue;
      }
      if (ratio(a, v) < 0.95) {
        slow.add(String.format(Locale.ROOT, "%s %.3f×", op.label(), ratio(a, v)));
      }
      double c = a.cpuMicrosPerOp() / v.cpuMicrosPerOp();
      if (c > 1.10) {
        cpu.add(String.format(Locale.ROOT, "%s %.3f×", op.label(), c));
      }
      if (j != null && ratio(a, j) < 1.0) {
        behindJdbc.add(String.format(Locale.ROOT, "%s %.3f×", op.label(), ratio(a, j)));
      }
      if (p != null && ratio(a, p) < 0.95) {
        behindSame.add(String.format(Locale.ROOT, "%s %.3f×", op.label(), ratio(a, p)));
      }
    }
    out.println();
    out.println("Goals (reported, not asserted):");
    out.println();
    out.println(
        "- asyncmodel ≥ 0.95× vertx on every operation: "
            + (slow.isEmpty() ? "holds" : "does not hold for " + String.join(", ", slow)));
    out.println(
        "- asyncmodel client CPU per op within 10% of vertx: "
            + (cpu.isEmpty() ? "holds" : "does not hold for " + String.join(", ", cpu)));
    if (results.containsKey("jdbc")) {
      out.println(
          "- asyncmodel ≥ 1.0× JDBC + HikariCP on every operation: "
              + (behindJdbc.isEmpty()
                  ? "holds"
                  : "does not hold for " + String.join(", ", behindJdbc)));
    }
    if (results.containsKey("vertx-pipelined")) {
      out.println(
          "- and, not a goal of its own: asyncmodel ≥ 0.95× vertx-pipelined, hand-written on the"
              + " same client settings: "
              + (behindSame.isEmpty()
                  ? "holds"
                  : "does not hold for " + String.join(", ", behindSame)));
    }
  }
}
