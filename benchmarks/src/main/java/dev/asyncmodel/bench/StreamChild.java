package dev.asyncmodel.bench;

import dev.asyncmodel.bench.model.Transaction;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The JVM of one contender of the streaming job ({@link StreamJob}), started by {@code jobs} with
 * the same heap for every contender ({@code java -Xms.. -Xmx.. -cp ... StreamChild CONTENDER
 * DATABASE CHUNK POOL}). It creates the contender, then serves the parent's commands, one a line on
 * standard input, each answered with one line on standard output, as {@link ChildJvm} expects:
 *
 * <ul>
 *   <li>{@code run}: one run, after a full GC: {@code done} and the run ({@link
 *       StreamJob.Result#encode()}), or {@code failed} and why;
 *   <li>{@code list N} (contender {@code list} only): the heap {@code aall()} of the first N rows
 *       keeps, {@code ok BYTES};
 *   <li>{@code quit}: closes the contender, answers {@code bye} and exits.
 * </ul>
 *
 * Once ready, it writes {@code ready} and a description of its JVM. Everything else it writes goes
 * to standard error. It exits when its standard input ends or its parent exits.
 */
final class StreamChild {
  private StreamChild() {}

  /** How many times {@code list} measures; it answers the median. */
  static final int LIST_MEASUREMENTS = 3;

  /**
   * @param args the contender ({@code asyncmodel}, {@code vertx}, {@code jdbc}, or {@code list}),
   *     the database, the chunk size, the pool size
   */
  public static void main(String[] args) {
    int status;
    try {
      status = serve(args);
    } catch (Throwable e) {
      e.printStackTrace(System.err);
      status = 1;
    }
    System.exit(status);
  }

  private static int serve(String[] args) throws Exception {
    if (args.length != 4) {
      throw new IllegalArgumentException(
          "usage: StreamChild asyncmodel|vertx|jdbc|list DATABASE CHUNK POOL, not "
              + Arrays.toString(args));
    }
    String what = args[0];
    int chunk = Integer.parseInt(args[2]);
    int poolSize = Integer.parseInt(args[3]);
    PrintStream replies =
        new PrintStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 12),
            false,
            StandardCharsets.UTF_8);
    System.setOut(System.err);
    PrintStream log = System.err;
    ProcessHandle.current()
        .parent()
        .ifPresent(
            parent ->
                parent
                    .onExit()
                    .thenRun(
                        () -> {
                          log.println("[jobs] the parent JVM exited: " + what + " stops");
                          Runtime.getRuntime().halt(3);
                        }));
    HeapMeter heap = new HeapMeter();
    // The parent's server, named by the environment it gave this JVM.
    PgServer server = PgServer.open(false, args[1]);
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    AsyncmodelBatch asyncmodel = null;
    VertxBatch hand = null;
    JdbcBatch jdbc = null;
    try {
      Context context = Main.contexts(vertx, 1).get(0);
      StreamJob.Body body;
      switch (what) {
        case "asyncmodel", "list" -> {
          asyncmodel = new AsyncmodelBatch(vertx, server.asyncmodelUrl(poolSize, 4), context);
          body = asyncmodel.stream(chunk);
        }
        case "vertx" -> {
          hand = new VertxBatch(vertx, server, poolSize, context);
          body = hand.stream(chunk);
        }
        case "jdbc" -> {
          jdbc = new JdbcBatch(server);
          body = jdbc.stream(chunk);
        }
        default -> throw new IllegalArgumentException("Unknown streaming contender: " + what);
      }
      reply(replies, "ready " + Main.machine());
      BufferedReader commands =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line; (line = commands.readLine()) != null; ) {
        String[] words = line.split(" ");
        if (line.equals("run")) {
          reply(replies, run(body, heap, server.database()));
        } else if (words.length == 2 && words[0].equals("list") && what.equals("list")) {
          reply(replies, "ok " + list(asyncmodel, heap, Integer.parseInt(words[1])));
        } else if (line.equals("quit")) {
          close(asyncmodel, hand, jdbc, vertx);
          reply(replies, "bye");
          return 0;
        } else {
          throw new IllegalArgumentException("Unknown command: " + line);
        }
      }
      log.println("[jobs] standard input ended: " + what + " stops");
      close(asyncmodel, hand, jdbc, vertx);
      return 0;
    } catch (Exception | Error e) {
      close(asyncmodel, hand, jdbc, vertx);
      throw e;
    }
  }

  /**
   * One run: a full GC and the heap's peaks reset (not timed), then the stream, timed.
   *
   * @return the answer: {@code done} and the run, or {@code failed} and the failure
   */
  private static String run(StreamJob.Body body, HeapMeter heap, String database) {
    HeapMeter.Mark mark = heap.start();
    BatchRun.Meter meter = BatchRun.start(database);
    StreamJob.Tally tally;
    try {
      tally = body.stream();
    } catch (Exception e) {
      e.printStackTrace(System.err);
      return "failed " + e.toString().replace('\n', ' ');
    }
    BatchRun run = meter.stop(tally.rows(), new long[0]);
    HeapMeter.Heap used = heap.stop(mark);
    return "done " + new StreamJob.Result(run, tally.amountSum(), tally.wrong(), used).encode();
  }

  /**
   * The heap a {@code List} of the first {@code rows} rows from {@code aall()} keeps: the heap in
   * use after a full GC with the list held, less the heap in use after a full GC before the call.
   * One call first, not measured, then {@link #LIST_MEASUREMENTS}. Before each GC, an empty task on
   * the event loop: otherwise a frame of its thread may still refer to the previous call's result
   * (the last task it ran), and a list would be counted twice, or not at all.
   *
   * @return the median of the measurements, in bytes
   */
  private static long list(AsyncmodelBatch asyncmodel, HeapMeter heap, int rows) throws Exception {
    check(asyncmodel.firstRows(rows), rows);
    long[] retained = new long[LIST_MEASUREMENTS];
    List<Transaction> list = null;
    for (int i = 0; i < retained.length; i++) {
      list = null;
      asyncmodel.idle();
      System.gc();
      long before = heap.used();
      list = asyncmodel.firstRows(rows);
      asyncmodel.idle();
      System.gc();
      retained[i] = heap.used() - before;
      check(list, rows);
      System.err.printf(
          Locale.ROOT,
          "[jobs] aall() of %,d rows: %,d bytes before, %,d more with the List held%n",
          rows,
          before,
          retained[i]);
    }
    Reference.reachabilityFence(list);
    Arrays.sort(retained);
    return retained[retained.length / 2];
  }

  private static void check(List<Transaction> list, int rows) {
    if (list.size() != rows || list.get(rows - 1).id() != rows) {
      throw new Data.CheckFailed(
          "aall() of the first " + rows + " rows gave " + list.size() + " rows");
    }
  }

  private static void close(
      AsyncmodelBatch asyncmodel, VertxBatch hand, JdbcBatch jdbc, Vertx vertx) {
    try {
      if (asyncmodel != null) {
        asyncmodel.close();
      }
      if (hand != null) {
        hand.close();
      }
      if (jdbc != null) {
        jdbc.close();
      }
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("[jobs] closing: " + e);
    }
  }

  private static void reply(PrintStream replies, String line) {
    replies.print(line);
    replies.print('\n');
    replies.flush();
    if (replies.checkError()) {
      throw new IllegalStateException("Cannot write to the parent: its end of the pipe is closed");
    }
  }
}
