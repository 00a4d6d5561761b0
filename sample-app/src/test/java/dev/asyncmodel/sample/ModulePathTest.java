package dev.asyncmodel.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.sample.fixture.AppProcess;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The sample app is a named module, {@code dev.asyncmodel.sample}, and runs on the module path:
 * started with {@code java --module-path ... -m dev.asyncmodel.sample/dev.asyncmodel.sample.App} in
 * a JVM of its own, on a new SQLite file, it signs a user up, stores a transaction and lists it.
 */
class ModulePathTest {
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
    AppProcess app =
        AppProcess.start(
            dir,
            List.of(),
            Map.of("DATABASE_URL", "sqlite:" + dir.resolve("app.db"), "PBKDF2_ITERATIONS", "1000"));
    List<String> rest;
    try {
      String base = "http://127.0.0.1:" + app.port();
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
      rest = app.stop();
    }
    assertTrue(
        rest.stream().noneMatch(line -> line.contains("Exception")),
        () -> rest.stream().collect(Collectors.joining("\n")));
  }
}
