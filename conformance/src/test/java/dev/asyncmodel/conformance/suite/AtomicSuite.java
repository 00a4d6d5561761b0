package dev.asyncmodel.conformance.suite;

import static dev.asyncmodel.conformance.fixture.Await.await;
import static dev.asyncmodel.conformance.fixture.Await.failure;
import static dev.asyncmodel.conformance.model.Transactions.CATEGORY;
import static dev.asyncmodel.conformance.model.Transactions.ID;
import static dev.asyncmodel.conformance.suite.Fixtures.tx;
import static dev.asyncmodel.conformance.suite.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asyncmodel.Database;
import dev.asyncmodel.conformance.fixture.ConformanceTest;
import dev.asyncmodel.conformance.model.Transaction;
import dev.asyncmodel.conformance.model.Transactions;
import dev.asyncmodel.conformance.model.User;
import dev.asyncmodel.conformance.model.Users;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code db.atomic}: commit on success, rollback on failure, savepoints when nested. */
public abstract class AtomicSuite extends ConformanceTest {

  @Test
  void aSucceedingBlockCommits() {
    User ann = user(db, "ann");
    Transaction t = tx(db, ann, "1.00", "a", "food");
    Transaction moved =
        await(
            db.atomic(
                tx ->
                    Transactions.objects(tx)
                        .filter(ID.eq(t.id()))
                        .aupdate(CATEGORY.set("rent"))
                        .compose(n -> Transactions.objects(tx).aget(ID.eq(t.id())))));
    assertEquals("rent", moved.category());
    assertEquals("rent", await(Transactions.objects(db).aget(ID.eq(t.id()))).category());
  }

  @Test
  void aFailedBlockLeavesNoRowBehind() {
    RuntimeException boom = new IllegalStateException("boom");
    Future<User> failed =
        db.atomic(
            tx ->
                Users.objects(tx)
                    .acreate(new User(null, "ghost"))
                    .compose(u -> Future.failedFuture(boom)));
    assertSame(boom, failure(failed, IllegalStateException.class));
    assertEquals(0, await(Users.objects(db).acount()));
  }

  @Test
  void aBlockThatThrowsRollsBackToo() {
    Future<Long> failed =
        db.atomic(
            tx -> {
              Users.objects(tx).acreate(new User(null, "ghost"));
              throw new IllegalArgumentException("thrown, not returned");
            });
    failure(failed, IllegalArgumentException.class);
    assertEquals(0, await(Users.objects(db).acount()));
    failure(db.atomic(tx -> null), NullPointerException.class);
  }

  @Test
  void writesInsideTheBlockAreInvisibleOutsideUntilCommit() {
    AtomicReference<Long> seenOutside = new AtomicReference<>();
    await(
        db.atomic(
            tx ->
                Users.objects(tx)
                    .acreate(new User(null, "hidden"))
                    .compose(u -> Users.objects(db).acount())
                    .map(
                        n -> {
                          seenOutside.set(n);
                          return n;
                        })));
    assertEquals(0L, seenOutside.get());
    assertEquals(1, await(Users.objects(db).acount()));
  }

  @Test
  void aFailedSavepointUndoesOnlyItsOwnWrites() {
    List<String> names =
        await(
            db.atomic(
                tx ->
                    Users.objects(tx)
                        .acreate(new User(null, "outer"))
                        .compose(
                            u ->
                                tx.atomic(
                                        inner ->
                                            Users.objects(inner)
                                                .acreate(new User(null, "inner"))
                                                .compose(
                                                    v ->
                                                        Future.<User>failedFuture(
                                                            new IllegalStateException("undo"))))
                                    .recover(e -> Future.succeededFuture(u)))
                        .compose(
                            u ->
                                tx.atomic(
                                    inner -> Users.objects(inner).acreate(new User(null, "kept"))))
                        .compose(u -> Users.objects(tx).orderBy(Users.ID.asc()).aall())
                        .map(users -> users.stream().map(User::username).toList())));
    assertEquals(List.of("outer", "kept"), names);
    assertEquals(2, await(Users.objects(db).acount()));
  }

  @Test
  void aFailedStatementInASavepointLetsTheTransactionGoOn() {
    user(db, "ann");
    Long count =
        await(
            db.atomic(
                tx ->
                    tx.atomic(inner -> Users.objects(inner).acreate(new User(null, "ann")))
                        .recover(duplicate -> Future.succeededFuture(null))
                        .compose(
                            ignored ->
                                Users.objects(tx)
                                    .agetOrCreate(new User(null, "ann"), Users.USERNAME))
                        .compose(found -> Users.objects(tx).acreate(new User(null, "bob")))
                        .compose(bob -> Users.objects(tx).acount())));
    assertEquals(2, count);
  }

  @Test
  void theTransactionsDatabaseCannotBeUsedAfterItsBlock() {
    AtomicReference<Database> leaked = new AtomicReference<>();
    await(
        db.atomic(
            tx -> {
              leaked.set(tx);
              return Users.objects(tx).acount();
            }));
    failure(Users.objects(leaked.get()).acount(), IllegalStateException.class);
    failure(leaked.get().close(), IllegalStateException.class);
  }

  @Test
  void requestsGoOnWhileAWriteWaitsForATransactionsLock() {
    // A transaction holds a write lock on one row until the test releases it; an outside write of
    // that row waits for it. Every other request, sent after that write and while it waits, must
    // complete: none may be queued behind it on its connection. (SQLite has one write lock for
    // the whole file, so there only reads are expected to go on.)
    boolean rowLocks = backend().lockProbe() != null;
    User ann = user(db, "ann");
    Transaction locked = tx(db, ann, "1.00", "locked", "food");
    List<Transaction> others = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      others.add(tx(db, ann, "2.00", "other " + i, "food"));
    }
    Promise<Void> held = Promise.promise();
    Promise<Void> release = Promise.promise();
    Future<Long> holder =
        db.atomic(
            t ->
                Transactions.objects(t)
                    .filter(ID.eq(locked.id()))
                    .aupdate(CATEGORY.set("held"))
                    .compose(
                        n -> {
                          held.complete();
                          return release.future().map(n);
                        }));
    await(held.future());
    Future<Long> waiting =
        Transactions.objects(db).filter(ID.eq(locked.id())).aupdate(CATEGORY.set("waited"));

    List<Future<?>> more = new ArrayList<>();
    for (int round = 0; round < 4; round++) {
      for (Transaction other : others) {
        more.add(Transactions.objects(db).aget(ID.eq(other.id())));
        more.add(Transactions.objects(db).filter(Transactions.USER.eq(ann)).acount());
        if (rowLocks) {
          more.add(
              Transactions.objects(db)
                  .filter(ID.eq(other.id()))
                  .aupdate(Transactions.DESCRIPTION.set("moved " + round)));
        }
      }
    }
    await(Future.all(more));
    assertFalse(waiting.isComplete(), "the write of the locked row still waits");

    release.complete();
    assertEquals(1, await(holder));
    assertEquals(1, await(waiting));
    assertEquals("waited", await(Transactions.objects(db).aget(ID.eq(locked.id()))).category());
    if (rowLocks) {
      assertEquals(
          others.size(),
          await(
              Transactions.objects(db)
                  .filter(Transactions.DESCRIPTION.startsWith("moved "))
                  .acount()),
          "every other row was written while the lock was held");
    }
  }

  // -------------------------------------------------------------------------------------------
  // onCommit: Django's transaction.on_commit

  @Test
  void onCommitRunsAfterTheCommitAndNeverAfterARollback() {
    List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
    User made =
        await(
            db.atomic(
                t ->
                    Users.objects(t)
                        .acreate(new User(null, "ann"))
                        .onSuccess(
                            ann ->
                                t.onCommit(
                                    () ->
                                        events.add(
                                            "committed "
                                                + ann.username()
                                                + " "
                                                + !events.contains("rolled back"))))));
    assertEquals(List.of("committed ann true"), events, "ran before atomic's Future completed");
    failure(
        db.atomic(
            t ->
                Users.objects(t)
                    .acreate(new User(null, "bob"))
                    .compose(
                        bob -> {
                          t.onCommit(() -> events.add("rolled back"));
                          return Future.failedFuture(new IllegalStateException("roll back"));
                        })),
        IllegalStateException.class);
    assertEquals(List.of("committed ann true"), events, "never after a rollback");
    assertEquals(1, await(Users.objects(db).acount()));
    assertEquals("ann", made.username());
  }

  @Test
  void aSavepointThatRollsBackDropsItsCallbacksOnly() {
    List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
    await(
        db.atomic(
            t -> {
              t.onCommit(() -> events.add("outer"));
              return t.atomic(
                      inner -> {
                        inner.onCommit(() -> events.add("dropped"));
                        return Future.failedFuture(new IllegalStateException("savepoint"));
                      })
                  .recover(e -> Future.succeededFuture())
                  .compose(
                      v ->
                          t.atomic(
                              inner -> {
                                inner.onCommit(() -> events.add("kept"));
                                return Future.succeededFuture();
                              }))
                  .map(
                      v -> {
                        assertEquals(List.of(), events, "nothing runs before the outer commit");
                        return v;
                      });
            }));
    assertEquals(List.of("outer", "kept"), events);
  }

  @Test
  void onCommitOutsideATransactionRunsAtOnceAndAFailingCallbackFailsNothing() {
    List<String> events = new ArrayList<>();
    db.onCommit(() -> events.add("now"));
    assertEquals(List.of("now"), events);
    await(
        db.atomic(
            t -> {
              t.onCommit(
                  () -> {
                    throw new IllegalStateException("a broken callback");
                  });
              t.onCommit(() -> events.add("after the broken one"));
              return Users.objects(t).acreate(new User(null, "ann"));
            }));
    assertEquals(List.of("now", "after the broken one"), events);
    assertEquals(1, await(Users.objects(db).acount()), "committed whatever the callback did");
  }

  // -------------------------------------------------------------------------------------------
  // Transaction options

  @Test
  void aReadOnlyTransactionReadsAndRefusesWrites() {
    user(db, "ann");
    dev.asyncmodel.TransactionOptions readOnly =
        dev.asyncmodel.TransactionOptions.defaults().readOnly();
    Long read = await(db.atomic(readOnly, t -> Users.objects(t).acount()));
    assertEquals(1L, read);
    failure(
        db.atomic(readOnly, t -> Users.objects(t).acreate(new User(null, "bob"))),
        dev.asyncmodel.DatabaseException.class);
    assertEquals(1L, await(Users.objects(db).acount()), "nothing written");
    // The connection went back writable.
    await(db.atomic(t -> Users.objects(t).acreate(new User(null, "cid"))));
    await(Users.objects(db).acreate(new User(null, "dan")));
    assertEquals(3L, await(Users.objects(db).acount()));
  }

  @Test
  void aNestedAtomicTakesNoOptions() {
    IllegalStateException e =
        failure(
            db.atomic(
                t ->
                    t.atomic(
                        dev.asyncmodel.TransactionOptions.defaults().readOnly(),
                        inner -> Users.objects(inner).acount())),
            IllegalStateException.class);
    assertTrue(e.getMessage().contains("outermost atomic"), e.getMessage());
  }

  /**
   * Write skew under SERIALIZABLE: two transactions each count the users whose name starts with
   * "x", then each adds one. Run at once, the database ends one of them (SQLSTATE 40001: a
   * serialization failure on PostgreSQL, a deadlock on MySQL); with retries it runs again and both
   * succeed. SQLite runs one transaction at a time, so there is nothing to race.
   */
  @Test
  void aSerializationFailureIsRetriedWhenAsked() {
    assumeTrue(
        !backend().name().equals("sqlite"),
        "SQLite runs one transaction at a time: no serialization failure to stage: skipped");
    dev.asyncmodel.TransactionOptions serializable =
        dev.asyncmodel.TransactionOptions.defaults()
            .isolation(dev.asyncmodel.Isolation.SERIALIZABLE);
    // Without retries, one of the two fails.
    List<Future<User>> plain = race(serializable, "a");
    int failed = 0;
    for (Future<User> f : plain) {
      try {
        await(f);
      } catch (AssertionError e) {
        failed++;
        assertTrue(
            String.valueOf(e.getCause()).contains("40001")
                || String.valueOf(e.getCause()).contains("40P01"),
            String.valueOf(e.getCause()));
      }
    }
    assertEquals(1, failed, "one of the two was ended by the database");
    // With retries, both.
    List<Future<User>> retried = race(serializable.retries(3), "b");
    for (Future<User> f : retried) {
      await(f);
    }
    assertEquals(3L, await(Users.objects(db).acount()));
  }

  /** Two transactions that read the same rows, both having read before either writes. */
  private List<Future<User>> race(dev.asyncmodel.TransactionOptions options, String tag) {
    java.util.concurrent.atomic.AtomicInteger reads =
        new java.util.concurrent.atomic.AtomicInteger();
    Promise<Void> bothRead = Promise.promise();
    List<Future<User>> both = new ArrayList<>();
    for (String who : List.of("1", "2")) {
      both.add(
          db.atomic(
              options,
              t ->
                  Users.objects(t)
                      .filter(Users.USERNAME.startsWith("x"))
                      .acount()
                      .compose(
                          n -> {
                            if (reads.incrementAndGet() == 2) {
                              bothRead.tryComplete();
                            }
                            return bothRead
                                .future()
                                .compose(
                                    v ->
                                        Users.objects(t)
                                            .acreate(new User(null, "x" + tag + who + "-" + n)));
                          })));
    }
    return both;
  }
}
