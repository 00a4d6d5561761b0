package dev.asyncmodel.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * One timed run of a batch job ({@link BatchJobs}): one contender, one round.
 *
 * @param rows the rows inserted, or the jobs done
 * @param nanos from the first statement to the last commit
 * @param cpuNanos this JVM's CPU time during the run, every thread
 * @param serverCpuNanos the database server's CPU time during the run, or -1 if unknown
 * @param machineCpuNanos the machine's busy CPU time during the run, or -1 if unknown
 * @param latencies for the job queue, each job's time from the start of its transaction to its
 *     commit, in nanoseconds; empty for a bulk insert
 */
record BatchRun(
    long rows,
    long nanos,
    long cpuNanos,
    long serverCpuNanos,
    long machineCpuNanos,
    long[] latencies) {
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /**
   * @return rows (or jobs) per second
   */
  double rate() {
    return rows * 1e9 / nanos;
  }

  /**
   * @return CPU time of other processes during the run, in CPUs busy on average; NaN if unknown
   */
  double otherCpus() {
    if (serverCpuNanos < 0 || machineCpuNanos < 0) {
      return Double.NaN;
    }
    return Math.max(0, machineCpuNanos - serverCpuNanos - cpuNanos) / (double) nanos;
  }

  /**
   * Starts the clock and the CPU counters. The server's and the machine's counters are read from
   * /proc first, the clock last, so reading /proc is not timed.
   *
   * @param database the benchmark's database, whose server processes are counted
   * @return the running meter
   */
  static Meter start(String database) {
    return new Meter(database);
  }

  /** A run being measured. */
  static final class Meter {
    private final String database;
    private final long server0;
    private final long machine0;
    private final long cpu0;
    private final long start;

    private Meter(String database) {
      this.database = database;
      this.server0 = ProcCpu.serverTicks(database);
      this.machine0 = ProcCpu.machineBusyTicks();
      this.cpu0 = OS.getProcessCpuTime();
      this.start = System.nanoTime();
    }

    /**
     * Stops the clock, then reads the counters.
     *
     * @param rows the rows inserted, or the jobs done
     * @param latencies each job's latency, or an empty array
     * @return the run
     */
    BatchRun stop(long rows, long[] latencies) {
      long nanos = System.nanoTime() - start;
      long cpu = OS.getProcessCpuTime() - cpu0;
      long machine1 = ProcCpu.machineBusyTicks();
      long server1 = ProcCpu.serverTicks(database);
      long machine =
          machine0 < 0 || machine1 < 0 ? -1 : (machine1 - machine0) * ProcCpu.NANOS_PER_TICK;
      long server = server0 < 0 || server1 < 0 ? -1 : (server1 - server0) * ProcCpu.NANOS_PER_TICK;
      return new BatchRun(rows, nanos, cpu, server, machine, latencies);
    }
  }
}
