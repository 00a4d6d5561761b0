package dev.asyncmodel.bench;

/**
 * One measured window of one implementation and operation.
 *
 * @param ops requests completed (and checked) inside the window
 * @param nanos the window's length
 * @param cpuNanos this JVM's CPU time during the window, every thread
 * @param serverCpuNanos the database server's CPU time during the window, or -1 if unknown
 * @param machineCpuNanos the machine's busy CPU time during the window, or -1 if unknown
 * @param allocatedBytes bytes this JVM's threads allocated during the window
 * @param latencies the latency of each request completed inside the window, in nanoseconds
 */
public record Window(
    long ops,
    long nanos,
    long cpuNanos,
    long serverCpuNanos,
    long machineCpuNanos,
    long allocatedBytes,
    long[] latencies) {
  /**
   * @return CPU time of other processes during the window, in CPUs busy on average; NaN if unknown
   */
  public double otherCpus() {
    if (serverCpuNanos < 0 || machineCpuNanos < 0) {
      return Double.NaN;
    }
    return Math.max(0, machineCpuNanos - serverCpuNanos - cpuNanos) / (double) nanos;
  }
}
