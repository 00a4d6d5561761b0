package dev.asyncmodel.conformance.suite;

import static dev.asyncmodel.conformance.fixture.Await.await;
import static dev.asyncmodel.conformance.suite.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asyncmodel.Ref;
import dev.asyncmodel.conformance.fixture.ConformanceTest;
import dev.asyncmodel.conformance.model.Transaction;
import dev.asyncmodel.conformance.model.Transactions;
import dev.asyncmodel.conformance.model.User;
import io.vertx.core.Promise;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A stream holds one chunk, not the result: 200,000 rows of about 400 bytes each on the heap (80 MB
 * as records) stream through a JVM of 48 MB, where {@code aall()} could not hold them. Runs in the
 * surefire execution {@code streams-in-a-small-heap}.
 */
public abstract class StreamMemorySuite extends ConformanceTest {
  private static final int ROWS = 200_000;

  @Test
  void twoHundredThousandRowsStreamThroughA48MegabyteHeap() {
    long heap = Runtime.getRuntime().maxMemory();
    assumeTrue(
        heap <= 64L << 20,
        "SKIPPED: proves nothing in a heap of "
            + (heap >> 20)
            + " MB; it runs in the surefire execution streams-in-a-small-heap (-Xmx48m)");
    User ann = user(db, "ann");
    String padding = "x".repeat(180);
    for (int from = 0; from < ROWS; from += 5_000) {
      List<Transaction> batch = new ArrayList<>(5_000);
      for (int i = from; i < from + 5_000; i++) {
        batch.add(
            new Transaction(
                null, Ref.of(ann), BigDecimal.valueOf(i % 1_000, 2), padding + i, "c", null));
      }
      await(Transactions.objects(db).abulkCreate(batch));
    }
    AtomicLong count = new AtomicLong();
    AtomicLong cents = new AtomicLong();
    AtomicLong lastId = new AtomicLong();
    Promise<Void> ended = Promise.promise();
    Transactions.objects(db)
        .orderBy(Transactions.ID.asc())
        .aiterator(1_000)
        .exceptionHandler(ended::tryFail)
        .endHandler(ended::tryComplete)
        .handler(
            t -> {
              if (t.id() <= lastId.get()) {
                ended.tryFail(new AssertionError("out of order at " + t.id()));
              }
              lastId.set(t.id());
              count.incrementAndGet();
              cents.addAndGet(t.amount().movePointRight(2).longValueExact());
            });
    await(ended.future());
    assertEquals(ROWS, count.get());
    long expected = 0;
    for (int i = 0; i < ROWS; i++) {
      expected += i % 1_000;
    }
    assertEquals(expected, cents.get());
  }
}
