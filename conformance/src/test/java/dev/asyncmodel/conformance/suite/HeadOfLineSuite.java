package dev.asyncmodel.conformance.suite;

import static dev.asyncmodel.conformance.fixture.Await.await;
import static dev.asyncmodel.conformance.suite.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.conformance.fixture.ConformanceTest;
import dev.asyncmodel.conformance.model.User;
import dev.asyncmodel.conformance.model.Users;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A slow read must not hold up the fast ones while a connection is free: on PostgreSQL, whose reads
 * pipeline, a query is sent to an idle connection before it is queued behind another.
 */
public abstract class HeadOfLineSuite extends ConformanceTest {
  private static final int SLOW_SECONDS = 3;
  private static final int READS = 200;

  /**
   * A Future completes on the Vert.x context that issued the query, as a verticle expects, even
   * when the connection that ran it belongs to another event loop: four verticle instances, each on
   * an event loop of its own, read at once.
   */
  @Test
  void readsCompleteOnTheContextThatIssuedThem() {
    user(db, "ann");
    List<String> wrong = Collections.synchronizedList(new ArrayList<>());
    await(
        vertx.deployVerticle(
            () ->
                new VerticleBase() {
                  @Override
                  public Future<?> start() {
                    List<Future<Long>> reads = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                      reads.add(
                          Users.objects(db)
                              .acount()
                              .andThen(
                                  r -> {
                                    if (Vertx.currentContext() != context) {
                                      wrong.add(String.valueOf(Vertx.currentContext()));
                                    }
                                  }));
                    }
                    return Future.all(reads);
                  }
                },
            new DeploymentOptions().setInstances(4)));
    assertEquals(List.of(), wrong, "completed on another context");
  }

  @Test
  void aSlowReadHoldsUpNoOtherWhileAConnectionIsFree() {
    User ann = user(db, "ann");
    Future<List<User>> slow =
        Users.objects(db)
            .raw(
                "SELECT id, username FROM auth_user WHERE username = ? AND "
                    + backend().slowCondition(SLOW_SECONDS),
                "ann")
            .aall();
    List<Long> micros = Collections.synchronizedList(new ArrayList<>());
    List<Future<User>> reads = Collections.synchronizedList(new ArrayList<>());
    Promise<Boolean> issued = Promise.promise();
    vertx.setPeriodic(
        100,
        10,
        id -> {
          long start = System.nanoTime();
          reads.add(
              Users.objects(db)
                  .aget(Users.ID.eq(ann.id()))
                  .onSuccess(u -> micros.add((System.nanoTime() - start) / 1000)));
          if (reads.size() == READS) {
            vertx.cancelTimer(id);
            issued.complete(!slow.isComplete());
          }
        });
    boolean overlapped = await(issued.future());
    await(Future.all(new ArrayList<>(reads)));
    List<Long> sorted = new ArrayList<>(micros);
    Collections.sort(sorted);
    long p50 = sorted.get(READS / 2);
    long p99 = sorted.get(READS * 99 / 100 - 1);
    System.out.printf(
        "[head-of-line] %s: %d reads 10 ms apart beside a %d s read: p50 %.2f ms, p99 %.2f ms,"
            + " max %.2f ms%n",
        backend().name(),
        READS,
        SLOW_SECONDS,
        p50 / 1000.0,
        p99 / 1000.0,
        sorted.get(READS - 1) / 1000.0);
    assertEquals(READS, sorted.size());
    // Behind the slow read, a read would wait for seconds.
    assertTrue(p99 < 1_000_000, "p99 " + p99 / 1000 + " ms");
    assertTrue(overlapped, "the slow read still ran when the last read was issued");
    assertEquals(List.of(ann), await(slow));
  }
}
