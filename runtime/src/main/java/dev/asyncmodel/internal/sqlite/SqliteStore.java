package dev.asyncmodel.internal.sqlite;

import dev.asyncmodel.DatabaseException;
import dev.asyncmodel.internal.Admission;
import dev.asyncmodel.internal.Deadline;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * One SQLite database file and the threads that use it, like aiosqlite: JDBC calls run on a bounded
 * worker pool of their own, never on an event loop. Writes are serialized on one writer connection
 * (SQLite allows one writer at a time; a transaction holds it for its whole block); reads run
 * concurrently on reader connections, which WAL mode lets see every committed write. An in-memory
 * database has one connection, which every statement takes in turn.
 */
final class SqliteStore {
  /** How long a write waits for SQLite's one writer, as {@code PRAGMA busy_timeout}. */
  static final long BUSY_TIMEOUT_MILLIS = 5000;

  private final String jdbcUrl;
  private final boolean memory;
  private final WorkerExecutor worker;
  private final BlockingQueue<Connection> idleReaders;
  private final List<Connection> allReaders = new ArrayList<>();
  private final int maxReaders;
  private final AsyncLock writerLock;
  private @Nullable Connection writer;
  private boolean closed;

  private final Vertx vertx;
  private final Deadline.@Nullable Limit queryTimeout;
  private final Admission admission;

  SqliteStore(
      Vertx vertx, String path, int poolSize, long queryTimeoutMillis, Admission admission) {
    this.vertx = vertx;
    this.queryTimeout = Deadline.Limit.of(queryTimeoutMillis);
    this.admission = admission;
    this.memory = path.isEmpty() || path.equals(":memory:");
    this.jdbcUrl = "jdbc:sqlite:" + (memory ? ":memory:" : path);
    this.maxReaders = memory ? 0 : Math.max(1, poolSize - 1);
    this.idleReaders = new ArrayBlockingQueue<>(Math.max(1, maxReaders));
    this.worker = vertx.createSharedWorkerExecutor("asyncmodel-sqlite-" + path, maxReaders + 1);
    this.writerLock =
        new AsyncLock(
            vertx,
            BUSY_TIMEOUT_MILLIS,
            () ->
                new DatabaseException(
                    "database is locked: SQLite has one writer, and a transaction has held it for "
                        + BUSY_TIMEOUT_MILLIS / 1000
                        + " s. Inside an atomic block, write through the Database the block was"
                        + " given, not the one atomic() was called on.",
                    null,
                    null));
  }

  /** The Vert.x instance, for the deadlines' timers. */
  Vertx vertx() {
    return vertx;
  }

  /** The connections open: the readers, and the writer once opened. */
  synchronized int connections() {
    return allReaders.size() + (writer != null ? 1 : 0);
  }

  /** The bound on statements outside transactions. */
  Admission admission() {
    return admission;
  }

  /** The URL's {@code query_timeout}, or null for none. */
  Deadline.@Nullable Limit queryTimeout() {
    return queryTimeout;
  }

  /** Runs blocking JDBC work on the worker pool. */
  <T> Future<T> blocking(Callable<T> work) {
    return worker.executeBlocking(work, false);
  }

  AsyncLock writerLock() {
    return writerLock;
  }

  /** The writer connection; call it only on a worker thread, holding the writer lock. */
  synchronized Connection writer() throws SQLException {
    if (closed) {
      throw new IllegalStateException("The Database is closed");
    }
    if (writer == null) {
      writer = open();
    }
    return writer;
  }

  /** Whether reads must take the writer lock too (an in-memory database has one connection). */
  boolean readsUseWriter() {
    return memory;
  }

  /** A reader connection, on a worker thread; give it back with {@link #release}. */
  Connection borrowReader() throws SQLException {
    Connection idle = idleReaders.poll();
    if (idle != null) {
      return idle;
    }
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("The Database is closed");
      }
      if (allReaders.size() < maxReaders) {
        Connection fresh = open();
        allReaders.add(fresh);
        return fresh;
      }
    }
    try {
      return idleReaders.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("Interrupted while waiting for a SQLite connection", e);
    }
  }

  /**
   * A connection of its own for a stream, outside the pool of readers, on a worker thread: a stream
   * holds its connection between chunks without a thread, and were it a pooled reader, enough open
   * streams would leave every other read waiting on a worker thread for one, and the streams' own
   * next chunks without a thread to run on. Closed by the stream.
   *
   * @return a new connection, set up as the pool's are
   * @throws SQLException if it cannot be opened
   */
  Connection openForStream() throws SQLException {
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("The Database is closed");
      }
    }
    return open();
  }

  void release(Connection reader) {
    if (!idleReaders.offer(reader)) {
      throw new IllegalStateException("More readers returned than borrowed");
    }
  }

  /**
   * The regular expressions {@code REGEXP} has used, compiled: a query's pattern is compiled once,
   * not once per row. Bounded: past {@value #MAX_PATTERNS}, a new pattern is compiled each time.
   */
  private static final java.util.Map<String, java.util.regex.Pattern> PATTERNS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final int MAX_PATTERNS = 1_000;

  /** {@code regexp(pattern, text)}: whether the text holds a match; NULL when either is NULL. */
  private static final class Regexp extends org.sqlite.Function {
    @Override
    protected void xFunc() throws SQLException {
      String pattern = value_text(0);
      String text = value_text(1);
      if (pattern == null || text == null) {
        result();
        return;
      }
      java.util.regex.Pattern compiled = PATTERNS.get(pattern);
      if (compiled == null) {
        try {
          compiled = java.util.regex.Pattern.compile(pattern);
        } catch (java.util.regex.PatternSyntaxException e) {
          throw new SQLException("Invalid regular expression: " + e.getDescription(), e);
        }
        if (PATTERNS.size() < MAX_PATTERNS) {
          PATTERNS.putIfAbsent(pattern, compiled);
        }
      }
      result(compiled.matcher(text).find() ? 1 : 0);
    }
  }

  /** The function {@link SqliteDialect#assignExpression} wraps a decimal column's new value in. */
  static final String FIT_DECIMAL = "asyncmodel_fit_decimal";

  /** What its error says, which {@link SqliteDialect} reports as SQLSTATE 22003. */
  static final String OVERFLOW = "numeric field overflow";

  /**
   * {@code asyncmodel_fit_decimal(value, digits, places)}: the value rounded half up to {@code
   * places}, as text, or an error when it has more than {@code digits - places} digits before the
   * point: what PostgreSQL and MySQL do when they store into {@code numeric(digits, places)}.
   */
  private static final class FitDecimal extends org.sqlite.Function {
    // SQLite's fundamental datatypes, as sqlite3_value_type() gives them.
    private static final int SQLITE_INTEGER = 1;
    private static final int SQLITE_FLOAT = 2;
    private static final int SQLITE_NULL = 5;

    @Override
    protected void xFunc() throws SQLException {
      java.math.BigDecimal value =
          switch (value_type(0)) {
            case SQLITE_NULL -> null;
            case SQLITE_INTEGER -> java.math.BigDecimal.valueOf(value_long(0));
            case SQLITE_FLOAT -> java.math.BigDecimal.valueOf(value_double(0));
            default -> {
              try {
                yield new java.math.BigDecimal(value_text(0).strip());
              } catch (NumberFormatException e) {
                throw new SQLException("Not a decimal: " + value_text(0), e);
              }
            }
          };
      if (value == null) {
        result();
        return;
      }
      int digits = value_int(1);
      int places = value_int(2);
      java.math.BigDecimal fitted = value.setScale(places, java.math.RoundingMode.HALF_UP);
      if (fitted.precision() - fitted.scale() > digits - places) {
        error(
            OVERFLOW
                + ": "
                + fitted.toPlainString()
                + " does not fit numeric("
                + digits
                + ", "
                + places
                + ")");
        return;
      }
      result(fitted.toPlainString());
    }
  }

  /** The function {@link SqliteDialect#assignExpression} wraps an integer column's new value in. */
  static final String FIT_INTEGER = "asyncmodel_fit_integer";

  /**
   * {@code asyncmodel_fit_integer(value, min, max)}: the value when it is an integer from {@code
   * min} to {@code max}, else an error, as PostgreSQL and MySQL refuse an integer that does not fit
   * its column (SQLite's own arithmetic turns one that overflows 64 bits into a real).
   */
  private static final class FitInteger extends org.sqlite.Function {
    private static final int SQLITE_INTEGER = 1;
    private static final int SQLITE_NULL = 5;

    @Override
    protected void xFunc() throws SQLException {
      int type = value_type(0);
      if (type == SQLITE_NULL) {
        result();
        return;
      }
      long min = value_long(1);
      long max = value_long(2);
      if (type != SQLITE_INTEGER) {
        error(OVERFLOW + ": " + value_text(0) + " is not an integer from " + min + " to " + max);
        return;
      }
      long value = value_long(0);
      if (value < min || value > max) {
        error(OVERFLOW + ": " + value + " is not an integer from " + min + " to " + max);
        return;
      }
      result(value);
    }
  }

  private Connection open() throws SQLException {
    Connection connection = DriverManager.getConnection(jdbcUrl);
    org.sqlite.Function.create(connection, "regexp", new Regexp());
    org.sqlite.Function.create(connection, FIT_DECIMAL, new FitDecimal(), 3, 0);
    org.sqlite.Function.create(connection, FIT_INTEGER, new FitInteger(), 3, 0);
    try (Statement pragma = connection.createStatement()) {
      pragma.execute("PRAGMA foreign_keys = ON");
      pragma.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
      // Case-sensitive LIKE, as PostgreSQL's: contains and icontains then differ.
      pragma.execute("PRAGMA case_sensitive_like = ON");
      if (!memory) {
        pragma.execute("PRAGMA journal_mode = WAL");
        pragma.execute("PRAGMA synchronous = NORMAL");
      }
    }
    return connection;
  }

  Future<Void> close() {
    return writerLock.with(
        () ->
            blocking(
                    () -> {
                      synchronized (this) {
                        closed = true;
                        SQLException first = null;
                        List<Connection> all = new ArrayList<>(allReaders);
                        if (writer != null) {
                          all.add(writer);
                        }
                        for (Connection c : all) {
                          try {
                            c.close();
                          } catch (SQLException e) {
                            first = first == null ? e : first;
                          }
                        }
                        if (first != null) {
                          throw first;
                        }
                        return (Void) null;
                      }
                    })
                .eventually(() -> worker.close()));
  }
}
