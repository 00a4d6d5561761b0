package dev.asyncmodel.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.asyncmodel.Database;
import dev.asyncmodel.Ref;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the Java examples of {@code from-django.md} against a real SQLite file, whose tables have
 * the column types Django's {@code migrate} makes (made here with plain JDBC). Each fragment runs
 * on freshly reset rows, with {@code user} = ann (id 1) and {@code template} an unsaved coffee of
 * ann's; every Future it declares must succeed. The three views, which the page declares as static
 * methods named {@code getTransactions}, {@code getTransactionStats} and {@code createTransaction},
 * must answer with the spec's JSON.
 */
class FromDjangoTest {
  private static final String PAGE = "from-django.md";
  private static final long SECONDS = 20;

  /** Django's tables on SQLite, as {@code migrate} makes them for the spec's two models. */
  private static final List<String> SCHEMA =
      List.of(
          "CREATE TABLE \"auth_user\" ("
              + "\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT,"
              + " \"username\" varchar(150) NOT NULL UNIQUE)",
          "CREATE TABLE \"transaction\" ("
              + "\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT,"
              + " \"user_id\" bigint NOT NULL REFERENCES \"auth_user\" (\"id\")"
              + " DEFERRABLE INITIALLY DEFERRED,"
              + " \"amount\" decimal NOT NULL,"
              + " \"description\" varchar(200) NOT NULL,"
              + " \"category\" varchar(50) NOT NULL,"
              + " \"created_at\" datetime NOT NULL)",
          "CREATE INDEX \"transaction_user_id_idx\" ON \"transaction\" (\"user_id\")");

  /** The rows every example starts from, in the formats Django writes on SQLite. */
  private static final List<String> ROWS =
      List.of(
          "DELETE FROM \"transaction\"",
          "DELETE FROM \"auth_user\"",
          "DELETE FROM \"sqlite_sequence\"",
          "INSERT INTO \"auth_user\" (\"id\", \"username\") VALUES (1, 'ann'), (2, 'bob'),"
              + " (3, 'carol')",
          "INSERT INTO \"transaction\""
              + " (\"id\", \"user_id\", \"amount\", \"description\", \"category\", \"created_at\")"
              + " VALUES (1, 1, '4.50', 'Coffee', 'food', '2025-01-01 08:00:00'),"
              + " (2, 1, '1250.00', 'Rent, February', 'rent', '2025-01-01 09:00:00'),"
              + " (3, 1, '0.50', 'Gum', 'snacks', '2025-01-02 10:30:00.250000'),"
              + " (4, 2, '3.00', 'Tea', 'food', '2025-01-03 11:00:00')");

  private static Path dir;
  private static Connection jdbc;
  private static Vertx vertx;
  private static Database db;
  private static URLClassLoader models;

  @BeforeAll
  static void openDatabase() throws Exception {
    dir = Files.createTempDirectory("asyncmodel-docs");
    Path file = dir.resolve("from-django.db");
    jdbc = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement s = jdbc.createStatement()) {
      s.execute("PRAGMA busy_timeout = 5000");
      for (String sql : SCHEMA) {
        s.execute(sql);
      }
    }
    vertx = Vertx.vertx();
    db = Database.connect(vertx, "sqlite:" + file);
    models = new URLClassLoader(urls(Docs.classpath(PAGE)), FromDjangoTest.class.getClassLoader());
  }

  @AfterAll
  static void closeDatabase() throws Exception {
    if (db != null) {
      await(db.close());
    }
    if (vertx != null) {
      await(vertx.close());
    }
    if (models != null) {
      models.close();
    }
    if (jdbc != null) {
      jdbc.close();
    }
    if (dir != null) {
      Javac.delete(dir);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyExampleRunsOnSqlite() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Markdown.Block block : fragments()) {
      tests.add(dynamicTest(block.where() + " runs on SQLite", () -> run(block)));
    }
    assertTrue(tests.size() >= 12, "from-django.md should have a fragment per method of the spec");
    return tests.stream();
  }

  @Test
  void theThreeViewsAnswerWithTheSpecsJson() throws Exception {
    Map<String, Method> views = new HashMap<>();
    List<URLClassLoader> loaders = new ArrayList<>();
    try {
      for (Markdown.Block block : fragments()) {
        URLClassLoader loader = loader(block);
        loaders.add(loader);
        for (Method m : loader.loadClass(Docs.wrapperClass(block)).getDeclaredMethods()) {
          if (Modifier.isStatic(m.getModifiers()) && !m.getName().equals(JavaBlocks.RUN)) {
            m.setAccessible(true);
            views.put(m.getName(), m);
          }
        }
      }
      Method getTransactions = views.get("getTransactions");
      Method getTransactionStats = views.get("getTransactionStats");
      Method createTransaction = views.get("createTransaction");
      assertNotNull(getTransactions, "from-django.md declares no getTransactions");
      assertNotNull(getTransactionStats, "from-django.md declares no getTransactionStats");
      assertNotNull(createTransaction, "from-django.md declares no createTransaction");

      reset();
      Object ann = user(1L, "ann");
      JsonObject body =
          new JsonObject()
              .put("amount", "12.30")
              .put("description", "Lunch")
              .put("category", "food");
      assertEquals(
          "{\"id\":5,\"amount\":\"12.30\",\"description\":\"Lunch\",\"category\":\"food\"}",
          view(createTransaction, db, ann, body).encode());
      assertEquals(
          "{\"transactions\":["
              + "{\"id\":5,\"amount\":\"12.30\",\"description\":\"Lunch\",\"category\":\"food\"},"
              + "{\"id\":3,\"amount\":\"0.50\",\"description\":\"Gum\",\"category\":\"snacks\"},"
              + "{\"id\":2,\"amount\":\"1250.00\",\"description\":\"Rent, February\","
              + "\"category\":\"rent\"},"
              + "{\"id\":1,\"amount\":\"4.50\",\"description\":\"Coffee\",\"category\":\"food\"}"
              + "]}",
          view(getTransactions, db, ann).encode());
      assertEquals(
          "{\"total\":4,\"has_transactions\":true,"
              + "\"latest\":{\"id\":5,\"amount\":\"12.30\",\"description\":\"Lunch\","
              + "\"category\":\"food\"},"
              + "\"oldest\":{\"id\":1,\"amount\":\"4.50\",\"description\":\"Coffee\","
              + "\"category\":\"food\"}}",
          view(getTransactionStats, db, ann).encode());
      assertEquals(
          "{\"total\":0,\"has_transactions\":false,\"latest\":null,\"oldest\":null}",
          view(getTransactionStats, db, user(3L, "carol")).encode());
      assertEquals("{\"transactions\":[]}", view(getTransactions, db, user(3L, "carol")).encode());
    } finally {
      for (URLClassLoader loader : loaders) {
        loader.close();
      }
    }
  }

  /** The page's fragments: its blocks that are neither whole units nor error examples. */
  private static List<Markdown.Block> fragments() {
    return Docs.javaBlocks(PAGE).stream()
        .filter(b -> JavaBlocks.errorExample(b.code()).isEmpty())
        .filter(b -> !JavaBlocks.isUnit(b.code()))
        .toList();
  }

  private static void run(Markdown.Block block) throws Exception {
    try (URLClassLoader loader = loader(block)) {
      Docs.Compiled compiled = Docs.compile(block, block.code(), "");
      Method run = null;
      for (Method m : loader.loadClass(Docs.wrapperClass(block)).getDeclaredMethods()) {
        if (m.getName().equals(JavaBlocks.RUN)) {
          run = m;
        }
      }
      assertNotNull(run, block.where());
      run.setAccessible(true);
      reset();
      Object ann = user(1L, "ann");
      Map<String, Object> context = new HashMap<>();
      context.put("vertx", vertx);
      context.put("db", db);
      context.put("user", ann);
      context.put("template", transaction(ann));
      Object[] args = compiled.parameters().stream().map(context::get).toArray();
      @SuppressWarnings("unchecked") // the wrapper's run method returns the Futures it collected
      List<Future<?>> futures = (List<Future<?>>) invoke(run, args);
      for (Future<?> future : futures) {
        try {
          await(future);
        } catch (AssertionError e) {
          throw new AssertionError(block.where() + ": " + e.getMessage(), e.getCause());
        }
      }
    }
  }

  /** A class loader for a fragment: its own classes, then the page's models. */
  private static URLClassLoader loader(Markdown.Block block) throws MalformedURLException {
    Docs.Compiled compiled = Docs.compile(block, block.code(), "");
    assertTrue(
        compiled.result().success(),
        () -> block.where() + " does not compile:\n" + compiled.result().report());
    return new URLClassLoader(new URL[] {compiled.classes().toUri().toURL()}, models);
  }

  private static URL[] urls(List<Path> dirs) throws MalformedURLException {
    URL[] urls = new URL[dirs.size()];
    for (int i = 0; i < urls.length; i++) {
      urls[i] = dirs.get(i).toUri().toURL();
    }
    return urls;
  }

  /** Deletes every row and inserts the fixture rows again. */
  private static void reset() throws SQLException {
    try (Statement s = jdbc.createStatement()) {
      for (String sql : ROWS) {
        s.execute(sql);
      }
    }
  }

  /** The page's {@code com.example.User}, made with its canonical constructor. */
  private static Object user(long id, String username) throws ReflectiveOperationException {
    return models
        .loadClass("com.example.User")
        .getConstructor(Long.class, String.class)
        .newInstance(id, username);
  }

  /** An unsaved coffee of {@code user}'s, as the page's {@code com.example.Transaction}. */
  private static Object transaction(Object user) throws ReflectiveOperationException {
    return models
        .loadClass("com.example.Transaction")
        .getConstructor(
            Long.class, Ref.class, BigDecimal.class, String.class, String.class, Instant.class)
        .newInstance(null, Ref.of((Record) user), new BigDecimal("4.50"), "Coffee", "food", null);
  }

  private static JsonObject view(Method view, Object... args) throws Exception {
    Future<?> future = (Future<?>) invoke(view, args);
    return (JsonObject) await(future);
  }

  private static Object invoke(Method method, Object... args) throws Exception {
    try {
      return method.invoke(null, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("The Future failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("The Future did not complete in " + SECONDS + " s", e);
    }
  }
}
