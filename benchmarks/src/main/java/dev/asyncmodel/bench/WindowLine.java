package dev.asyncmodel.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A window, and the requests that failed in it, as the one line a child JVM ({@code --isolated})
 * writes to its standard output after each {@code run} command:
 *
 * <pre>{@code
 * window ops=N nanos=N cpuNanos=N serverCpuNanos=N machineCpuNanos=N allocatedBytes=N
 *     latencies=BASE64 errors=N samples=BASE64,BASE64
 * }</pre>
 *
 * (one line, without the break). {@code latencies} is the latencies array as little-endian longs,
 * in Base64; {@code errors} counts the requests that failed during the window, and {@code samples}
 * holds the messages of the first of them, each in Base64 of its UTF-8 (the child keeps ten at most
 * over the run, as the in-process run does).
 *
 * @param window the window
 * @param errors requests that failed or read a wrong result during the window
 * @param errorSamples messages of some of them
 */
record WindowLine(Window window, long errors, List<String> errorSamples) {
  /** The line's first word. */
  static final String PREFIX = "window";

  private static final List<String> NUMBERS =
      List.of(
          "ops",
          "nanos",
          "cpuNanos",
          "serverCpuNanos",
          "machineCpuNanos",
          "allocatedBytes",
          "errors");

  WindowLine {
    errorSamples = List.copyOf(errorSamples);
  }

  /**
   * @return the line, without a line break
   */
  String encode() {
    ByteBuffer bytes =
        ByteBuffer.allocate(window.latencies().length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asLongBuffer().put(window.latencies());
    Base64.Encoder base64 = Base64.getEncoder();
    List<String> samples = new ArrayList<>();
    for (String sample : errorSamples) {
      samples.add(base64.encodeToString(sample.getBytes(StandardCharsets.UTF_8)));
    }
    return PREFIX
        + " ops="
        + window.ops()
        + " nanos="
        + window.nanos()
        + " cpuNanos="
        + window.cpuNanos()
        + " serverCpuNanos="
        + window.serverCpuNanos()
        + " machineCpuNanos="
        + window.machineCpuNanos()
        + " allocatedBytes="
        + window.allocatedBytes()
        + " latencies="
        + base64.encodeToString(bytes.array())
        + " errors="
        + errors
        + " samples="
        + String.join(",", samples);
  }

  /**
   * @param line a line {@link #encode()} wrote
   * @return what it holds
   * @throws IllegalArgumentException when the line is not one
   */
  static WindowLine decode(String line) {
    String[] words = line.split(" ");
    if (!words[0].equals(PREFIX)) {
      throw new IllegalArgumentException("Not a window line: " + abbreviate(line));
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 1; i < words.length; i++) {
      int eq = words[i].indexOf('=');
      if (eq <= 0 || fields.put(words[i].substring(0, eq), words[i].substring(eq + 1)) != null) {
        throw new IllegalArgumentException("Malformed window line: " + abbreviate(line));
      }
    }
    Map<String, Long> numbers = new LinkedHashMap<>();
    try {
      for (String name : NUMBERS) {
        String value = fields.get(name);
        if (value == null) {
          throw new IllegalArgumentException(
              "Window line without " + name + ": " + abbreviate(line));
        }
        numbers.put(name, Long.parseLong(value));
      }
      String latencies = fields.get("latencies");
      String samples = fields.get("samples");
      if (latencies == null || samples == null || fields.size() != NUMBERS.size() + 2) {
        throw new IllegalArgumentException("Malformed window line: " + abbreviate(line));
      }
      Base64.Decoder base64 = Base64.getDecoder();
      byte[] bytes = base64.decode(latencies);
      if (bytes.length % Long.BYTES != 0) {
        throw new IllegalArgumentException("Latencies of a partial long: " + abbreviate(line));
      }
      long[] nanos = new long[bytes.length / Long.BYTES];
      ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(nanos);
      List<String> messages = new ArrayList<>();
      if (!samples.isEmpty()) {
        for (String sample : samples.split(",", -1)) {
          messages.add(new String(base64.decode(sample), StandardCharsets.UTF_8));
        }
      }
      return new WindowLine(
          new Window(
              numbers.get("ops"),
              numbers.get("nanos"),
              numbers.get("cpuNanos"),
              numbers.get("serverCpuNanos"),
              numbers.get("machineCpuNanos"),
              numbers.get("allocatedBytes"),
              nanos),
          numbers.get("errors"),
          messages);
    } catch (NumberFormatException e) {
      // Base64's IllegalArgumentException needs no translation.
      throw new IllegalArgumentException("Malformed window line: " + abbreviate(line), e);
    }
  }

  /** The start of a line that may hold a megabyte of latencies. */
  static String abbreviate(String line) {
    return line.length() <= 200 ? line : line.substring(0, 200) + "... (" + line.length() + ")";
  }
}
