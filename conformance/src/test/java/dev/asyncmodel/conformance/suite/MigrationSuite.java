package dev.asyncmodel.conformance.suite;

import static dev.asyncmodel.conformance.fixture.Await.await;
import static dev.asyncmodel.conformance.suite.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asyncmodel.conformance.fixture.ConformanceTest;
import dev.asyncmodel.conformance.model.Users;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A migration while the service reads: a column's type changed under statements each connection
 * holds prepared. No read may fail.
 */
public abstract class MigrationSuite extends ConformanceTest {
  private static final int LANES = 16;

  private void pause(long millis) {
    await(Future.<Void>future(p -> vertx.setTimer(millis, id -> p.complete())));
  }

  /** One lane: reads until {@code stop}, one after another. */
  private void lane(
      AtomicBoolean stop,
      AtomicLong reads,
      ConcurrentLinkedQueue<Throwable> failures,
      Promise<Void> done) {
    if (stop.get()) {
      done.complete();
      return;
    }
    Users.objects(db)
        .filter(Users.USERNAME.eq("ann"))
        .aall()
        .onComplete(
            (rows, failure) -> {
              if (failure != null) {
                failures.add(failure);
              } else {
                reads.incrementAndGet();
              }
              lane(stop, reads, failures, done);
            });
  }

  @Test
  void aColumnTypeChangedUnderLoadFailsNoRead() {
    String widen = backend().resizeUsername(300);
    assumeTrue(
        widen != null,
        backend().name()
            + " cannot change a column's type, and prepares each statement at each run: skipped");
    user(db, "ann");
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong reads = new AtomicLong();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    List<Future<Void>> lanes = new ArrayList<>();
    try {
      for (int i = 0; i < LANES; i++) {
        Promise<Void> done = Promise.promise();
        lanes.add(done.future());
        lane(stop, reads, failures, done);
      }
      pause(300); // every connection has the query prepared
      backend().sql(widen);
      pause(300);
      backend().sql(backend().resizeUsername(150));
      pause(300);
    } finally {
      stop.set(true);
      await(Future.join(lanes));
      backend().sql(backend().resizeUsername(150));
    }
    System.out.printf(
        "[migration] %s: %d reads in 16 lanes across two column type changes, %d failed%n",
        backend().name(), reads.get(), failures.size());
    assertEquals(List.of(), failures.stream().map(String::valueOf).toList());
    assertTrue(reads.get() > LANES, "reads ran: " + reads.get());
  }
}
