package dev.asyncmodel.bench;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlClient;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark: asyncmodel against the same operations hand-written on vertx-pg-client and on JDBC
 * + HikariCP, in one run, in interleaved windows. Prints a Markdown table. {@code processor-cost}
 * as the first argument runs {@link ProcessorCost} instead, and {@code jobs} the batch jobs ({@link
 * BatchJobs}). {@code --help} lists the options. With {@code --isolated}, each implementation runs
 * in a JVM of its own ({@link ChildJvm}, {@link Child}), in the same rounds.
 */
public final class Main {
  private Main() {}

  /** The implementation every ratio is relative to. */
  static final String BASELINE = "vertx";

  /** The command-line options. */
  static final class Options {
    int rounds = 5;
    long windowMillis = 1000;
    long warmupMillis = 200;
    long jitWarmupMillis = 1500;
    int inFlight = 16;
    int poolSize = 8;
    int jdbcThreads = -1;
    int eventLoops = 1;
    int pipelining = 4;
    boolean embedded;
    String database = "asyncmodel_bench";
    List<String> impls = List.of("asyncmodel", "vertx", "vertx-pipelined", "jdbc");
    List<Op> ops = Arrays.asList(Op.values());
    boolean quick;
    boolean isolated;

    /**
     * In a JVM an {@code --isolated} run started: the one implementation it serves ({@link Child}),
     * whatever {@code --impls}, {@code --isolated} and {@code --embedded} say.
     */
    String child;

    /** The command line, which an {@code --isolated} run passes on to its children. */
    List<String> args = List.of();

    static Options parse(String... args) {
      Options o = new Options();
      o.args = List.of(args);
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
            o.windowMillis = 500;
            o.warmupMillis = 200;
            o.jitWarmupMillis = 500;
          }
          case "--embedded" -> o.embedded = true;
          case "--isolated" -> o.isolated = true;
          case "--help", "-h" -> throw new UsageException(null);
          default -> {
            if (value == null) {
              if (i + 1 >= args.length) {
                throw new UsageException("missing value after " + arg);
              }
              value = args[++i];
            }
            switch (arg) {
              case "--rounds" -> o.rounds = positive(arg, value);
              case "--window-ms" -> o.windowMillis = positive(arg, value);
              case "--warmup-ms" -> o.warmupMillis = nonNegative(arg, value);
              case "--jit-warmup-ms" -> o.jitWarmupMillis = nonNegative(arg, value);
              case "--in-flight" -> o.inFlight = positive(arg, value);
              case "--pool" -> o.poolSize = positive(arg, value);
              case "--jdbc-threads" -> o.jdbcThreads = positive(arg, value);
              case "--event-loops" -> o.eventLoops = positive(arg, value);
              case "--pipelining" -> o.pipelining = positive(arg, value);
              case "--database" -> o.database = value;
              case "--child" -> o.child = implementation(value);
              case "--impls" -> {
                o.impls = List.of(value.split(","));
                for (String impl : o.impls) {
                  implementation(impl);
                }
              }
              case "--ops" -> {
                List<Op> ops = new ArrayList<>();
                for (String key : value.split(",")) {
                  try {
                    ops.add(Op.byKey(key));
                  } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                  }
                }
                o.ops = ops;
              }
              default -> throw new UsageException("unknown option " + arg);
            }
          }
        }
      }
      if (o.jdbcThreads < 0) {
        o.jdbcThreads = o.inFlight;
      }
      return o;
    }

    private static String implementation(String name) {
      if (!List.of(
              "asyncmodel",
              "vertx",
              "jdbc",
              "vertx-pipelined",
              "asyncmodel-timeout",
              "asyncmodel-telemetry")
          .contains(name)) {
        throw new UsageException("unknown implementation " + name);
      }
      return name;
    }

    static int positive(String name, String value) {
      int n = nonNegative(name, value);
      if (n == 0) {
        throw new UsageException(name + " must be at least 1");
      }
      return n;
    }

    static int nonNegative(String name, String value) {
      try {
        int n = Integer.parseInt(value);
        if (n < 0) {
          throw new UsageException(name + " must not be negative");
        }
        return n;
      } catch (NumberFormatException e) {
        throw new UsageException(name + " takes a number, not " + value);
      }
    }
  }

  /** A command line that cannot run. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  static final String USAGE =
      """
      usage: java -jar benchmarks/target/asyncmodel-benchmarks.jar [options]
             java -jar benchmarks/target/asyncmodel-benchmarks.jar processor-cost [--runs N]
             java -jar benchmarks/target/asyncmodel-benchmarks.jar jobs [--quick] (jobs --help)

      PostgreSQL: the server named by PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, else an
      embedded one. The benchmark's tables go to a database of their own (--database).

        --quick              one short round (about 40 s): a smoke run, not numbers to quote
        --rounds N           measured rounds (5)
        --window-ms N        measured window per implementation and operation, per round (1000)
        --warmup-ms N        warm-up before each window (200)
        --jit-warmup-ms N    first, unmeasured round, per implementation and operation (1500)
        --in-flight N        requests in flight (16)
        --pool N             connections of every pool (8)
        --jdbc-threads N     JDBC threads (= --in-flight)
        --event-loops N      Vert.x event loops the requests are issued from (1)
        --impls a,b          of asyncmodel,vertx,vertx-pipelined,jdbc (all), and the variants
                             asyncmodel-timeout (query_timeout=5000) and asyncmodel-telemetry
                             (telemetry=opentelemetry, the API without an SDK)
        --pipelining N       pipelining limit of the reads of asyncmodel and vertx-pipelined (4)
        --ops a,b            get,latest50,feed50,prefetch50,nplus1,active50,count,sumcat,exists,insert,update,increment,
                             getorcreate,delete (all)
        --database NAME      the benchmark's database, created if missing (asyncmodel_bench)
        --embedded           an embedded PostgreSQL even when PGHOST is set
        --isolated           each implementation in a JVM of its own (-Xms1g -Xmx1g, G1), driven
                             by this one in the same interleaved rounds
      """;

  /**
   * @param args the command line
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("processor-cost")) {
      ProcessorCost.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length > 0 && args[0].equals("jobs")) {
      BatchJobs.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    Options options;
    try {
      options = Options.parse(args);
    } catch (UsageException e) {
      if (e.getMessage() != null) {
        System.err.println("error: " + e.getMessage());
      }
      System.err.print(USAGE);
      System.exit(e.getMessage() == null ? 0 : 2);
      return;
    }
    if (options.child != null) {
      int status;
      try {
        status = Child.serve(options);
      } catch (Throwable e) {
        e.printStackTrace(System.err);
        status = 1;
      }
      System.exit(status);
      return;
    }
    System.exit(run(options, System.out, System.err));
  }

  /**
   * Runs the benchmark.
   *
   * @return the exit status: 0, or 1 when a request failed
   */
  static int run(Options o, PrintStream out, PrintStream log) throws Exception {
    ClosedLoop.Errors errors = new ClosedLoop.Errors();
    Map<String, Map<Op, Stats>> results = new LinkedHashMap<>();
    List<Double> otherLoad = new ArrayList<>();
    Instant started = Instant.now();
    PgServer server = PgServer.open(o.embedded, o.database);
    String serverDescription = server.description();
    Map<String, String> settings = server.settings();
    log.println("[bench] PostgreSQL " + settings.get("server_version") + ": " + serverDescription);
    log.println("[bench] loading " + Data.USERS + " users, " + Data.ROWS + " transactions");
    Schema.load(server);
    for (String name : o.impls) {
      results.put(name, new LinkedHashMap<>());
    }
    String isolation = null;
    if (o.isolated) {
      isolation = isolated(o, server, errors, results, otherLoad, log);
    } else {
      inProcess(o, server, errors, results, otherLoad, log);
    }
    Report report =
        new Report(
            o,
            results,
            settings,
            serverDescription,
            started,
            Instant.now(),
            errors,
            otherLoad,
            isolation);
    report.print(out);
    if (errors.count() > 0) {
      log.println("[bench] FAILED: " + errors.count() + " requests failed or read wrong results:");
      for (String sample : errors.samples()) {
        log.println("  " + sample);
      }
      return 1;
    }
    return 0;
  }

  /** The rounds with every implementation in this JVM, on one Vertx and one closed loop. */
  private static void inProcess(
      Options o,
      PgServer server,
      ClosedLoop.Errors errors,
      Map<String, Map<Op, Stats>> results,
      List<Double> otherLoad,
      PrintStream log)
      throws Exception {
    DeletePool deletable = new DeletePool();
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(o.eventLoops));
    List<Impl> impls = new ArrayList<>();
    try {
      List<Context> contexts = contexts(vertx, o.eventLoops);
      for (String name : o.impls) {
        impls.add(create(name, o, server, vertx, deletable));
      }
      ClosedLoop loop = new ClosedLoop(o.inFlight, contexts, deletable, errors, server.database());
      List<Contender> contenders = new ArrayList<>();
      for (Impl impl : impls) {
        contenders.add(Contender.inProcess(impl, loop, server, deletable));
      }
      new Rounds(o, contenders, () -> Schema.reset(server, deletable), otherLoad, log)
          .runAll(results);
    } finally {
      for (Impl impl : impls) {
        impl.close();
      }
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  /**
   * The rounds with each implementation in a JVM of its own ({@link ChildJvm}), driven from this
   * one. Each child owns the ids its deletes use: the rows it inserted, in its insert windows and
   * its top-ups. At the end of a round this JVM deletes every inserted row, and every child forgets
   * its ids.
   *
   * @return the report's line on the child JVMs
   */
  private static String isolated(
      Options o,
      PgServer server,
      ClosedLoop.Errors errors,
      Map<String, Map<Op, Stats>> results,
      List<Double> otherLoad,
      PrintStream log)
      throws Exception {
    List<ChildJvm> children = new CopyOnWriteArrayList<>();
    // A parent that is told to stop (SIGINT, SIGTERM) stops its children; one that is killed
    // outright leaves them to notice it (Child).
    Thread stopChildren = new Thread(() -> ChildJvm.destroyAll(children), "bench-stop-children");
    Runtime.getRuntime().addShutdownHook(stopChildren);
    try {
      log.println(
          "[bench] starting a JVM per implementation: java "
              + String.join(" ", ChildJvm.JVM_OPTIONS));
      for (String name : o.impls) {
        children.add(ChildJvm.start(name, o.args, server, errors, log));
      }
      for (ChildJvm child : children) {
        child.awaitReady();
      }
      Rounds.Reset reset =
          () -> {
            Schema.reset(server);
            for (ChildJvm child : children) {
              child.reset();
            }
          };
      new Rounds(o, children, reset, otherLoad, log).runAll(results);
      for (ChildJvm child : children) {
        child.quit();
      }
      return "each implementation ran in a JVM of its own (--isolated: java "
          + String.join(" ", ChildJvm.JVM_OPTIONS)
          + "; "
          + children.get(0).description()
          + "), driven by this one; during a window the other JVMs were idle, and they count"
          + " among the other processes";
    } finally {
      ChildJvm.destroyAll(children);
      try {
        Runtime.getRuntime().removeShutdownHook(stopChildren);
      } catch (IllegalStateException shuttingDown) {
        // The hook runs, or ran.
      }
    }
  }

  /** One event-loop context per event loop: where the async lanes issue their requests. */
  static List<Context> contexts(Vertx vertx, int eventLoops) throws Exception {
    List<Context> contexts = new CopyOnWriteArrayList<>();
    vertx
        .deployVerticle(
            () ->
                new VerticleBase() {
                  @Override
                  public Future<?> start() {
                    contexts.add(context);
                    return Future.succeededFuture();
                  }
                },
            new DeploymentOptions().setInstances(eventLoops))
        .toCompletionStage()
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    return List.copyOf(contexts);
  }

  /**
   * @return how the hand-written vertx-pg-client code connects: the prepared-statement cache on
   */
  static PgConnectOptions connectOptions(PgServer server) {
    PgConnectOptions connect =
        new PgConnectOptions()
            .setHost(server.host())
            .setPort(server.port())
            .setDatabase(server.database())
            .setUser(server.user())
            .setCachePreparedStatements(true);
    if (!server.password().isEmpty()) {
      connect.setPassword(server.password());
    }
    return connect;
  }

  static Impl create(String name, Options o, PgServer server, Vertx vertx, DeletePool deletable)
      throws Exception {
    PgConnectOptions connect = connectOptions(server);
    PoolOptions pool = new PoolOptions().setMaxSize(o.poolSize);
    return switch (name) {
      case "asyncmodel" ->
          new AsyncmodelImpl(
              name, vertx, server.asyncmodelUrl(o.poolSize, o.pipelining), deletable);
      // Every statement with a 5 s deadline: on a connection of its own, with a timer.
      case "asyncmodel-timeout" ->
          new AsyncmodelImpl(
              name,
              vertx,
              server.asyncmodelUrl(o.poolSize, o.pipelining) + "&query_timeout=5000",
              deletable);
      // Every statement a span and a histogram point, through the OpenTelemetry API with no
      // SDK registered: what the instrumentation itself costs, the exporter's cost aside.
      case "asyncmodel-telemetry" ->
          new AsyncmodelImpl(
              name,
              vertx,
              server.asyncmodelUrl(o.poolSize, o.pipelining) + "&telemetry=opentelemetry",
              deletable);
      case "vertx" -> {
        SqlClient pooled = PgBuilder.pool().with(pool).connectingTo(connect).using(vertx).build();
        yield new VertxImpl(name, pooled, pooled, deletable);
      }
      case "vertx-pipelined" -> {
        SqlClient reads =
            PgBuilder.client()
                .with(new PoolOptions(pool))
                .connectingTo(new PgConnectOptions(connect).setPipeliningLimit(o.pipelining))
                .using(vertx)
                .build();
        SqlClient writes = PgBuilder.pool().with(pool).connectingTo(connect).using(vertx).build();
        yield new VertxImpl(name, reads, writes, deletable);
      }
      case "jdbc" -> new JdbcImpl(server, o.poolSize, deletable);
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** The rounds: every operation, every implementation in turn, in short windows. */
  private static final class Rounds {
    /** What ends a round: the base data put back, and every id of a deleted row forgotten. */
    interface Reset {
      void run() throws Exception;
    }

    private final Options o;
    private final List<? extends Contender> impls;
    private final Reset reset;
    private final List<Double> otherLoad;
    private final PrintStream log;
    private double maxDeleteRate = 30_000;

    /**
     * @param otherLoad where the measured windows' load of other processes goes
     */
    Rounds(
        Options o,
        List<? extends Contender> impls,
        Reset reset,
        List<Double> otherLoad,
        PrintStream log) {
      this.o = o;
      this.impls = impls;
      this.reset = reset;
      this.otherLoad = otherLoad;
      this.log = log;
    }

    /** The warm-up round, then the measured ones. */
    void runAll(Map<String, Map<Op, Stats>> results) throws Exception {
      log.println("[bench] warm-up round (not measured)");
      run(0, null);
      for (int round = 1; round <= o.rounds; round++) {
        log.println("[bench] round " + round + " of " + o.rounds);
        run(round, results);
      }
    }

    /**
     * @param round 0 for the warm-up round, whose windows are not recorded
     * @param results where measured windows go, or null
     */
    void run(int round, Map<String, Map<Op, Stats>> results) throws Exception {
      long warmup = round == 0 ? 0 : o.warmupMillis;
      long window = round == 0 ? o.jitWarmupMillis : o.windowMillis;
      List<Op> order = new ArrayList<>(Op.RUN_ORDER);
      order.retainAll(o.ops);
      for (int k = 0; k < order.size(); k++) {
        Op op = order.get(k);
        // Rotate which implementation goes first, so none always follows the same neighbour.
        for (int i = 0; i < impls.size(); i++) {
          Contender impl = impls.get((round + k + i) % impls.size());
          if (op == Op.DELETE) {
            topUp(impl, warmup + window);
          }
          Window w = impl.run(op, warmup, window);
          double rate = w.ops() * 1e9 / w.nanos();
          if (op == Op.DELETE) {
            maxDeleteRate = Math.max(maxDeleteRate, rate);
          }
          log.printf(
              Locale.ROOT,
              "[bench]   %-28s %-16s %,10.0f ops/s   other processes: %.2f CPUs%n",
              op.label(),
              impl.name(),
              rate,
              w.otherCpus());
          if (results != null) {
            results.get(impl.name()).computeIfAbsent(op, x -> new Stats()).add(w);
            if (!Double.isNaN(w.otherCpus())) {
              otherLoad.add(w.otherCpus());
            }
          }
        }
      }
      reset.run();
    }

    /**
     * Has {@code impl} hold enough rows for its next delete window, at twice the fastest rate seen
     * (at least 30,000/s).
     */
    private void topUp(Contender impl, long millis) throws Exception {
      int need = (int) Math.min(2_000_000, maxDeleteRate * 2 * millis / 1000) + 1000;
      impl.topUp(need);
    }
  }

  static String machine() {
    List<String> gcs = new ArrayList<>();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcs.add(gc.getName());
    }
    return Runtime.getRuntime().availableProcessors()
        + " CPUs seen by the JVM, "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.arch")
        + ", Java "
        + System.getProperty("java.runtime.version")
        + ", GC "
        + String.join("/", gcs)
        + ", max heap "
        + Runtime.getRuntime().maxMemory() / (1024 * 1024)
        + " MiB";
  }

  static String duration(Instant from, Instant to) {
    return ChronoUnit.SECONDS.between(from, to) + " s";
  }
}
