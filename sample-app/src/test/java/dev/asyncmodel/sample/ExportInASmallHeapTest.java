package dev.asyncmodel.sample;

import static dev.asyncmodel.sample.fixture.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.Database;
import dev.asyncmodel.Ref;
import dev.asyncmodel.sample.fixture.AppProcess;
import dev.asyncmodel.sample.model.Transaction;
import dev.asyncmodel.sample.model.Transactions;
import dev.asyncmodel.sample.model.User;
import dev.asyncmodel.sample.model.Users;
import dev.asyncmodel.testfixtures.TestDatabase;
import dev.asyncmodel.testfixtures.TestDatabases;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/transactions/export} of 1,000,000 transactions from an app started with {@code
 * -Xmx64m}: about 120 MB of NDJSON, and several times that as records, stream through a heap that
 * holds a small part of them, because the export reads its cursor at the pace the client reads.
 */
class ExportInASmallHeapTest {
  private static final int ROWS = 1_000_000;

  @Test
  void aMillionTransactionsExportFromA64MegabyteHeapOnSqlite() throws Exception {
    Path dir = Files.createTempDirectory("asyncmodel-sample-export");
    exportAMillion(dir, "sqlite:" + dir.resolve("app.db"));
  }

  @Test
  void aMillionTransactionsExportFromA64MegabyteHeapOnPostgresql() throws Exception {
    TestDatabase postgres = TestDatabases.postgres();
    postgres.dropTables("transaction", "auth_user");
    exportAMillion(Files.createTempDirectory("asyncmodel-sample-export"), postgres.url());
  }

  private static void exportAMillion(Path dir, String url) throws Exception {
    List<String> output;
    try (AppProcess app =
        AppProcess.start(
            dir, List.of("-Xmx64m"), Map.of("DATABASE_URL", url, "PBKDF2_ITERATIONS", "1000"))) {
      String base = "http://127.0.0.1:" + app.port();
      assertEquals(
          201, status(base + "/api/users", "{\"username\": \"ann\", \"password\": \"pw\"}"));
      fill(url);
      HttpURLConnection export =
          (HttpURLConnection)
              URI.create(base + "/api/transactions/export").toURL().openConnection();
      export.setRequestProperty(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString("ann:pw".getBytes(StandardCharsets.UTF_8)));
      assertEquals(200, export.getResponseCode());
      assertEquals("application/x-ndjson", export.getHeaderField("Content-Type"));
      long lines = 0;
      long lastId = 0;
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(export.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          JsonObject json = new JsonObject(line);
          long id = json.getLong("id");
          assertTrue(id > lastId, "ordered by id at line " + lines);
          lastId = id;
          lines++;
        }
      }
      assertEquals(ROWS, lines);
      assertTrue(app.isAlive(), "the app is still up");
      output = app.stop();
    }
    assertTrue(
        output.stream().noneMatch(line -> line.contains("OutOfMemoryError")),
        () -> String.join("\n", output));
  }

  /** A million transactions of ann, through asyncmodel in this JVM. */
  private static void fill(String url) {
    Vertx vertx = Vertx.vertx();
    Database db = Database.connect(vertx, url);
    try {
      User ann = await(Users.objects(db).aget(Users.USERNAME.eq("ann")));
      for (int from = 0; from < ROWS; from += 10_000) {
        List<Transaction> batch = new ArrayList<>(10_000);
        for (int i = from; i < from + 10_000; i++) {
          batch.add(
              new Transaction(
                  null,
                  Ref.of(ann),
                  BigDecimal.valueOf(i % 100_000, 2),
                  "Card payment " + i,
                  i % 2 == 0 ? "food" : "rent",
                  null));
        }
        await(Transactions.objects(db).abulkCreate(batch));
      }
    } finally {
      await(db.close());
      await(vertx.close());
    }
  }

  private static int status(String url, String body) throws Exception {
    HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    return connection.getResponseCode();
  }
}
