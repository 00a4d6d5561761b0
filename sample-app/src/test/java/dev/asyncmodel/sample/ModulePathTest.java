package dev.asyncmodel.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The sample app is a named module, {@code dev.asyncmodel.sample}, and runs on the module path:
 * started with {@code java --module-path ... -m dev.asyncmodel.sample/dev.asyncmodel.sample.App} in
 * a JVM of its own, on a new SQLite file, it signs a user up, stores a transaction and lists it.
 */
class ModulePathTest {
  private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:([0-9]+)");

  /** The app's classes and the modules it needs, from this test's class path. */
  private static String modulePath() {
    List<String> entries = new ArrayList<>();
    entries.add(Path.of("target/classes").toAbsolutePath().toString());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.isEmpty() || !Files.exists(Path.of(entry))) {
        continue;
      }
      Path path = Path.of(entry);
      String name = path.getFileName().toString();
      boolean runtime =
          name.startsWith("asyncmodel-runtime") || path.endsWith(Path.of("runtime/target/classes"));
      if (runtime
          || name.startsWith("vertx-")
          || name.startsWith("netty-")
          || name.startsWith("jackson-core")
          || name.startsWith("sqlite-jdbc")
          || name.startsWith("jspecify")) {
        entries.add(path.toAbsolutePath().toString());
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  /** A GET, or a POST of {@code body}; the status and the body. */
  private static String[] call(String url, String authorization, String body) throws Exception {
    HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
    if (authorization != null) {
      connection.setRequestProperty("Authorization", authorization);
    }
    if (body != null) {
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
    int status = connection.getResponseCode();
    java.io.InputStream in =
        status < 400 ? connection.getInputStream() : connection.getErrorStream();
    String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    return new String[] {String.valueOf(status), text};
  }

  @Test
  void theAppRunsOnTheModulePath() throws Exception {
    assertTrue(
        Files.exists(Path.of("target/classes/module-info.class")), "the app is a named module");
    Path dir = Files.createTempDirectory("asyncmodel-sample-module-path");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path",
                modulePath(),
                "--module",
                "dev.asyncmodel.sample/dev.asyncmodel.sample.App")
            .redirectErrorStream(true)
            .directory(dir.toFile());
    builder.environment().put("HOST", "127.0.0.1");
    builder.environment().put("PORT", "0");
    builder.environment().put("DATABASE_URL", "sqlite:" + dir.resolve("app.db"));
    builder.environment().put("PBKDF2_ITERATIONS", "1000");
    Process app = builder.start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  lines.add(line);
                }
              } catch (java.io.IOException e) {
                lines.add("read failed: " + e);
              }
            },
            "sample-app-output");
    reader.setDaemon(true);
    reader.start();
    try {
      String port = null;
      List<String> seen = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (port == null && System.nanoTime() < deadline) {
        String line = lines.poll(1, TimeUnit.SECONDS);
        if (line != null) {
          seen.add(line);
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            port = m.group(1);
          }
        } else if (!app.isAlive()) {
          break;
        }
      }
      assertNotNull(port, () -> "the app started: " + String.join("\n", seen));

      String base = "http://127.0.0.1:" + port;
      String[] signUp =
          call(base + "/api/users", null, "{\"username\": \"ann\", \"password\": \"module path\"}");
      assertEquals("201", signUp[0], signUp[1]);
      String auth =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString("ann:module path".getBytes(StandardCharsets.UTF_8));
      String[] created =
          call(
              base + "/api/transactions",
              auth,
              "{\"amount\": \"4.50\", \"description\": \"on the module path\","
                  + " \"category\": \"food\"}");
      assertEquals("201", created[0], created[1]);
      String[] listed = call(base + "/api/transactions", auth, null);
      assertEquals("200", listed[0], listed[1]);
      assertTrue(listed[1].contains("\"on the module path\""), listed[1]);
    } finally {
      app.destroy(); // the shutdown hook stops the server and closes the database
      if (!app.waitFor(20, TimeUnit.SECONDS)) {
        app.destroyForcibly();
      }
    }
    reader.join(5_000);
    List<String> rest = new ArrayList<>();
    lines.drainTo(rest);
    // The output ends when the process does (its stream may close before the reader sees EOF).
    rest.removeIf(line -> line.startsWith("read failed: java.io.IOException: Stream closed"));
    assertTrue(
        rest.stream().noneMatch(line -> line.contains("Exception")),
        () -> rest.stream().collect(Collectors.joining("\n")));
  }
}
