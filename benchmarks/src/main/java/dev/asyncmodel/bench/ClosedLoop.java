package dev.asyncmodel.bench;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import dev.asyncmodel.bench.Data.Request;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A closed loop: {@code inFlight} requests at all times, each lane issuing its next request when
 * the previous one completed. A warm-up, then a measured window; a request counts in the window
 * when it completes inside it. Every request's result is checked; a failed check or query is an
 * error, and any error fails the run.
 */
final class ClosedLoop {
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** Failures across the whole run. */
  static final class Errors {
    private final AtomicLong count = new AtomicLong();
    private final ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();

    void add(String impl, Op op, Throwable error) {
      add(impl + " / " + op.label(), error);
    }

    /**
     * @param what where it failed: the implementation and what it was doing
     * @param error the failure
     */
    void add(String what, Throwable error) {
      if (count.incrementAndGet() <= 10) {
        samples.add(what + ": " + error);
      }
    }

    /**
     * Adds failures counted elsewhere: in a child JVM ({@code --isolated}), whose samples are
     * already in the form {@link #add} gives them.
     *
     * @param more the number of failures
     * @param moreSamples messages of some of them, the first first
     */
    void addCounted(long more, List<String> moreSamples) {
      long before = count.getAndAdd(more);
      for (int i = 0; i < moreSamples.size() && before + i < 10; i++) {
        samples.add(moreSamples.get(i));
      }
    }

    long count() {
      return count.get();
    }

    List<String> samples() {
      return new ArrayList<>(samples);
    }
  }

  private final int inFlight;
  private final List<Context> contexts;
  private final DeletePool deletable;
  private final Errors errors;
  private final String database;

  /**
   * @param inFlight requests in flight
   * @param contexts the event-loop contexts the async lanes run on, round-robin
   * @param deletable rows for deletes
   * @param errors where failures go
   * @param database the benchmark's database, whose server processes' CPU time is measured
   */
  ClosedLoop(
      int inFlight, List<Context> contexts, DeletePool deletable, Errors errors, String database) {
    this.inFlight = inFlight;
    this.contexts = contexts;
    this.deletable = deletable;
    this.errors = errors;
    this.database = database;
  }

  /** The latencies of one lane, which only that lane's thread writes. */
  private static final class Lane {
    long[] latencies = new long[256];
    int count;

    void record(long nanos) {
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = nanos;
    }
  }

  /**
   * Runs one window.
   *
   * @param impl the implementation
   * @param op the operation
   * @param warmupNanos the warm-up before the measured window
   * @param measureNanos the measured window
   * @return what the window measured
   */
  Window run(Impl impl, Op op, long warmupNanos, long measureNanos) throws InterruptedException {
    long begin = System.nanoTime();
    long measureStart = begin + warmupNanos;
    long measureEnd = measureStart + measureNanos;
    Lane[] lanes = new Lane[inFlight];
    CountDownLatch done = new CountDownLatch(inFlight);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < inFlight; i++) {
      Lane lane = new Lane();
      lanes[i] = lane;
      if (impl instanceof Impl.Async async) {
        Context context = contexts.get(i % contexts.size());
        context.runOnContext(
            v -> new AsyncLane(async, op, lane, measureStart, measureEnd, done).next());
      } else {
        Impl.Blocking blocking = (Impl.Blocking) impl;
        Thread thread =
            new Thread(
                () -> blockingLane(blocking, op, lane, measureStart, measureEnd, done),
                "bench-" + impl.name() + "-" + i);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
      }
    }
    parkUntil(measureStart);
    long server0 = ProcCpu.serverTicks(database);
    long machine0 = ProcCpu.machineBusyTicks();
    long[] threads0 = THREADS.getAllThreadIds();
    long[] alloc0 = THREADS.getThreadAllocatedBytes(threads0);
    long cpu0 = OS.getProcessCpuTime();
    parkUntil(measureEnd);
    long cpu1 = OS.getProcessCpuTime();
    long allocated = allocatedSince(threads0, alloc0);
    long machine1 = ProcCpu.machineBusyTicks();
    long server1 = ProcCpu.serverTicks(database);
    if (!done.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException(
          impl.name() + " / " + op.label() + ": requests still pending 60 s after the window");
    }
    for (Thread thread : threads) {
      thread.join();
    }
    int total = 0;
    for (Lane lane : lanes) {
      total += lane.count;
    }
    long[] latencies = new long[total];
    int at = 0;
    for (Lane lane : lanes) {
      System.arraycopy(lane.latencies, 0, latencies, at, lane.count);
      at += lane.count;
    }
    long machine =
        machine0 < 0 || machine1 < 0 ? -1 : (machine1 - machine0) * ProcCpu.NANOS_PER_TICK;
    long server = server0 < 0 || server1 < 0 ? -1 : (server1 - server0) * ProcCpu.NANOS_PER_TICK;
    // The CPU samples are taken within a few milliseconds of the window's ends.
    return new Window(
        total, measureEnd - measureStart, cpu1 - cpu0, server, machine, allocated, latencies);
  }

  /** One lane of an async implementation, on one event-loop context. */
  private final class AsyncLane {
    private final Impl.Async impl;
    private final Op op;
    private final Lane lane;
    private final long measureStart;
    private final long measureEnd;
    private final CountDownLatch done;

    AsyncLane(
        Impl.Async impl,
        Op op,
        Lane lane,
        long measureStart,
        long measureEnd,
        CountDownLatch done) {
      this.impl = impl;
      this.op = op;
      this.lane = lane;
      this.measureStart = measureStart;
      this.measureEnd = measureEnd;
      this.done = done;
    }

    void next() {
      while (true) {
        long start = System.nanoTime();
        if (start >= measureEnd) {
          done.countDown();
          return;
        }
        Future<?> result;
        try {
          result = impl.call(op, Request.next(op, deletable));
        } catch (RuntimeException | Error e) {
          result = Future.failedFuture(e);
        }
        if (result.isComplete()) {
          completed(start, result.cause());
          continue;
        }
        result.onComplete(
            (value, failure) -> {
              completed(start, failure);
              next();
            });
        return;
      }
    }

    private void completed(long start, Throwable failure) {
      long end = System.nanoTime();
      if (failure != null) {
        errors.add(impl.name(), op, failure);
      } else if (end >= measureStart && end < measureEnd) {
        lane.record(end - start);
      }
    }
  }

  private void blockingLane(
      Impl.Blocking impl,
      Op op,
      Lane lane,
      long measureStart,
      long measureEnd,
      CountDownLatch done) {
    try {
      while (true) {
        long start = System.nanoTime();
        if (start >= measureEnd) {
          return;
        }
        try {
          impl.call(op, Request.next(op, deletable));
          long end = System.nanoTime();
          if (end >= measureStart && end < measureEnd) {
            lane.record(end - start);
          }
        } catch (Exception | Error e) {
          errors.add(impl.name(), op, e);
        }
      }
    } finally {
      done.countDown();
    }
  }

  /**
   * Bytes allocated by this JVM's threads since {@code before} was taken: each live thread's count
   * now, less its count then (0 for a thread started since).
   */
  private static long allocatedSince(long[] ids, long[] before) {
    Map<Long, Long> then = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      then.put(ids[i], before[i]);
    }
    long[] now = THREADS.getAllThreadIds();
    long[] bytes = THREADS.getThreadAllocatedBytes(now);
    long total = 0;
    for (int i = 0; i < now.length; i++) {
      if (bytes[i] >= 0) {
        total += bytes[i] - Math.max(0, then.getOrDefault(now[i], 0L));
      }
    }
    return total;
  }

  private static void parkUntil(long deadline) {
    long left;
    while ((left = deadline - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
    }
  }
}
