package dev.asyncmodel.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The line a child JVM of an {@code --isolated} run answers a window with, and what the parent
 * makes of it: no database, no child.
 */
class WindowLineTest {
  private static void assertSameWindow(Window expected, Window actual) {
    assertEquals(expected.ops(), actual.ops());
    assertEquals(expected.nanos(), actual.nanos());
    assertEquals(expected.cpuNanos(), actual.cpuNanos());
    assertEquals(expected.serverCpuNanos(), actual.serverCpuNanos());
    assertEquals(expected.machineCpuNanos(), actual.machineCpuNanos());
    assertEquals(expected.allocatedBytes(), actual.allocatedBytes());
    assertArrayEquals(expected.latencies(), actual.latencies());
  }

  @Test
  void aWindowSurvivesTheLine() {
    Window window =
        new Window(
            5,
            500_000_000L,
            123_456_789L,
            40_000_000L,
            990_000_000L,
            1L << 40,
            new long[] {0, 1, 255, 256, 1_234_567, Long.MAX_VALUE, Long.MIN_VALUE, -1});
    List<String> samples =
        List.of(
            "jdbc / delete by pk: matched 0 rows, not 1",
            "vertx / get by pk: a message\nover two lines, with = and , and spaces",
            "asyncmodel / exists: ünïcödé €");
    String line = new WindowLine(window, 12, samples).encode();
    assertFalse(line.contains("\n"), line);
    assertTrue(line.startsWith("window ops=5 nanos=500000000 cpuNanos=123456789 "), line);

    WindowLine back = WindowLine.decode(line);
    assertSameWindow(window, back.window());
    assertEquals(12, back.errors());
    assertEquals(samples, back.errorSamples());
  }

  @Test
  void anEmptyWindowAndUnknownServerCpuSurviveTheLine() {
    Window window = new Window(0, 1_000_000L, 0, -1, -1, 0, new long[0]);
    String line = new WindowLine(window, 0, List.of()).encode();
    WindowLine back = WindowLine.decode(line);
    assertSameWindow(window, back.window());
    assertTrue(Double.isNaN(back.window().otherCpus()));
    assertEquals(0, back.errors());
    assertEquals(List.of(), back.errorSamples());
  }

  @Test
  void latenciesAreLittleEndianLongsInBase64() {
    String line =
        new WindowLine(new Window(1, 1, 1, 1, 1, 1, new long[] {1}), 0, List.of()).encode();
    assertTrue(line.contains(" latencies=AQAAAAAAAAA= "), line);
  }

  @Test
  void aLineThatIsNoWindowIsRejected() {
    String good =
        new WindowLine(new Window(1, 2, 3, 4, 5, 6, new long[] {7}), 0, List.of()).encode();
    assertThrows(IllegalArgumentException.class, () -> WindowLine.decode("ready"));
    assertThrows(IllegalArgumentException.class, () -> WindowLine.decode("window ops=1"));
    assertThrows(
        IllegalArgumentException.class, () -> WindowLine.decode(good.replace("ops=1", "ops=one")));
    assertThrows(IllegalArgumentException.class, () -> WindowLine.decode(good + " ops=2"));
    assertThrows(
        IllegalArgumentException.class,
        () -> WindowLine.decode(good.replace("latencies=BwAAAAAAAAA=", "latencies=BwAAAA==")));
    assertThrows(
        IllegalArgumentException.class,
        () -> WindowLine.decode(good.replace("latencies=BwAAAAAAAAA=", "latencies=!")));
  }

  @Test
  void failuresCountedInAChildJoinTheRunsFailures() {
    ClosedLoop.Errors errors = new ClosedLoop.Errors();
    errors.add("vertx", Op.GET, new IllegalStateException("first"));
    errors.addCounted(3, List.of("jdbc / get by pk: a", "jdbc / get by pk: b"));
    assertEquals(4, errors.count());
    assertEquals(3, errors.samples().size());
    // The samples of the first ten failures of the run, as in one JVM: failures 5 to 10 here.
    errors.addCounted(20, List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10"));
    assertEquals(24, errors.count());
    assertEquals(9, errors.samples().size());
    assertEquals("6", errors.samples().get(8));
  }

  @Test
  void isolatedOptions() {
    Main.Options o = Main.Options.parse("--isolated", "--quick", "--database", "x");
    assertTrue(o.isolated);
    assertEquals(null, o.child);
    assertEquals(List.of("--isolated", "--quick", "--database", "x"), o.args);
    Main.Options child = Main.Options.parse("--child", "jdbc", "--isolated", "--quick");
    assertEquals("jdbc", child.child);
    assertThrows(Main.UsageException.class, () -> Main.Options.parse("--child", "hibernate"));
    List<String> command = ChildJvm.command("jdbc", o.args);
    assertEquals(
        List.of("dev.asyncmodel.bench.Main", "--child", "jdbc", "--isolated", "--quick"),
        command.subList(command.size() - 7, command.size() - 2));
    assertTrue(Main.USAGE.contains("--isolated"));
  }
}
