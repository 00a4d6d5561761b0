package dev.asyncmodel.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One implementation in a JVM of its own ({@code --isolated}), as the parent drives it: it runs
 * {@link Child} and answers each command written to its standard input with one line on its
 * standard output. Its standard error is copied to the parent's log, each line under the
 * implementation's name, and the last lines are kept for the message of a child that exits early.
 */
final class ChildJvm implements Contender {
  /**
   * The options of every child JVM: the same fixed heap for each, so that none grows or shrinks its
   * heap during the run, and the collector the JVM picks for the in-process run on a server-class
   * machine. The parent's own options are not passed on.
   */
  static final List<String> JVM_OPTIONS =
      List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError");

  private static final int TAIL_LINES = 40;

  private final String name;
  private final Process process;
  private final BufferedReader replies;
  private final Writer commands;
  private final ClosedLoop.Errors errors;
  private final Thread stderrPump;
  private final Deque<String> tail = new ArrayDeque<>();
  private String description = "";

  private ChildJvm(String name, Process process, ClosedLoop.Errors errors, PrintStream log) {
    this.name = name;
    this.process = process;
    this.errors = errors;
    this.replies =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8), 1 << 16);
    this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.stderrPump = new Thread(() -> pump(log), "bench-stderr-" + name);
    stderrPump.setDaemon(true);
    stderrPump.start();
  }

  /**
   * Starts the JVM of one implementation. It connects to {@code server}'s database, named to it by
   * the {@code PG*} variables of its environment, and creates the implementation; {@link
   * #awaitReady()} waits for that.
   *
   * @param name the implementation
   * @param args the parent's command line, which the child parses as well
   * @param server the database, already loaded
   * @param errors where the failures the child reports go
   * @param log where the child's standard error goes
   * @return the child, starting
   */
  static ChildJvm start(
      String name, List<String> args, PgServer server, ClosedLoop.Errors errors, PrintStream log)
      throws IOException {
    return launch(name, command(name, args), server, errors, log);
  }

  /**
   * Starts a JVM that speaks the same protocol (one command a line on its standard input, one
   * answer a line on its standard output, {@code ready} first, {@code bye} to {@code quit}) from a
   * command line of the caller's, with the {@code PG*} variables of {@code server}: the batch jobs'
   * streaming contenders ({@link StreamChild}).
   *
   * @param name what the JVM runs, for the log and the messages
   * @param command its command line, from {@link #javaCommand}
   * @return the child, starting
   */
  static ChildJvm launch(
      String name, List<String> command, PgServer server, ClosedLoop.Errors errors, PrintStream log)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.put("PGHOST", server.host());
    env.put("PGPORT", Integer.toString(server.port()));
    env.put("PGUSER", server.user());
    env.put("PGDATABASE", server.database());
    if (server.password().isEmpty()) {
      env.remove("PGPASSWORD");
    } else {
      env.put("PGPASSWORD", server.password());
    }
    return new ChildJvm(name, builder.start(), errors, log);
  }

  /**
   * @param name the implementation
   * @param args the parent's command line
   * @return the child's command line: this JVM's {@code java} and class path, {@link #JVM_OPTIONS},
   *     then {@code Main --child NAME} and the parent's arguments
   */
  static List<String> command(String name, List<String> args) {
    List<String> rest = new ArrayList<>();
    rest.add("--child");
    rest.add(name);
    rest.addAll(args);
    return javaCommand(JVM_OPTIONS, Main.class.getName(), rest);
  }

  /**
   * @param jvmOptions the child's JVM options
   * @param mainClass the class whose {@code main} it runs
   * @param args that {@code main}'s arguments
   * @return this JVM's {@code java} and class path, {@code jvmOptions}, {@code mainClass} and
   *     {@code args}
   */
  static List<String> javaCommand(List<String> jvmOptions, String mainClass, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * @return the child's JVM, as {@link Main#machine()} describes it, once it is ready
   */
  String description() {
    return description;
  }

  /** Waits until the child has connected and created its implementation. */
  void awaitReady() throws IOException {
    description = reply("ready", "start");
  }

  @Override
  public Window run(Op op, long warmupMillis, long windowMillis) throws IOException {
    String command = "run " + op.key() + " " + warmupMillis + " " + windowMillis;
    send(command);
    String line = replies.readLine();
    if (line == null) {
      throw exited(command);
    }
    WindowLine window;
    try {
      window = WindowLine.decode(line);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "The JVM of " + name + " answered `" + command + "` with " + e.getMessage(), e);
    }
    errors.addCounted(window.errors(), window.errorSamples());
    return window.window();
  }

  @Override
  public void topUp(int need) throws IOException {
    send("topup " + need);
    reply("ok", "topup " + need);
  }

  /** Makes the child forget the ids of its inserted rows, after {@link Schema#reset(PgServer)}. */
  void reset() throws IOException {
    send("reset");
    reply("ok", "reset");
  }

  /**
   * Sends one command and reads its answer.
   *
   * @param command the command line
   * @param word the word the answer must start with
   * @return the rest of the answer
   * @throws IllegalStateException when the child answers otherwise, or exits
   */
  String ask(String command, String word) throws IOException {
    send(command);
    return reply(word, command);
  }

  /** Has the child close its implementation and exit, and checks that it did so cleanly. */
  void quit() throws IOException, InterruptedException {
    send("quit");
    reply("bye", "quit");
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("The JVM of " + name + " did not exit 30 s after `quit`");
    }
    if (process.exitValue() != 0) {
      throw exited("quit");
    }
  }

  /**
   * Ends the children still running, all at once: closes their standard input (a child waiting for
   * a command exits on that), gives them 2 s, asks the rest to terminate, gives them 5 s, and kills
   * what is left.
   *
   * @param children the children, running or not
   */
  static void destroyAll(List<ChildJvm> children) {
    List<ProcessHandle> handles = new ArrayList<>();
    for (ChildJvm child : children) {
      try {
        child.commands.close();
      } catch (IOException e) {
        // It exited already.
      }
      handles.add(child.process.toHandle());
    }
    if (awaitExit(handles, 2_000)) {
      return;
    }
    for (ProcessHandle handle : handles) {
      handle.descendants().forEach(ProcessHandle::destroyForcibly);
      handle.destroy();
    }
    if (!awaitExit(handles, 5_000)) {
      handles.forEach(ProcessHandle::destroyForcibly);
    }
  }

  /**
   * @return whether every process exited within {@code millis}
   */
  private static boolean awaitExit(List<ProcessHandle> handles, long millis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    for (ProcessHandle handle : handles) {
      try {
        handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException | ExecutionException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private void send(String command) throws IOException {
    try {
      commands.write(command + "\n");
      commands.flush();
    } catch (IOException e) {
      throw exited(command);
    }
  }

  /**
   * @return the rest of the child's next line, which must start with {@code word}
   */
  private String reply(String word, String command) throws IOException {
    String line = replies.readLine();
    if (line == null) {
      throw exited(command);
    }
    if (line.equals(word)) {
      return "";
    }
    if (!line.startsWith(word + " ")) {
      throw new IllegalStateException(
          "The JVM of "
              + name
              + " answered `"
              + command
              + "` with: "
              + WindowLine.abbreviate(line));
    }
    return line.substring(word.length() + 1);
  }

  /** The failure of a child that exited, or closed its output, before it answered. */
  private IllegalStateException exited(String command) {
    String status;
    try {
      status =
          process.waitFor(10, TimeUnit.SECONDS)
              ? "exited with status " + process.exitValue()
              : "closed its output but is still running";
      stderrPump.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = "stopped answering";
    }
    List<String> lines;
    synchronized (tail) {
      lines = new ArrayList<>(tail);
    }
    return new IllegalStateException(
        "The JVM of "
            + name
            + " (pid "
            + process.pid()
            + ") "
            + status
            + " before it answered `"
            + command
            + "`; "
            + (lines.isEmpty()
                ? "it wrote nothing to its standard error"
                : "the end of its standard error:\n  " + String.join("\n  ", lines)));
  }

  /** Copies the child's standard error to the log, and keeps its last lines. */
  private void pump(PrintStream log) {
    try (BufferedReader stderr =
        new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = stderr.readLine()) != null; ) {
        log.println("[" + name + "] " + line);
        synchronized (tail) {
          if (tail.size() == TAIL_LINES) {
            tail.removeFirst();
          }
          tail.addLast(line);
        }
      }
    } catch (IOException e) {
      log.println("[bench] reading the standard error of " + name + ": " + e);
    }
  }
}
