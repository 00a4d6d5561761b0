package dev.asyncmodel.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What the measured windows of one implementation and operation add up to. */
public final class Stats {
  private long ops;
  private long nanos;
  private long cpuNanos;
  private long serverCpuNanos;
  private long allocatedBytes;
  private boolean serverCpuKnown = true;
  private long[] latencies = new long[1024];
  private int count;
  private final List<Double> roundRates = new ArrayList<>();

  /**
   * Adds one measured window.
   *
   * @param window the window
   */
  public void add(Window window) {
    ops += window.ops();
    nanos += window.nanos();
    cpuNanos += window.cpuNanos();
    allocatedBytes += window.allocatedBytes();
    if (window.serverCpuNanos() < 0) {
      serverCpuKnown = false;
    } else {
      serverCpuNanos += window.serverCpuNanos();
    }
    long[] more = window.latencies();
    ensure(count + more.length);
    System.arraycopy(more, 0, latencies, count, more.length);
    count += more.length;
    roundRates.add(window.ops() * 1e9 / window.nanos());
  }

  private void ensure(int size) {
    if (size > latencies.length) {
      latencies = Arrays.copyOf(latencies, Math.max(size, latencies.length * 2));
    }
  }

  /**
   * @return operations per second over all measured windows
   */
  public double opsPerSecond() {
    return nanos == 0 ? 0 : ops * 1e9 / nanos;
  }

  /**
   * @return client (this JVM's) CPU time per operation, in microseconds
   */
  public double cpuMicrosPerOp() {
    return ops == 0 ? 0 : cpuNanos / 1e3 / ops;
  }

  /**
   * @return bytes allocated on this JVM's heap per operation, every thread
   */
  public double allocatedBytesPerOp() {
    return ops == 0 ? 0 : (double) allocatedBytes / ops;
  }

  /**
   * @return the database server's CPU time per operation, in microseconds, or NaN where /proc
   *     cannot be read
   */
  public double serverCpuMicrosPerOp() {
    return ops == 0 || !serverCpuKnown ? Double.NaN : serverCpuNanos / 1e3 / ops;
  }

  /**
   * @param quantile from 0 to 1
   * @return that quantile of the request latencies, in milliseconds
   */
  public double latencyMillis(double quantile) {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(latencies, count);
    Arrays.sort(sorted);
    return sorted[quantileIndex(count, quantile)] / 1e6;
  }

  /**
   * @param n number of samples
   * @param quantile from 0 to 1
   * @return the index of that quantile in the sorted samples (nearest rank)
   */
  static int quantileIndex(int n, double quantile) {
    int rank = (int) Math.ceil(quantile * n);
    return Math.min(n - 1, Math.max(0, rank - 1));
  }

  /**
   * @return the operations per second of each measured window, in order
   */
  public List<Double> roundRates() {
    return roundRates;
  }

  /**
   * @return the number of operations measured
   */
  public long ops() {
    return ops;
  }
}
