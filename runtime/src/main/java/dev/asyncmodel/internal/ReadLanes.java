package dev.asyncmodel.internal;

import io.vertx.core.Completable;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The connections reads outside a transaction run on, each pipelining up to {@code depth} queries,
 * and the choice of which one runs the next query. A query goes to an idle connection when there is
 * one; when none is idle and the pool may grow, it waits for a new connection rather than queue
 * behind a query in flight; only when every connection is open and busy does it pipeline, on the
 * connection with the fewest queries in flight, and of those the one that answered last, so that a
 * query stuck for seconds holds up no other while a connection is free. (The Vert.x pool's
 * pipelining client fills the first connection that has room, slow query or not: a read issued
 * behind a 3 s query waited for it.)
 *
 * <p>Requests that find every pipeline full wait in order, at most {@code maxWaiting} of them, each
 * at most {@code acquireTimeoutMillis}; the excess fails as the Vert.x pool's would, and so becomes
 * {@link dev.asyncmodel.PoolExhaustedException}.
 *
 * <p>Thread-safe: the state is guarded by this object's lock, held only to choose; the statement is
 * sent outside it.
 */
public final class ReadLanes {
  /** One connection and what is in flight on it. */
  private static final class Lane {
    final SqlConnection connection;
    int inFlight;

    /** When it last answered, or last began work after being idle. */
    long progress;

    boolean closed;

    Lane(SqlConnection connection) {
      this.connection = connection;
    }
  }

  /** A query waiting for room on a connection. */
  private record Waiting(String sql, Tuple params, Completable<RowSet<Row>> done, long since) {}

  /**
   * A connection that has queries in flight and has not answered for this long is taken to be held
   * up by a slow one, and gets no more while another can take them: several times a point query's
   * latency under load (0.2 to 0.4 ms at the benchmark's p50 and p99), far below a slow query's.
   */
  static final long STALL_NANOS = 2_000_000;

  private final Vertx vertx;
  private final Supplier<Future<SqlConnection>> connector;
  private final int maxConnections;
  private final int depth;
  private final int maxWaiting;
  private final long acquireTimeoutNanos;

  private final List<Lane> lanes = new ArrayList<>();
  private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
  private int opening;
  private long sweeper = -1;
  private boolean closed;

  /**
   * @param vertx runs the timer that fails requests waiting too long
   * @param connector opens one connection whose pipelining limit is {@code depth}
   * @param maxConnections the most connections open at once
   * @param depth queries in flight per connection
   * @param maxWaiting requests that may wait at once
   * @param acquireTimeoutMillis how long a request may wait
   */
  public ReadLanes(
      Vertx vertx,
      Supplier<Future<SqlConnection>> connector,
      int maxConnections,
      int depth,
      int maxWaiting,
      long acquireTimeoutMillis) {
    this.vertx = vertx;
    this.connector = connector;
    this.maxConnections = maxConnections;
    this.depth = depth;
    this.maxWaiting = maxWaiting;
    this.acquireTimeoutNanos = acquireTimeoutMillis * 1_000_000L;
  }

  /**
   * Runs a prepared query on the connection chosen for it.
   *
   * @param sql the statement
   * @param params its values
   * @param done gets the rows or the failure
   */
  public void execute(String sql, Tuple params, Completable<RowSet<Row>> done) {
    Lane lane = null;
    boolean open = false;
    Throwable refused = null;
    synchronized (this) {
      if (closed) {
        refused = new VertxException("Pool closed", true);
      } else {
        lane = choose();
        boolean growing = lanes.size() + opening < maxConnections;
        if (lane != null) {
          take(lane);
        } else if (!growing && waiting.size() >= maxWaiting) {
          // max_waiting bounds the requests that wait for room on the connections the pool has
          // reached; while it may still open one, a request waits for that, whatever max_waiting.
          refused =
              new ConnectionPoolTooBusyException(
                  "Connection pool reached max wait queue size of " + maxWaiting);
        } else {
          waiting.addLast(new Waiting(sql, params, onCaller(done), System.nanoTime()));
          open = mayOpen();
          sweepLater();
        }
      }
    }
    // The caller's code runs outside the lock.
    if (refused != null) {
      done.fail(refused);
      return;
    }
    if (open) {
      connect();
    }
    if (lane != null) {
      send(lane, sql, params, onCaller(done));
    }
  }

  /**
   * {@code done}, called on the caller's Vert.x context: a lane's connection answers on the event
   * loop that opened it, and a verticle expects its Futures to complete on its own. Outside a
   * context, or on the same event loop, it is called as it is.
   */
  private static Completable<RowSet<Row>> onCaller(Completable<RowSet<Row>> done) {
    Context caller = Vertx.currentContext();
    if (caller == null) {
      return done;
    }
    return (rows, failure) -> {
      if (Vertx.currentContext() == caller) {
        done.complete(rows, failure);
      } else {
        caller.runOnContext(v -> done.complete(rows, failure));
      }
    };
  }

  /** Whether one more connection may open for the waiting requests; if so, counts it in. */
  private boolean mayOpen() {
    if (lanes.size() + opening < maxConnections && opening < waiting.size()) {
      opening++;
      return true;
    }
    return false;
  }

  /**
   * The lane for the next query, not yet counted in: the first that has room and is moving (idle,
   * or answered within {@link #STALL_NANOS}), so that queries pack onto few connections, as the
   * Vert.x pool packs them, which is what makes pipelining pay; else none when the pool may grow
   * (the caller opens a connection); else the least loaded with room, stalled or not; else none
   * (the caller waits).
   */
  private @Nullable Lane choose() {
    long now = System.nanoTime();
    Lane stalled = null;
    for (int i = 0; i < lanes.size(); i++) {
      Lane lane = lanes.get(i);
      if (lane.inFlight >= depth) {
        continue;
      }
      if (lane.inFlight == 0 || now - lane.progress < STALL_NANOS) {
        return lane;
      }
      if (stalled == null || lane.inFlight < stalled.inFlight) {
        stalled = lane;
      }
    }
    if (lanes.size() + opening < maxConnections) {
      return null;
    }
    return stalled;
  }

  /** Counts a query in on {@code lane}. */
  private static void take(Lane lane) {
    if (lane.inFlight++ == 0) {
      lane.progress = System.nanoTime();
    }
  }

  private void send(Lane lane, String sql, Tuple params, Completable<RowSet<Row>> done) {
    lane.connection
        .preparedQuery(sql)
        .execute(params)
        .onComplete(
            (rows, failure) -> {
              answered(lane);
              done.complete(rows, failure);
            });
  }

  /** A query of {@code lane} ended: its room goes to the oldest waiting request. */
  private void answered(Lane lane) {
    Waiting next;
    synchronized (this) {
      lane.progress = System.nanoTime();
      next = lane.closed ? null : waiting.pollFirst();
      if (next == null) {
        lane.inFlight--;
        return;
      }
    }
    send(lane, next.sql, next.params, next.done);
  }

  private void connect() {
    connector
        .get()
        .onComplete(
            (connection, failure) -> {
              if (failure != null) {
                Waiting first;
                boolean again;
                synchronized (this) {
                  opening--;
                  // The request that asked for the connection fails with its error, as in the
                  // Vert.x pool; the others wait for a connection that frees or opens.
                  first = waiting.pollFirst();
                  again = !closed && lanes.isEmpty() && mayOpen();
                }
                if (first != null) {
                  first.done.fail(failure);
                }
                if (again) {
                  connect();
                }
                return;
              }
              opened(connection);
            });
  }

  private void opened(SqlConnection connection) {
    Lane lane = new Lane(connection);
    // Registered before the lane is offered, so that a close in between is not missed.
    connection.closeHandler(
        v -> {
          boolean again;
          synchronized (this) {
            lane.closed = true;
            lanes.remove(lane);
            again = !closed && mayOpen();
          }
          if (again) {
            connect();
          }
        });
    List<Waiting> batch = new ArrayList<>(depth);
    boolean close;
    synchronized (this) {
      opening--;
      close = closed || lane.closed;
      if (!close) {
        lanes.add(lane);
        while (lane.inFlight < depth && !waiting.isEmpty()) {
          batch.add(waiting.pollFirst());
          take(lane);
        }
      }
    }
    if (close) {
      connection.close();
      return;
    }
    for (Waiting w : batch) {
      send(lane, w.sql, w.params, w.done);
    }
  }

  /** While requests wait, fails those that waited past the acquire timeout, in order. */
  private void sweepLater() {
    if (sweeper >= 0 || acquireTimeoutNanos <= 0) {
      return;
    }
    long period = Math.max(1, Math.min(100, acquireTimeoutNanos / 1_000_000 / 4));
    sweeper =
        vertx.setPeriodic(
            period,
            id -> {
              List<Waiting> expired = new ArrayList<>();
              synchronized (this) {
                long now = System.nanoTime();
                while (!waiting.isEmpty()
                    && now - waiting.peekFirst().since >= acquireTimeoutNanos) {
                  expired.add(waiting.pollFirst());
                }
                if (waiting.isEmpty()) {
                  vertx.cancelTimer(id);
                  sweeper = -1;
                }
              }
              for (Waiting w : expired) {
                w.done.fail(new VertxException("Timeout", true));
              }
            });
  }

  /**
   * @return the connections open
   */
  public synchronized int connections() {
    return lanes.size();
  }

  /**
   * @return the connections open and the queries in flight on each, for diagnostics and tests
   */
  public synchronized String describe() {
    StringBuilder text = new StringBuilder("ReadLanes[");
    for (Lane lane : lanes) {
      text.append(lane.inFlight).append(' ');
    }
    return text.append("waiting ").append(waiting.size()).append(']').toString();
  }

  /**
   * Closes every connection; requests still waiting fail.
   *
   * @return done when the connections are closed
   */
  public Future<Void> close() {
    List<Lane> all;
    List<Waiting> left;
    synchronized (this) {
      closed = true;
      all = new ArrayList<>(lanes);
      lanes.clear();
      left = new ArrayList<>(waiting);
      waiting.clear();
      if (sweeper >= 0) {
        vertx.cancelTimer(sweeper);
        sweeper = -1;
      }
    }
    for (Waiting w : left) {
      w.done.fail(new VertxException("Pool closed", true));
    }
    List<Future<Void>> closing = new ArrayList<>();
    for (Lane lane : all) {
      closing.add(lane.connection.close());
    }
    return Future.join(closing).mapEmpty();
  }
}
