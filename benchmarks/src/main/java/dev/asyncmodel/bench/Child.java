package dev.asyncmodel.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JVM of one implementation in an {@code --isolated} run ({@code Main --child NAME ...}): it
 * creates that implementation with its own Vertx, contexts, closed loop and ids for deletes, then
 * serves the parent's commands, one a line on standard input, each answered with one line on
 * standard output:
 *
 * <ul>
 *   <li>{@code run OP WARMUP_MS WINDOW_MS}: one window of the closed loop, answered with a {@link
 *       WindowLine};
 *   <li>{@code topup N}: inserts rows for deletes until this JVM holds at least N ids, answered
 *       {@code ok SIZE};
 *   <li>{@code reset}: forgets those ids, after the parent deleted the round's rows; {@code ok};
 *   <li>{@code quit}: closes the implementation, answers {@code bye} and exits.
 * </ul>
 *
 * Once ready, it writes {@code ready} and a description of its JVM. Standard output carries nothing
 * else: {@code System.out} is pointed at standard error, where everything the child logs goes. The
 * child exits when its standard input ends or its parent exits.
 */
final class Child {
  private Child() {}

  /**
   * @param o the parent's options, with {@code --child NAME}
   * @return the exit status
   */
  static int serve(Main.Options o) throws Exception {
    PrintStream replies =
        new PrintStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
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
                          log.println("[bench] the parent JVM exited: " + o.child + " stops");
                          Runtime.getRuntime().halt(3);
                        }));
    String host = System.getenv("PGHOST");
    if (host == null || host.isBlank()) {
      throw new IllegalStateException(
          "--child is for the JVMs an --isolated run starts, with PGHOST... set to its server");
    }
    // The parent's server, named by the environment it gave this JVM: never an embedded one.
    PgServer server = PgServer.open(false, o.database);
    // On a failure, the JVM exits (Main): closing the pools first would gain nothing.
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(o.eventLoops));
    List<Context> contexts = Main.contexts(vertx, o.eventLoops);
    DeletePool deletable = new DeletePool();
    ClosedLoop.Errors errors = new ClosedLoop.Errors();
    Impl impl = Main.create(o.child, o, server, vertx, deletable);
    ClosedLoop loop = new ClosedLoop(o.inFlight, contexts, deletable, errors, server.database());
    reply(replies, "ready " + Main.machine());
    BufferedReader commands =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    long reported = 0;
    int reportedSamples = 0;
    for (String line; (line = commands.readLine()) != null; ) {
      String[] words = line.split(" ");
      switch (words[0]) {
        case "run" -> {
          expect(words, 4, line);
          Window window =
              loop.run(
                  impl,
                  Op.byKey(words[1]),
                  TimeUnit.MILLISECONDS.toNanos(Long.parseLong(words[2])),
                  TimeUnit.MILLISECONDS.toNanos(Long.parseLong(words[3])));
          // The failures of this window: the count since the last answer, and the samples (the
          // first ten of the run) not sent yet.
          long count = errors.count();
          List<String> samples = errors.samples();
          WindowLine answer =
              new WindowLine(
                  window, count - reported, samples.subList(reportedSamples, samples.size()));
          reported = count;
          reportedSamples = samples.size();
          reply(replies, answer.encode());
        }
        case "topup" -> {
          expect(words, 2, line);
          Contender.topUp(server, deletable, Integer.parseInt(words[1]));
          reply(replies, "ok " + deletable.size());
        }
        case "reset" -> {
          expect(words, 1, line);
          deletable.clear();
          reply(replies, "ok");
        }
        case "quit" -> {
          expect(words, 1, line);
          close(impl, vertx);
          reply(replies, "bye");
          return 0;
        }
        default -> throw new IllegalArgumentException("Unknown command: " + line);
      }
    }
    log.println("[bench] standard input ended: " + o.child + " stops");
    close(impl, vertx);
    return 0;
  }

  private static void close(Impl impl, Vertx vertx) throws Exception {
    try {
      impl.close();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static void expect(String[] words, int count, String line) {
    if (words.length != count) {
      throw new IllegalArgumentException("Malformed command: " + line);
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
