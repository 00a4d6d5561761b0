package dev.asyncmodel.internal;

import dev.asyncmodel.TransactionOptions;
import dev.asyncmodel.spi.RowReader;
import io.vertx.core.Future;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The statement log, on when a database URL says {@code log_statements=true}: every statement, with
 * the model, the SQL, the types it binds (never the values), how long it took and what came back,
 * at INFO on the {@code System.Logger} named {@value #NAME}. With {@code log_slow_statements=<ms>},
 * a statement that took at least that long is logged at WARNING, the others not at all (or at INFO,
 * with both). Off, there is no such session and nothing is spent.
 */
final class LoggingSession implements Session {
  /** The logger's name. */
  static final String NAME = "dev.asyncmodel.sql";

  private static final Logger LOG = System.getLogger(NAME);

  private final Session inner;
  private final boolean all;
  private final long slowNanos;

  /**
   * @param inner the session whose statements are logged
   * @param all whether every statement is logged, at INFO
   * @param slowMillis from how many milliseconds a statement is logged at WARNING; 0 for never
   */
  LoggingSession(Session inner, boolean all, long slowMillis) {
    this.inner = inner;
    this.all = all;
    this.slowNanos = slowMillis > 0 ? slowMillis * 1_000_000 : Long.MAX_VALUE;
  }

  private LoggingSession wrap(Session other) {
    return new LoggingSession(other, all, slowNanos == Long.MAX_VALUE ? 0 : slowNanos / 1_000_000);
  }

  @Override
  public Dialect dialect() {
    return inner.dialect();
  }

  @Override
  public void onCommit(Runnable callback) {
    inner.onCommit(callback);
  }

  @Override
  public boolean inTransaction() {
    return inner.inTransaction();
  }

  @Override
  public @Nullable IllegalStateException unusable() {
    return inner.unusable();
  }

  @Override
  public Session withDeadline(Deadline deadline) {
    return wrap(inner.withDeadline(deadline));
  }

  @Override
  public <R, X> Future<X> select(
      Statement statement, Function<RowReader, R> mapper, Function<List<R>, X> finish) {
    Outcome<List<R>> seen = new Outcome<>(list -> rows(list.size()));
    return logged(statement, seen, inner.select(statement, mapper, seen.then(finish)));
  }

  @Override
  public <R, X> Future<X> selectByName(
      Statement statement,
      Function<List<String>, Function<RowReader, R>> mappers,
      Function<List<R>, X> finish) {
    Outcome<List<R>> seen = new Outcome<>(list -> rows(list.size()));
    return logged(statement, seen, inner.selectByName(statement, mappers, seen.then(finish)));
  }

  @Override
  public <R, X> Future<X> writeReturning(
      Statement statement, Function<RowReader, R> mapper, Function<List<R>, X> finish) {
    Outcome<List<R>> seen = new Outcome<>(list -> rows(list.size()));
    return logged(statement, seen, inner.writeReturning(statement, mapper, seen.then(finish)));
  }

  /**
   * A stream is logged once, when it closes, with log_statements only: how long it ran is the
   * consumer's doing, so it is never a slow statement.
   */
  @Override
  public <R> ChunkSource<R> stream(
      Statement statement, Function<RowReader, R> mapper, int chunkSize) {
    ChunkSource<R> source = inner.stream(statement, mapper, chunkSize);
    if (!all) {
      return source;
    }
    return new ObservedSource<>(
        source,
        new ObservedSource.Watcher() {
          @Override
          public void opened() {}

          @Override
          public void closed(
              long nanos, long rows, @Nullable Throwable failure, boolean completed) {
            if (!LOG.isLoggable(Level.INFO)) {
              return;
            }
            String outcome =
                failure != null
                    ? failed(failure)
                    : rows(rows) + (completed ? " streamed" : " streamed, then closed");
            LOG.log(Level.INFO, line(statement, nanos, outcome));
          }
        });
  }

  @Override
  public <X> Future<X> update(Statement statement, Function<Long, X> finish) {
    Outcome<Long> seen = new Outcome<>(LoggingSession::rows);
    return logged(statement, seen, inner.update(statement, seen.then(finish)));
  }

  @Override
  public <X> Future<X> insert(Statement statement, Function<Long, X> finish) {
    Outcome<Long> seen = new Outcome<>(id -> "id " + id);
    return logged(statement, seen, inner.insert(statement, seen.then(finish)));
  }

  private static String rows(long n) {
    return n + (n == 1 ? " row" : " rows");
  }

  /** What a statement gave, described for the log as its result passes by, and when it began. */
  private static final class Outcome<V> {
    private final Function<V, String> describe;
    private final long start = System.nanoTime();
    private volatile String text = "";

    Outcome(Function<V, String> describe) {
      this.describe = describe;
    }

    <X> Function<V, X> then(Function<V, X> finish) {
      return value -> {
        text = describe.apply(value);
        return finish.apply(value);
      };
    }
  }

  @Override
  public <T> Future<T> atomic(TransactionOptions options, Function<Session, Future<T>> block) {
    return inner.atomic(options, tx -> block.apply(wrap(tx)));
  }

  private <X> Future<X> logged(Statement statement, Outcome<?> seen, Future<X> result) {
    return result.andThen(
        done -> {
          long nanos = System.nanoTime() - seen.start;
          Level level = nanos >= slowNanos ? Level.WARNING : all ? Level.INFO : null;
          if (level == null || !LOG.isLoggable(level)) {
            return;
          }
          LOG.log(
              level, line(statement, nanos, done.succeeded() ? seen.text : failed(done.cause())));
        });
  }

  /** A statement's line: its model, SQL and the types it binds, how long it took, what it gave. */
  private static String line(Statement statement, long nanos, String outcome) {
    String took = String.format(Locale.ROOT, "%.3f ms", nanos / 1_000_000.0);
    return statement.model()
        + ": "
        + statement.sql()
        + binds(statement.params())
        + " -- "
        + took
        + ", "
        + outcome;
  }

  /**
   * A failure without its message, which may quote a value ({@code Duplicate entry 'Ann'}): the
   * exception's type and SQLSTATE.
   */
  private static String failed(Throwable cause) {
    String state =
        cause instanceof dev.asyncmodel.DatabaseException db && db.sqlState() != null
            ? " (" + db.sqlState() + ")"
            : "";
    return "failed: " + cause.getClass().getSimpleName() + state;
  }

  /** The types bound, never the values. */
  private static String binds(List<Object> params) {
    return params.isEmpty()
        ? ""
        : "  -- binds (" + String.join(", ", Statement.typesOf(params)) + ")";
  }
}
