package dev.asyncmodel.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time from Linux's /proc, in clock ticks (10 ms): the whole machine's, and the database
 * server's (every process named {@code postgres}). Elsewhere every value is -1, and the table says
 * n/a.
 */
final class ProcCpu {
  /** Nanoseconds per clock tick: USER_HZ is 100 on Linux. */
  static final long NANOS_PER_TICK = 10_000_000L;

  private static final Path PROC = Path.of("/proc");

  private ProcCpu() {}

  /**
   * @return the machine's busy CPU time so far (all CPUs, all processes), or -1
   */
  static long machineBusyTicks() {
    try {
      String line = Files.readAllLines(PROC.resolve("stat")).get(0);
      String[] f = line.trim().split("\\s+");
      if (!f[0].equals("cpu")) {
        return -1;
      }
      long busy = 0;
      // user nice system idle iowait irq softirq steal (guest time is inside user and nice)
      for (int i = 1; i < Math.min(f.length, 9); i++) {
        if (i != 4 && i != 5) {
          busy += Long.parseLong(f[i]);
        }
      }
      return busy;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * @param database the benchmark's database
   * @return the CPU time so far of the database server: every live process named {@code postgres}
   *     but the backends of clients of other databases (other tests sharing the server), or -1
   */
  static long serverTicks(String database) {
    long total = 0;
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC)) {
      for (Path dir : dirs) {
        String name = dir.getFileName().toString();
        if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
          continue;
        }
        String stat;
        String title;
        try {
          stat = Files.readString(dir.resolve("stat"), StandardCharsets.ISO_8859_1);
          int open = stat.indexOf('(');
          int close = stat.lastIndexOf(')');
          if (open < 0 || close < open || !stat.substring(open + 1, close).equals("postgres")) {
            continue;
          }
          title = Files.readString(dir.resolve("cmdline"), StandardCharsets.ISO_8859_1);
          stat = stat.substring(close + 2);
        } catch (IOException | RuntimeException gone) {
          continue; // the process ended meanwhile
        }
        String db = clientDatabase(title.replace('\0', ' ').trim());
        if (db != null && !db.equals(database)) {
          continue;
        }
        String[] f = stat.split(" ");
        total += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
      }
      return total;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * @param title a server process's title: {@code postgres: [cluster: ]user database host(port)
   *     state} for a client's backend
   * @return the database of a client's backend, or null for the server's own processes
   */
  static String clientDatabase(String title) {
    String[] words = title.split(" +");
    for (int i = 2; i < words.length; i++) {
      if (words[i].equals("[local]") || words[i].matches(".+\\([0-9]+\\)")) {
        return words[i - 1];
      }
    }
    return null;
  }
}
