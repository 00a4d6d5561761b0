package dev.asyncmodel.conformance.sqlite;

import static dev.asyncmodel.conformance.fixture.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.Database;
import dev.asyncmodel.conformance.fixture.SqliteBackend;
import dev.asyncmodel.conformance.model.User;
import dev.asyncmodel.conformance.model.Users;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * SQLite's JDBC calls run on asyncmodel's worker pool, never on an event loop: while a write waits
 * a whole second for a lock another connection holds, the event loop that issued it keeps firing
 * its timer, and no terminal method blocks its caller.
 */
class SqliteNeverBlocksTheEventLoopTest {
  @Test
  void theEventLoopAnswersTimersWhileAWriteWaitsForTheLock() throws Exception {
    SqliteBackend backend = SqliteBackend.get();
    backend.reset();
    Vertx vertx =
        Vertx.vertx(
            new VertxOptions()
                .setBlockedThreadCheckInterval(50)
                .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
                .setMaxEventLoopExecuteTime(200)
                .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
    // Vert.x's blocked-thread checker reports any event loop busy past 200 ms; collect its reports.
    List<String> blocked = new CopyOnWriteArrayList<>();
    ((VertxInternal) vertx)
        .blockedThreadChecker()
        .setThreadBlockedHandler(event -> blocked.add(event.thread().getName()));
    Database db = Database.connect(vertx, backend.url());
    await(Users.objects(db).acount()); // loads the classes the write needs, before timing
    String file = backend.url().substring("sqlite:".length());
    try (Connection blocker = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = blocker.createStatement()) {
      s.execute("BEGIN EXCLUSIVE"); // no one else may read or write until we end it

      AtomicInteger ticks = new AtomicInteger();
      List<Long> gaps = new ArrayList<>();
      long[] last = {System.nanoTime()};
      CompletableFuture<Future<User>> issued = new CompletableFuture<>();
      vertx.runOnContext(
          onEventLoop -> {
            vertx.setPeriodic(
                20,
                id -> {
                  long now = System.nanoTime();
                  synchronized (gaps) {
                    gaps.add(TimeUnit.NANOSECONDS.toMillis(now - last[0]));
                  }
                  last[0] = now;
                  ticks.incrementAndGet();
                });
            issued.complete(Users.objects(db).acreate(new User(null, "patient")));
          });
      // Had acreate blocked the event loop until the lock is free, this would time out: the lock
      // is released only below.
      Future<User> write = issued.get(5, TimeUnit.SECONDS);
      Thread.sleep(1000);
      assertFalse(write.isComplete(), "the write waits for the lock");
      s.execute("COMMIT");
      User made = await(write);
      assertEquals("patient", made.username());
      assertEquals(List.of(), blocked, "threads the blocked-thread checker reported");
      assertTrue(ticks.get() >= 25, "the event loop fired its 20 ms timer " + ticks + " times");
      synchronized (gaps) {
        long worst = gaps.stream().mapToLong(Long::longValue).max().orElse(0);
        // A blocked loop would show a gap of a second or more.
        assertTrue(worst < 500, "the longest gap between timer ticks was " + worst + " ms");
      }
    } finally {
      await(db.close());
      await(vertx.close());
    }
  }
}
