package dev.asyncmodel.internal;

import dev.asyncmodel.Database;
import dev.asyncmodel.Model;
import dev.asyncmodel.TransactionOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Makes {@link Database}s from URLs, and gets their {@link Session} back for QuerySets. */
public final class Databases {
  private Databases() {}

  /**
   * @param vertx the Vert.x instance
   * @param url the connection URL
   * @return the database
   */
  public static Database connect(Vertx vertx, String url) {
    Objects.requireNonNull(vertx, "vertx");
    ConnectionUrl parsed = ConnectionUrl.parse(url);
    Backend backend = Backends.forScheme(parsed.backend());
    if (backend == null) {
      throw new IllegalStateException("No backend for " + parsed);
    }
    if (parsed.openTelemetry() && !openTelemetryPresent()) {
      throw new IllegalArgumentException(
          "telemetry=opentelemetry needs io.opentelemetry:opentelemetry-api on the class path"
              + " (or module path), and an SDK for anything to be recorded");
    }
    Backend.Opened opened = backend.open(vertx, parsed);
    Session session = opened.session();
    Supplier<Future<Void>> close = opened.close();
    if (parsed.openTelemetry()) {
      List<AutoCloseable> instruments = new ArrayList<>();
      session =
          dev.asyncmodel.internal.telemetry.TelemetrySession.wrap(
              session, parsed, opened.pool(), instruments);
      Supplier<Future<Void>> pools = close;
      close =
          () -> {
            for (AutoCloseable instrument : instruments) {
              try {
                instrument.close();
              } catch (Exception e) {
                // a metric callback that would not unregister: the database closes all the same
              }
            }
            return pools.get();
          };
    }
    if (parsed.logStatements() || parsed.limits().slowStatementMillis() > 0) {
      session =
          new LoggingSession(
              session, parsed.logStatements(), parsed.limits().slowStatementMillis());
    }
    return new Root(vertx, session, opened.lifecycle(), close, parsed);
  }

  /** Whether the OpenTelemetry API can be loaded, without loading it for good. */
  private static boolean openTelemetryPresent() {
    try {
      Class.forName(
          "io.opentelemetry.api.GlobalOpenTelemetry", false, Databases.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * The session a {@link Database} runs on.
   *
   * @param db a database from {@link Database#connect}, or a transaction's
   * @return its session
   * @throws IllegalArgumentException for a {@code Database} implemented elsewhere
   */
  public static Session session(Database db) {
    if (db instanceof Bound bound) {
      return bound.session;
    }
    throw new IllegalArgumentException(
        "Not a Database from Database.connect: " + Objects.requireNonNull(db, "db").getClass());
  }

  /**
   * The database a terminal method with a deadline runs on: the same session, its statements bound
   * by {@code deadline}.
   *
   * @param db a database from {@link Database#connect}, or a transaction's
   * @param deadline when the method's statements must be done by
   * @return the bounded database
   */
  public static Database withDeadline(Database db, Deadline deadline) {
    Session session = session(db);
    return new Bound(((Bound) db).vertx, session.withDeadline(deadline));
  }

  /** A database bound to a session: a transaction's, or the root's. */
  private static class Bound implements Database {
    final Vertx vertx;
    final Session session;

    Bound(Vertx vertx, Session session) {
      this.vertx = vertx;
      this.session = session;
    }

    @Override
    public <T> Future<T> atomic(Function<Database, Future<T>> block) {
      Objects.requireNonNull(block, "block");
      return session.atomic(inner -> Session.call(block, new Bound(vertx, inner)));
    }

    @Override
    public <T> Future<T> atomic(TransactionOptions options, Function<Database, Future<T>> block) {
      Objects.requireNonNull(options, "options");
      Objects.requireNonNull(block, "block");
      return attempt(options, block, 0);
    }

    /** One run of the block; after a serialization failure, another, while retries are left. */
    private <T> Future<T> attempt(
        TransactionOptions options, Function<Database, Future<T>> block, int attempt) {
      Future<T> result;
      try {
        result = session.atomic(options, inner -> Session.call(block, new Bound(vertx, inner)));
      } catch (RuntimeException | Error e) {
        return Future.failedFuture(e);
      }
      if (attempt >= options.retryCount() || session.inTransaction()) {
        return result;
      }
      return result.recover(
          failure -> {
            if (!TransactionProtocol.isSerializationFailure(failure)) {
              return Future.failedFuture(failure);
            }
            // 5, 10, 20 ... ms, and up to as much again at random, so that the losers of one
            // conflict do not meet again at once.
            long pause = 5L << attempt;
            pause += java.util.concurrent.ThreadLocalRandom.current().nextLong(pause + 1);
            Promise<T> next = Promise.promise();
            vertx.setTimer(pause, id -> attempt(options, block, attempt + 1).onComplete(next));
            return next.future();
          });
    }

    @Override
    public void onCommit(Runnable callback) {
      session.onCommit(Objects.requireNonNull(callback, "callback"));
    }

    @Override
    public Future<Long> execute(String sql, @Nullable Object... params) {
      try {
        Objects.requireNonNull(sql, "sql");
        return Executor.execute(this, sql, params == null ? new Object[] {null} : params);
      } catch (RuntimeException | Error e) {
        return Future.failedFuture(e);
      }
    }

    @Override
    public Future<Void> createTables(Model<?>... models) {
      return Schema.create(session, models);
    }

    @Override
    public Future<Void> close() {
      return Future.failedFuture(
          new IllegalStateException(
              session.inTransaction()
                  ? "A transaction's Database is not closed: it ends with its atomic block"
                  : "A Database from withDeadline is not closed: close the Database it views"));
    }

    @Override
    public String toString() {
      return "Database[" + session.dialect().name() + (session.inTransaction() ? ", atomic]" : "]");
    }
  }

  /** The database {@link #connect} returns: it owns the pool. */
  private static final class Root extends Bound {
    private final Lifecycle lifecycle;
    private final Supplier<Future<Void>> closer;
    private @Nullable Future<Void> closing;

    private final ConnectionUrl url;

    Root(
        Vertx vertx,
        Session session,
        Lifecycle lifecycle,
        Supplier<Future<Void>> closer,
        ConnectionUrl url) {
      super(vertx, session);
      this.lifecycle = lifecycle;
      this.closer = closer;
      this.url = url;
    }

    /** The URL without its password: safe to log. */
    @Override
    public String toString() {
      return "Database[" + url + "]";
    }

    @Override
    public synchronized Future<Void> close() {
      if (closing == null) {
        lifecycle.end();
        closing = closer.get();
      }
      return closing;
    }
  }
}
