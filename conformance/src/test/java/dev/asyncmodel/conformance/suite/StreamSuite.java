package dev.asyncmodel.conformance.suite;

import static dev.asyncmodel.conformance.fixture.Await.await;
import static dev.asyncmodel.conformance.fixture.Await.failure;
import static dev.asyncmodel.conformance.suite.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.Database;
import dev.asyncmodel.RecordStream;
import dev.asyncmodel.Ref;
import dev.asyncmodel.conformance.fixture.ConformanceTest;
import dev.asyncmodel.conformance.model.Transaction;
import dev.asyncmodel.conformance.model.Transactions;
import dev.asyncmodel.conformance.model.User;
import dev.asyncmodel.conformance.model.Users;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Django's {@code aiterator()}: rows through a cursor, a chunk at a time, with backpressure, as a
 * Vert.x ReadStream and a Flow.Publisher; a stream that ends, fails or is closed gives its
 * connection back.
 */
public abstract class StreamSuite extends ConformanceTest {
  private List<Transaction> rows(User user, int n) {
    List<Transaction> lines = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      lines.add(
          new Transaction(
              null, Ref.of(user), new BigDecimal(i).movePointLeft(2), "row " + i, "c", null));
    }
    return await(Transactions.objects(db).abulkCreate(lines));
  }

  /** Reads a stream to its end: its rows, or its failure. */
  private static <T> Future<List<T>> collect(RecordStream<T> stream) {
    Promise<List<T>> done = Promise.promise();
    List<T> seen = Collections.synchronizedList(new ArrayList<>());
    stream
        .exceptionHandler(done::tryFail)
        .endHandler(v -> done.tryComplete(List.copyOf(seen)))
        .handler(seen::add);
    return done.future();
  }

  private String url(String parameters) {
    String url = backend().url();
    return url + (url.contains("?") ? "&" : "?") + parameters;
  }

  /** Runs {@code test} on a database of its own, opened with {@code parameters}, then closes it. */
  private void onPool(String parameters, java.util.function.Consumer<Database> test) {
    Database own = Database.connect(vertx, url(parameters));
    try {
      test.accept(own);
    } finally {
      await(own.close());
    }
  }

  /**
   * The database's one connection is free: a read on a pool of one is answered within 2 s, and on
   * PostgreSQL no session is left inside a transaction.
   */
  private void assertConnectionFree(Database one) {
    assertEquals(
        await(Transactions.objects(db).acount()),
        await(Transactions.objects(one).timeout(Duration.ofSeconds(2)).acount()));
    if (backend().name().equals("postgresql")) {
      assertEquals(
          0L,
          ((Number)
                  backend()
                      .sql(
                          "SELECT count(*) FROM pg_stat_activity WHERE datname ="
                              + " current_database() AND state LIKE 'idle in transaction%'")
                      .get(0)
                      .get(0))
              .longValue(),
          "a transaction left open");
    }
  }

  @Test
  void aStreamDeliversEveryRowInOrderAChunkAtATime() {
    User ann = user(db, "ann");
    List<Transaction> stored = rows(ann, 2_345);
    List<Transaction> streamed =
        await(
            collect(
                Transactions.objects(db)
                    .filter(Transactions.USER.eq(ann))
                    .orderBy(Transactions.ID.asc())
                    .aiterator(100)));
    assertEquals(stored, streamed);
    List<Transaction> sliced =
        await(
            collect(
                Transactions.objects(db)
                    .orderBy(Transactions.ID.desc())
                    .offset(5)
                    .limit(250)
                    .aiterator(7)));
    assertEquals(
        await(Transactions.objects(db).orderBy(Transactions.ID.desc()).offset(5).limit(250).aall()),
        sliced);
    assertEquals(List.of(), await(collect(Transactions.objects(db).limit(0).aiterator())));
  }

  @Test
  void pauseAndFetchDeliverExactlyTheRowsAskedFor() throws InterruptedException {
    User ann = user(db, "ann");
    rows(ann, 500);
    AtomicInteger seen = new AtomicInteger();
    Promise<Void> ended = Promise.promise();
    RecordStream<Transaction> stream =
        Transactions.objects(db).orderBy(Transactions.ID.asc()).aiterator(64);
    stream.pause().endHandler(ended::complete).exceptionHandler(ended::fail);
    stream.handler(t -> seen.incrementAndGet());
    Thread.sleep(200);
    assertEquals(0, seen.get(), "paused before the first row");
    stream.fetch(5);
    waitFor(() -> seen.get() == 5);
    Thread.sleep(200);
    assertEquals(5, seen.get(), "five asked for, five delivered");
    stream.fetch(70); // past the first chunk of 64: the next is read
    waitFor(() -> seen.get() == 75);
    Thread.sleep(100);
    assertEquals(75, seen.get());
    assertTrue(!ended.future().isComplete());
    stream.resume();
    await(ended.future());
    assertEquals(500, seen.get());
  }

  @Test
  void closingAStreamMidWayGivesItsConnectionBack() {
    User ann = user(db, "ann");
    rows(ann, 1_000);
    onPool(
        "pool_size=1",
        one -> {
          RecordStream<Transaction> stream =
              Transactions.objects(one).orderBy(Transactions.ID.asc()).aiterator(50);
          List<Transaction> seen = new CopyOnWriteArrayList<>();
          Promise<Void> tenth = Promise.promise();
          AtomicReference<Object> after = new AtomicReference<>();
          stream.endHandler(v -> after.set("ended")).exceptionHandler(after::set);
          stream.handler(
              t -> {
                seen.add(t);
                if (seen.size() == 10) {
                  stream.close().onComplete(v -> tenth.complete());
                }
              });
          await(tenth.future());
          assertEquals(10, seen.size(), "no row after close");
          assertNull(after.get(), "neither the end nor a failure after close");
          assertConnectionFree(one);
        });
  }

  @Test
  void aStreamThatEndsOrFailsGivesItsConnectionBack() {
    User ann = user(db, "ann");
    rows(ann, 300);
    onPool(
        "pool_size=1",
        one -> {
          assertEquals(300, await(collect(Transactions.objects(one).aiterator(32))).size());
          assertConnectionFree(one);
          AtomicInteger seen = new AtomicInteger();
          RecordStream<Transaction> failing = Transactions.objects(one).aiterator(32);
          Promise<Throwable> failed = Promise.promise();
          failing.exceptionHandler(failed::complete).endHandler(v -> failed.fail("ended"));
          failing.handler(
              t -> {
                if (seen.incrementAndGet() == 40) {
                  throw new IllegalStateException("the consumer broke");
                }
              });
          assertEquals("the consumer broke", await(failed.future()).getMessage());
          assertEquals(40, seen.get());
          assertConnectionFree(one);
        });
  }

  @Test
  void aPublisherHonoursDemandAndCancel() {
    User ann = user(db, "ann");
    rows(ann, 200);
    onPool(
        "pool_size=1",
        one -> {
          RecordStream<Transaction> stream =
              Transactions.objects(one).orderBy(Transactions.ID.asc()).aiterator(8);
          List<Transaction> seen = new CopyOnWriteArrayList<>();
          AtomicReference<Object> terminal = new AtomicReference<>();
          Promise<Void> cancelled = Promise.promise();
          stream.subscribe(
              new Flow.Subscriber<Transaction>() {
                private Flow.Subscription subscription;

                @Override
                public void onSubscribe(Flow.Subscription s) {
                  subscription = s;
                  s.request(4);
                }

                @Override
                public void onNext(Transaction t) {
                  seen.add(t);
                  if (seen.size() == 10) {
                    subscription.cancel();
                    cancelled.complete();
                  } else if (seen.size() % 4 == 0) {
                    subscription.request(4);
                  }
                }

                @Override
                public void onError(Throwable e) {
                  terminal.set(e);
                }

                @Override
                public void onComplete() {
                  terminal.set("complete");
                }
              });
          await(cancelled.future());
          await(stream.close()); // cancel's close, done
          assertEquals(10, seen.size());
          assertNull(terminal.get());
          assertConnectionFree(one);
          // A stream has one consumer.
          AtomicReference<Throwable> second = new AtomicReference<>();
          stream.subscribe(
              new Flow.Subscriber<Transaction>() {
                @Override
                public void onSubscribe(Flow.Subscription s) {}

                @Override
                public void onNext(Transaction t) {}

                @Override
                public void onError(Throwable e) {
                  second.set(e);
                }

                @Override
                public void onComplete() {}
              });
          assertInstanceOf(IllegalStateException.class, second.get());
        });
  }

  @Test
  void aPublisherRefusesANonPositiveRequest() {
    user(db, "ann");
    AtomicReference<Throwable> error = new AtomicReference<>();
    Promise<Void> done = Promise.promise();
    Users.objects(db)
        .aiterator()
        .subscribe(
            new Flow.Subscriber<User>() {
              @Override
              public void onSubscribe(Flow.Subscription s) {
                s.request(0);
              }

              @Override
              public void onNext(User u) {}

              @Override
              public void onError(Throwable e) {
                error.set(e);
                done.complete();
              }

              @Override
              public void onComplete() {
                done.complete();
              }
            });
    await(done.future());
    assertInstanceOf(IllegalArgumentException.class, error.get(), "Reactive Streams 3.9");
  }

  @Test
  void insideAtomicTheStreamReadsTheBlocksOwnRows() {
    User ann = user(db, "ann");
    List<String> seen =
        await(
            db.atomic(
                tx ->
                    Transactions.objects(tx)
                        .abulkCreate(
                            List.of(
                                new Transaction(null, Ref.of(ann), BigDecimal.ONE, "a", "c", null),
                                new Transaction(null, Ref.of(ann), BigDecimal.TEN, "b", "c", null),
                                new Transaction(null, Ref.of(ann), BigDecimal.ONE, "c", "c", null)))
                        .compose(
                            made ->
                                collect(
                                    Transactions.objects(tx)
                                        .orderBy(Transactions.ID.asc())
                                        .aiterator(2)))
                        .map(rows -> rows.stream().map(Transaction::description).toList())));
    assertEquals(List.of("a", "b", "c"), seen);
    assertEquals(3L, await(Transactions.objects(db).acount()), "committed with the block");
  }

  @Test
  void aStreamOfAClosedDatabaseFailsThroughItsHandler() {
    Database closed = Database.connect(vertx, backend().url());
    await(closed.close());
    assertInstanceOf(
        IllegalStateException.class,
        failure(collect(Users.objects(closed).aiterator()), IllegalStateException.class));
    // The failure comes back within handler(...): it waits for the exception handler set after.
    Promise<Throwable> failed = Promise.promise();
    RecordStream<User> stream = Users.objects(closed).aiterator();
    stream.handler(u -> failed.tryFail("a row"));
    stream.exceptionHandler(failed::tryComplete);
    assertInstanceOf(IllegalStateException.class, await(failed.future()));
  }

  /**
   * Open streams hold a connection each, and leave the others to everything else: with three paused
   * streams on a database of four connections, a read is answered at once. (SQLite's streams have
   * connections of their own, outside its pool of readers.)
   */
  @Test
  void pausedStreamsLeaveTheOtherConnectionsFree() {
    User ann = user(db, "ann");
    rows(ann, 100);
    onPool(
        "pool_size=4",
        four -> {
          List<RecordStream<Transaction>> streams = new ArrayList<>();
          for (int i = 0; i < 3; i++) {
            RecordStream<Transaction> stream = Transactions.objects(four).aiterator(10);
            Promise<Void> first = Promise.promise();
            stream.pause().handler(t -> first.tryComplete());
            stream.fetch(1);
            await(first.future());
            streams.add(stream);
          }
          assertEquals(
              100L, await(Transactions.objects(four).timeout(Duration.ofSeconds(2)).acount()));
          for (RecordStream<Transaction> stream : streams) {
            await(stream.close());
          }
        });
  }

  /** A stream's statement is closed with it: streams leave no prepared statement behind. */
  @Test
  void streamsLeaveNoPreparedStatementBehind() {
    User ann = user(db, "ann");
    rows(ann, 10);
    onPool(
        "pool_size=1",
        one -> {
          long before = preparedStatements(one);
          for (int i = 0; i < 20; i++) {
            assertEquals(10, await(collect(Transactions.objects(one).aiterator(3))).size());
          }
          long after = preparedStatements(one);
          assertTrue(
              after - before < 5, "prepared statements before " + before + ", after " + after);
        });
  }

  /** The statements prepared on the one connection of {@code one} (server-wide on MySQL). */
  private long preparedStatements(Database one) {
    switch (backend().name()) {
      case "postgresql":
        return await(one.execute("SELECT 1 FROM pg_prepared_statements"));
      case "mysql":
        return Long.parseLong(
            String.valueOf(
                backend().sql("SHOW GLOBAL STATUS LIKE 'Prepared_stmt_count'").get(0).get(1)));
      default:
        org.junit.jupiter.api.Assumptions.assumeTrue(
            false, backend().name() + " prepares no statement on a server: skipped");
        return 0;
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) {
    long until = System.nanoTime() + 10_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("timed out waiting");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
