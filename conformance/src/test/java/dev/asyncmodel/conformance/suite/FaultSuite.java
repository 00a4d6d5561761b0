package dev.asyncmodel.conformance.suite;

import static dev.asyncmodel.conformance.fixture.Await.await;
import static dev.asyncmodel.conformance.suite.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asyncmodel.Database;
import dev.asyncmodel.DatabaseException;
import dev.asyncmodel.QueryTimeoutException;
import dev.asyncmodel.conformance.fixture.ConformanceTest;
import dev.asyncmodel.conformance.fixture.FaultProxy;
import dev.asyncmodel.conformance.fixture.Telemetry;
import dev.asyncmodel.conformance.model.User;
import dev.asyncmodel.conformance.model.Users;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.vertx.core.Future;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Faults of the network and the server, through a TCP proxy between asyncmodel and the database:
 * connections cut mid-statement, connections that stall, the server ending connections. After each,
 * no Future is left pending, no acknowledged row is lost, and the database serves the next request.
 */
public abstract class FaultSuite extends ConformanceTest {
  /** Fails the test when {@code future} is still pending after {@code seconds}. */
  private static <T> Future<T> settled(Future<T> future, int seconds) {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!future.isComplete() && System.nanoTime() < until) {
      Thread.onSpinWait();
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    assertTrue(future.isComplete(), "a Future still pending after " + seconds + " s");
    return future;
  }

  private FaultProxy proxy() {
    assumeTrue(
        backend().serverTimeLimit(1) != null,
        backend().name() + " runs in this process, with no network to fail: skipped");
    URI uri = URI.create(backend().url());
    return FaultProxy.start(vertx, uri.getHost(), uri.getPort());
  }

  /** The backend's URL with the proxy's port, and {@code parameters}. */
  private String through(FaultProxy proxy, String parameters) {
    URI uri = URI.create(backend().url());
    String url =
        backend().url().replace(uri.getHost() + ":" + uri.getPort(), "127.0.0.1:" + proxy.port());
    // With telemetry, so that the pool's own counts can be read after each fault.
    Telemetry.install();
    return url + (url.contains("?") ? "&" : "?") + parameters + "&telemetry=opentelemetry";
  }

  /**
   * Closes the database and checks that it left no connection open through the proxy: none was
   * leaked by the fault.
   */
  private void closeLeavingNoConnection(Database faulty, FaultProxy proxy) {
    // The pool is back to idle: no statement counted as running or waiting.
    String pool = ":" + proxy.port() + "/";
    long busy = -1;
    boolean seen = false;
    for (int i = 0; i < 100 && busy != 0; i++) {
      busy = 0;
      for (MetricData metric : Telemetry.METRICS.collectAllMetrics()) {
        boolean used = metric.getName().equals("db.client.connection.count");
        boolean pending = metric.getName().equals("db.client.connection.pending_requests");
        if (!used && !pending) {
          continue;
        }
        for (LongPointData point : metric.getLongSumData().getPoints()) {
          String name =
              point.getAttributes().get(AttributeKey.stringKey("db.client.connection.pool.name"));
          String state =
              point.getAttributes().get(AttributeKey.stringKey("db.client.connection.state"));
          if (name != null && name.contains(pool) && (pending || "used".equals(state))) {
            busy += point.getValue();
            seen = true;
          }
        }
      }
      if (busy != 0) {
        await(Future.<Void>future(p -> vertx.setTimer(20, id -> p.complete())));
      }
    }
    assertTrue(seen, "the pool's metrics were read");
    assertEquals(0, busy, "statements still counted as running or waiting after the fault");
    await(faulty.close());
    for (int i = 0; i < 100 && proxy.connections() > 0; i++) {
      await(Future.<Void>future(p -> vertx.setTimer(20, id -> p.complete())));
    }
    assertEquals(0, proxy.connections(), "connections left open after close");
  }

  private String slowSql() {
    return "SELECT id, username FROM auth_user WHERE username = ? AND "
        + backend().slowCondition(3);
  }

  @Test
  void aConnectionCutMidStatementFailsItsFutureAndTheNextStatementSucceeds() {
    user(db, "ann");
    try (FaultProxy proxy = proxy()) {
      Database faulty = Database.connect(vertx, through(proxy, "pool_size=2"));
      try {
        assertEquals(1L, await(Users.objects(faulty).acount()));
        Future<List<User>> slow = Users.objects(faulty).raw(slowSql(), "ann").aall();
        await(Future.<Void>future(p -> vertx.setTimer(200, id -> p.complete())));
        proxy.cut();
        Throwable failure = settled(slow, 2).cause();
        assertInstanceOf(DatabaseException.class, failure, String.valueOf(failure));
        await(Future.<Void>future(p -> vertx.setTimer(100, id -> p.complete())));
        for (int i = 0; i < 10; i++) {
          assertEquals(1L, await(Users.objects(faulty).acount()), "served again");
        }
      } finally {
        closeLeavingNoConnection(faulty, proxy);
      }
    }
  }

  @Test
  void writesAcrossACutLoseNoAcknowledgedRow() {
    try (FaultProxy proxy = proxy()) {
      Database faulty = Database.connect(vertx, through(proxy, "pool_size=4"));
      try {
        List<Future<User>> writes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
          writes.add(Users.objects(faulty).acreate(new User(null, "w" + i)));
          if (i == 100) {
            proxy.cut();
          }
        }
        await(Future.<Void>future(p -> vertx.setTimer(100, id -> p.complete())));
        Set<String> acknowledged = new java.util.HashSet<>();
        int failed = 0;
        for (Future<User> write : writes) {
          settled(write, 10);
          if (write.succeeded()) {
            acknowledged.add(write.result().username());
          } else {
            assertInstanceOf(DatabaseException.class, write.cause(), String.valueOf(write.cause()));
            failed++;
          }
        }
        Set<String> stored =
            await(Users.objects(db).aall()).stream()
                .map(User::username)
                .collect(Collectors.toSet());
        assertTrue(stored.containsAll(acknowledged), "an acknowledged row is missing");
        System.out.printf(
            "[fault] %s: 200 writes across a cut: %d acknowledged, %d failed, %d stored%n",
            backend().name(), acknowledged.size(), failed, stored.size());
        assertEquals(
            "after",
            await(Users.objects(faulty).acreate(new User(null, "after"))).username(),
            "served again");
      } finally {
        closeLeavingNoConnection(faulty, proxy);
      }
    }
  }

  @Test
  void aStalledConnectionIsBoundedByTheDeadlineAndReplacedOnceCut() {
    user(db, "ann");
    try (FaultProxy proxy = proxy()) {
      Database faulty = Database.connect(vertx, through(proxy, "pool_size=1&query_timeout=300"));
      try {
        assertEquals(1L, await(Users.objects(faulty).acount()));
        proxy.stall();
        Future<Long> stalled = Users.objects(faulty).acount();
        Throwable failure = settled(stalled, 2).cause();
        assertInstanceOf(QueryTimeoutException.class, failure, String.valueOf(failure));
        // The stalled connection is held until the network gives up on it; a cut is that. A
        // request sent before the client has seen the close fails with it, so wait for that.
        proxy.cut();
        await(Future.<Void>future(p -> vertx.setTimer(100, id -> p.complete())));
        assertEquals(1L, await(Users.objects(faulty).acount()), "served again");
      } finally {
        closeLeavingNoConnection(faulty, proxy);
      }
    }
  }

  @Test
  void aServerThatRefusesConnectionsFailsEachRequestAndNoneHangs() {
    try (FaultProxy proxy = proxy()) {
      proxy.refuse(true);
      Database faulty = Database.connect(vertx, through(proxy, "pool_size=2"));
      try {
        List<Future<Long>> reads = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          reads.add(Users.objects(faulty).acount());
        }
        for (Future<Long> read : reads) {
          Throwable failure = settled(read, 10).cause();
          assertInstanceOf(DatabaseException.class, failure, String.valueOf(failure));
        }
        proxy.refuse(false);
        assertEquals(0L, await(Users.objects(faulty).acount()), "served once it accepts again");
      } finally {
        closeLeavingNoConnection(faulty, proxy);
      }
    }
  }
}
