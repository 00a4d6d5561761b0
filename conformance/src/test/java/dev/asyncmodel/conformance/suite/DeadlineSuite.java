package dev.asyncmodel.conformance.suite;

import static dev.asyncmodel.conformance.fixture.Await.await;
import static dev.asyncmodel.conformance.fixture.Await.failure;
import static dev.asyncmodel.conformance.suite.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asyncmodel.Created;
import dev.asyncmodel.Database;
import dev.asyncmodel.PoolExhaustedException;
import dev.asyncmodel.QueryTimeoutException;
import dev.asyncmodel.RawQuerySet;
import dev.asyncmodel.conformance.fixture.ConformanceTest;
import dev.asyncmodel.conformance.model.User;
import dev.asyncmodel.conformance.model.Users;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Deadlines ({@code QuerySet.timeout}, {@code query_timeout}) and the bounds of the pool ({@code
 * max_waiting}, {@code acquire_timeout}). A slow statement is one that takes seconds; a deadline of
 * a few hundred milliseconds must fail it long before it would end, and cancel it on the server so
 * that a pool of one connection serves the next request at once.
 */
public abstract class DeadlineSuite extends ConformanceTest {
  /** How long the slow statement would take; far more than every deadline here. */
  private static final int SLOW_SECONDS = 4;

  private static final Duration DEADLINE = Duration.ofMillis(300);

  private String url(String parameters) {
    String url = backend().url();
    return url + (url.contains("?") ? "&" : "?") + parameters;
  }

  private RawQuerySet<User> slow(Database on) {
    return Users.objects(on)
        .raw(
            "SELECT id, username FROM auth_user WHERE username = ? AND "
                + backend().slowCondition(SLOW_SECONDS),
            "ann");
  }

  /** Fails the test if the statements with {@code marker} are still running on the server. */
  private void assertStoppedOnTheServer(String marker) {
    Long running = backend().running(marker);
    for (int i = 0; running != null && running > 0 && i < 50; i++) {
      await(Future.<Void>future(p -> vertx.setTimer(20, id -> p.complete())));
      running = backend().running(marker);
    }
    assertTrue(running == null || running == 0, "still running on the server: " + running);
  }

  /**
   * Runs {@code during} on a database of one connection (SQLite: one writer) that a transaction
   * holds, then ends the transaction; returns the database, still open, for the checks after.
   */
  private Database whileTheOnlyConnectionIsHeld(String parameters, Consumer<Database> during) {
    Database one = Database.connect(vertx, url(parameters));
    Promise<Void> release = Promise.promise();
    Promise<Void> holding = Promise.promise();
    try {
      Future<Void> holder =
          one.atomic(
              tx -> {
                holding.complete();
                return release.future();
              });
      await(holding.future());
      during.accept(one);
      release.complete();
      await(holder);
      return one;
    } catch (RuntimeException | Error e) {
      release.tryComplete();
      await(one.close());
      throw e;
    }
  }

  @Test
  void aStatementPastItsDeadlineFailsAndIsCancelledOnTheServer() {
    user(db, "ann");
    Database one = Database.connect(vertx, url("pool_size=1"));
    try {
      long start = System.nanoTime();
      QueryTimeoutException e =
          failure(slow(one).timeout(DEADLINE).aall(), QueryTimeoutException.class);
      long failedAfter = (System.nanoTime() - start) / 1_000_000;
      System.out.printf(
          "[deadline] %s: a %d ms deadline failed the Future after %d ms%n",
          backend().name(), DEADLINE.toMillis(), failedAfter);
      assertTrue(failedAfter < SLOW_SECONDS * 500L, "failed after " + failedAfter + " ms");
      assertEquals(DEADLINE, e.timeout());
      assertTrue(e.getMessage().startsWith("Query timed out after 300 ms"), e.getMessage());
      assertTrue(e.getMessage().contains("cancelled on the server"), e.getMessage());
      assertTrue(e.getMessage().contains("[User: SELECT id, username FROM"), e.getMessage());

      // The one connection is free at once: the server stopped the statement. (A write, which
      // takes a connection of the pool; PostgreSQL's reads may go to connections of their own.)
      long next = System.nanoTime();
      assertEquals(
          1L,
          await(
              Users.objects(one)
                  .filter(Users.USERNAME.eq("ann"))
                  .aupdate(Users.USERNAME.set("ann"))));
      long freeAfter = (System.nanoTime() - next) / 1_000_000;
      assertTrue(freeAfter < SLOW_SECONDS * 500L, "the next query waited " + freeAfter + " ms");
      assertStoppedOnTheServer(backend().slowCondition(SLOW_SECONDS));
    } finally {
      await(one.close());
    }
  }

  @Test
  void theUrlsQueryTimeoutBoundsEveryStatementAndTimeoutReplacesIt() {
    user(db, "ann");
    Database bounded = Database.connect(vertx, url("query_timeout=300&pool_size=1"));
    try {
      QueryTimeoutException e = failure(slow(bounded).aall(), QueryTimeoutException.class);
      assertEquals(Duration.ofMillis(300), e.timeout());
      // Fast statements are not affected, each gets the whole 300 ms, and none leaks its
      // connection: the pool has one.
      for (int i = 0; i < 20; i++) {
        assertEquals(1, await(Users.objects(bounded).filter(Users.USERNAME.eq("ann")).acount()));
      }
      QueryTimeoutException shorter =
          failure(
              slow(bounded).timeout(Duration.ofMillis(150)).aall(), QueryTimeoutException.class);
      assertEquals(Duration.ofMillis(150), shorter.timeout());
      assertStoppedOnTheServer(backend().slowCondition(SLOW_SECONDS));
    } finally {
      await(bounded.close());
    }
  }

  @Test
  void aTimeoutInsideAnAtomicBlockRollsItBack() {
    user(db, "ann");
    long start = System.nanoTime();
    QueryTimeoutException e =
        failure(
            db.atomic(
                tx ->
                    Users.objects(tx)
                        .acreate(new User(null, "bob"))
                        .compose(bob -> slow(tx).timeout(DEADLINE).aall())),
            QueryTimeoutException.class);
    assertEquals(DEADLINE, e.timeout());
    long rolledBackAfter = (System.nanoTime() - start) / 1_000_000;
    if (backend().running("x") == null) {
      // SQLite: interrupting one statement would end the whole transaction, so it is left to
      // finish, and the rollback follows it.
      assertTrue(e.getMessage().contains("left to finish"), e.getMessage());
    } else {
      // Rolled back once the server stopped the statement, not when it would have ended.
      assertTrue(rolledBackAfter < SLOW_SECONDS * 500L, "rolled back after " + rolledBackAfter);
    }
    assertEquals(0L, await(Users.objects(db).filter(Users.USERNAME.eq("bob")).acount()));
    // The connection the block had is healthy for the next request.
    assertEquals(
        "cid", await(db.atomic(tx -> Users.objects(tx).acreate(new User(null, "cid")))).username());
    assertStoppedOnTheServer(backend().slowCondition(SLOW_SECONDS));
  }

  @Test
  void maxWaitingZeroStillServesWhatTheConnectionsCanRun() {
    user(db, "ann");
    Database none = Database.connect(vertx, url("max_waiting=0"));
    try {
      for (int i = 0; i < 20; i++) {
        assertEquals(1L, await(Users.objects(none).acount()), "read " + i);
        assertEquals(
            1L,
            await(
                Users.objects(none)
                    .filter(Users.USERNAME.eq("ann"))
                    .aupdate(Users.USERNAME.set("ann"))),
            "write " + i);
      }
    } finally {
      await(none.close());
    }
  }

  @Test
  void aDeadlineThatPassesWhileWaitingForAConnectionSendsNothing() {
    Database one =
        whileTheOnlyConnectionIsHeld(
            "pool_size=1",
            held -> {
              QueryTimeoutException e =
                  failure(
                      Users.objects(held).timeout(DEADLINE).acreate(new User(null, "late")),
                      QueryTimeoutException.class);
              assertTrue(e.getMessage().contains("before it was sent"), e.getMessage());
            });
    try {
      assertEquals(0L, await(Users.objects(one).filter(Users.USERNAME.eq("late")).acount()));
    } finally {
      await(one.close());
    }
  }

  @Test
  void timedTerminalMethodsGiveTheirUsualResults() {
    Duration generous = Duration.ofSeconds(20);
    Created<User> ann =
        await(
            Users.objects(db)
                .timeout(generous)
                .agetOrCreate(new User(null, "ann"), Users.USERNAME));
    assertTrue(ann.created());
    assertEquals(
        ann.object(),
        await(
                Users.objects(db)
                    .timeout(generous)
                    .aupdateOrCreate(new User(null, "ann"), Users.USERNAME))
            .object());
    assertEquals(1L, await(Users.objects(db).timeout(generous).acount()));
    assertEquals(
        List.of(ann.object()),
        await(Users.objects(db).timeout(generous).orderBy(Users.ID.asc()).aall()));
    assertEquals(1L, await(Users.objects(db).timeout(generous).aupdate(Users.USERNAME.set("bea"))));
    assertEquals(1L, await(Users.objects(db).timeout(generous).adelete()).count());
  }

  @Test
  void aTimeoutMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> Users.objects(db).timeout(Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class, () -> Users.objects(db).timeout(Duration.ofMillis(-1)));
    assertThrows(NullPointerException.class, () -> Users.objects(db).timeout(null));
    assertTrue(
        Users.objects(db).timeout(Duration.ofSeconds(2)).toString().contains("timeout PT2S"),
        Users.objects(db).timeout(Duration.ofSeconds(2)).toString());
  }

  @Test
  void theDatabasesOwnTimeLimitIsAQueryTimeoutToo() {
    String limit = backend().serverTimeLimit(200);
    assumeTrue(limit != null, backend().name() + " has no server-side time limit: skipped");
    user(db, "ann");
    QueryTimeoutException e =
        failure(
            db.atomic(tx -> tx.execute(limit).compose(done -> slow(tx).aall())),
            QueryTimeoutException.class);
    assertNull(e.timeout(), "the database's limit, not a deadline of ours");
    assertTrue(e.sqlState() != null || e.errorCode() != null, e.getMessage());
  }

  @Test
  void aFullWaitQueueFailsTheExcessAtOnceAndLosesNoRow() {
    List<Future<User>> writes = new ArrayList<>();
    Database one =
        whileTheOnlyConnectionIsHeld(
            "pool_size=1&max_waiting=2",
            held -> {
              for (int i = 0; i < 6; i++) {
                writes.add(Users.objects(held).acreate(new User(null, "w" + i)));
              }
              // The excess fails while the connection is still held: at once.
              PoolExhaustedException e = failure(writes.get(5), PoolExhaustedException.class);
              assertTrue(e.getMessage().contains("max_waiting"), e.getMessage());
            });
    try {
      List<String> written = new ArrayList<>();
      int refused = 0;
      for (Future<User> write : writes) {
        try {
          written.add(await(write).username());
        } catch (AssertionError e) {
          assertTrue(write.cause() instanceof PoolExhaustedException, String.valueOf(e));
          refused++;
        }
      }
      assertTrue(refused >= 3, "refused " + refused);
      assertTrue(written.containsAll(List.of("w0", "w1")), "the first in line: " + written);
      assertEquals(
          written.size(),
          await(Users.objects(one).acount()).intValue(),
          "the admitted writes, and only those");
    } finally {
      await(one.close());
    }
  }

  @Test
  void aRequestThatWaitsPastAcquireTimeoutFailsAndSendsNothing() {
    assumeTrue(
        backend().serverTimeLimit(1) != null,
        backend().name() + " has no connection pool (acquire_timeout is refused): skipped");
    Database one =
        whileTheOnlyConnectionIsHeld(
            "pool_size=1&acquire_timeout=200",
            held -> {
              PoolExhaustedException e =
                  failure(
                      Users.objects(held).acreate(new User(null, "late")),
                      PoolExhaustedException.class);
              assertTrue(e.getMessage().contains("acquire_timeout"), e.getMessage());
            });
    try {
      assertEquals(0L, await(Users.objects(one).acount()));
    } finally {
      await(one.close());
    }
  }
}
