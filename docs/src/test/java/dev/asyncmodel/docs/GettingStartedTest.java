package dev.asyncmodel.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code getting-started.md}'s first query, {@code com.example.Main.firstQuery(db)}, twice on
 * a new SQLite file: the first run creates the tables and ann, the second finds ann, and each adds
 * a coffee that the query then reads back, newest first.
 */
class GettingStartedTest {
  @Test
  void theFirstQueryRunsOnANewSqliteFile() throws Exception {
    Docs.Compiled units = Docs.units("getting-started.md").orElseThrow();
    assertTrue(units.result().success(), units.result()::report);
    Path dir = Files.createTempDirectory("asyncmodel-getting-started");
    Vertx vertx = Vertx.vertx();
    List<URL> urls = new ArrayList<>();
    for (Path path : Docs.classpath("getting-started.md")) {
      urls.add(path.toUri().toURL());
    }
    try (URLClassLoader loader =
        new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader())) {
      Method firstQuery =
          loader.loadClass("com.example.Main").getDeclaredMethod("firstQuery", Database.class);
      firstQuery.setAccessible(true);
      Database db = Database.connect(vertx, "sqlite:" + dir.resolve("app.db"));
      try {
        List<?> first = await((Future<?>) firstQuery.invoke(null, db));
        assertEquals(1, first.size(), first::toString);
        List<?> second = await((Future<?>) firstQuery.invoke(null, db));
        assertEquals(2, second.size(), second::toString);
        assertTrue(second.get(0).toString().contains("id=2"), second::toString);
        assertTrue(second.get(1).toString().contains("description=Coffee"), second::toString);
      } finally {
        db.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      Javac.delete(dir);
    }
  }

  private static List<?> await(Future<?> future) throws Exception {
    return (List<?>) future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
