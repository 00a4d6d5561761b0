package dev.asyncmodel.conformance.suite;

import static dev.asyncmodel.conformance.fixture.Await.await;
import static dev.asyncmodel.conformance.fixture.Await.failure;
import static dev.asyncmodel.conformance.suite.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asyncmodel.DatabaseException;
import dev.asyncmodel.RowLock;
import dev.asyncmodel.conformance.fixture.ConformanceTest;
import dev.asyncmodel.conformance.model.User;
import dev.asyncmodel.conformance.model.Users;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.Locale;
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
