package dev.asyncmodel.conformance.suite;

import static dev.asyncmodel.conformance.fixture.Await.await;
import static dev.asyncmodel.conformance.fixture.Await.failure;
import static dev.asyncmodel.conformance.suite.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asyncmodel.DatabaseException;
import dev.asyncmodel.Ref;
import dev.asyncmodel.RowLock;
import dev.asyncmodel.conformance.fixture.ConformanceTest;
import dev.asyncmodel.conformance.model.Transaction;
import dev.asyncmodel.conformance.model.Transactions;
import dev.asyncmodel.conformance.model.User;
import dev.asyncmodel.conformance.model.Users;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Django's {@code select_for_update}: rows locked until the transaction ends. */
public abstract class RowLockSuite extends ConformanceTest {
  private boolean rowLocks() {
    return backend().lockProbe() != null;
  }

  private void assumeRowLocks() {
    assumeTrue(
        rowLocks(),
        backend().name()
            + " has no row locks (a transaction holds the database's one write lock): skipped");
  }

  /** Runs {@code probe} while another transaction holds ann's row FOR UPDATE. */
  private <X> X whileLocked(User ann, Function<Void, Future<X>> probe) {
    Promise<Void> held = Promise.promise();
    Promise<Void> release = Promise.promise();
    Future<Void> holder =
        db.atomic(
            t ->
                Users.objects(t)
                    .filter(Users.ID.eq(ann.id()))
                    .selectForUpdate()
                    .aget()
                    .compose(
                        locked -> {
                          held.complete();
                          return release.future();
                        }));
    await(held.future());
    try {
      return await(probe.apply(null).eventually(() -> Future.succeededFuture()));
    } finally {
      release.complete();
      await(holder);
    }
  }

  @Test
  void selectForUpdateLocksTheRowsUntilTheBlockEnds() {
    assumeRowLocks();
    User ann = user(db, "ann");
    String probe = backend().lockProbe();
    String refusal =
        await(
            db.atomic(
                t ->
                    Users.objects(t)
                        .filter(Users.USERNAME.eq("ann"))
                        .selectForUpdate()
                        .aall()
                        .compose(
                            rows -> {
                              assertEquals(1, rows.size());
                              return vertx.executeBlocking(
                                  () -> {
                                    try {
                                      backend().sql(probe, ann.id());
                                      return "the row was free";
                                    } catch (AssertionError e) {
                                      return String.valueOf(e.getCause());
                                    }
                                  });
                            })));
    assertNotEquals("the row was free", refusal, "locked until the block ends");
    assertTrue(refusal.toLowerCase(Locale.ROOT).contains("lock"), refusal);
    assertEquals(List.of(List.of(ann.id())), backend().sql(probe, ann.id()), "released");
  }

  @Test
  void selectForUpdateOutsideATransactionFailsWhereThereAreRowLocks() {
    user(db, "ann");
    if (rowLocks()) {
      IllegalStateException e =
          failure(Users.objects(db).selectForUpdate().aall(), IllegalStateException.class);
      assertTrue(e.getMessage().contains("outside of a transaction"), e.getMessage());
      failure(Users.objects(db).selectForUpdate().afirst(), IllegalStateException.class);
      failure(
          Users.objects(db).selectForUpdate().aget(Users.USERNAME.eq("ann")),
          IllegalStateException.class);
    } else {
      // SQLite: no effect, as in Django; the SQL has no FOR UPDATE.
      assertEquals(1, await(Users.objects(db).selectForUpdate().aall()).size());
      assertTrue(!Users.objects(db).selectForUpdate().sql().all().text().contains("FOR UPDATE"));
    }
  }

  @Test
  void skipLockedLeavesTheLockedRowsOut() {
    assumeRowLocks();
    User ann = user(db, "ann");
    user(db, "bob");
    user(db, "cid");
    List<String> free =
        whileLocked(
            ann,
            v ->
                db.atomic(
                    t ->
                        Users.objects(t)
                            .orderBy(Users.USERNAME.asc())
                            .selectForUpdate(RowLock.SKIP_LOCKED)
                            .aall()
                            .map(rows -> rows.stream().map(User::username).toList())));
    assertEquals(List.of("bob", "cid"), free);
  }

  /**
   * A job queue: 1,000 workers at once, each taking the first queued job with {@code SKIP LOCKED}
   * and marking it done in the same transaction, until none is left. Every job is taken exactly
   * once. On SQLite, where {@code selectForUpdate} does nothing, the transaction's write lock gives
   * the same guarantee.
   */
  @Test
  void aThousandSkipLockedWorkersTakeEachJobExactlyOnce() {
    User ann = user(db, "ann");
    List<Transaction> jobs = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      jobs.add(new Transaction(null, Ref.of(ann), BigDecimal.ONE, "job " + i, "queued", null));
    }
    await(Transactions.objects(db).abulkCreate(jobs));
    List<Long> taken = new CopyOnWriteArrayList<>();
    List<Future<Integer>> workers = new ArrayList<>();
    for (int w = 0; w < 1_000; w++) {
      workers.add(work(taken, 0));
    }
    await(Future.all(workers));
    int total = 0;
    for (Future<Integer> worker : workers) {
      total += worker.result();
    }
    assertEquals(300, total);
    assertEquals(300, taken.size());
    assertEquals(300, new HashSet<>(taken).size(), "a job taken twice");
    assertEquals(
        0L, await(Transactions.objects(db).filter(Transactions.CATEGORY.eq("queued")).acount()));
    assertEquals(
        300L, await(Transactions.objects(db).filter(Transactions.CATEGORY.eq("done")).acount()));
  }

  /** One worker: takes jobs until none is left; completes with how many it took. */
  private Future<Integer> work(List<Long> taken, int done) {
    return db.atomic(
            tx ->
                Transactions.objects(tx)
                    .filter(Transactions.CATEGORY.eq("queued"))
                    .orderBy(Transactions.ID.asc())
                    .limit(1)
                    .selectForUpdate(RowLock.SKIP_LOCKED)
                    .aall()
                    .compose(
                        next -> {
                          if (next.isEmpty()) {
                            return Future.succeededFuture(false);
                          }
                          long id = next.get(0).id();
                          return Transactions.objects(tx)
                              .filter(Transactions.ID.eq(id), Transactions.CATEGORY.eq("queued"))
                              .aupdate(Transactions.CATEGORY.set("done"))
                              .map(
                                  n -> {
                                    assertEquals(1L, n, "job " + id + " was queued when taken");
                                    taken.add(id);
                                    return true;
                                  });
                        }))
        .compose(took -> took ? work(taken, done + 1) : Future.succeededFuture(done));
  }

  @Test
  void nowaitFailsAtOnceOnALockedRow() {
    assumeRowLocks();
    User ann = user(db, "ann");
    String failed =
        whileLocked(
            ann,
            v ->
                db.atomic(
                        t ->
                            Users.objects(t)
                                .filter(Users.ID.eq(ann.id()))
                                .selectForUpdate(RowLock.NOWAIT)
                                .aall())
                    .map(rows -> "not refused: " + rows)
                    .recover(
                        e ->
                            Future.succeededFuture(
                                e instanceof DatabaseException db2
                                    ? "refused " + db2.sqlState()
                                    : "failed otherwise: " + e)));
    assertTrue(failed.startsWith("refused "), failed);
  }

  @Test
  void theSqlShowsTheLock() {
    String text = Users.objects(db).selectForUpdate(RowLock.SKIP_LOCKED).sql().all().text();
    if (rowLocks()) {
      assertTrue(text.endsWith(" FOR UPDATE SKIP LOCKED"), text);
      assertTrue(
          Users.objects(db).selectForUpdate().sql().all().text().endsWith(" FOR UPDATE"), text);
    } else {
      assertTrue(!text.contains("FOR UPDATE"), text);
    }
  }
}
