package dev.asyncmodel.conformance.suite;

import static dev.asyncmodel.conformance.fixture.Await.await;
import static dev.asyncmodel.conformance.suite.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.PoolExhaustedException;
import dev.asyncmodel.conformance.fixture.ConformanceTest;
import dev.asyncmodel.conformance.model.User;
import dev.asyncmodel.conformance.model.Users;
import io.vertx.core.Promise;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Bursts far past what the pool can hold, in a 256 MB heap (the surefire execution {@code
 * bursts-in-a-small-heap}): 100,000 reads issued at once all complete, and ten times as many
 * degrade into fast {@link PoolExhaustedException}s, not an {@link OutOfMemoryError}.
 */
public abstract class BurstSuite extends ConformanceTest {
  /** Issues {@code n} point reads at once; counts, keeps no Future. */
  private long[] burst(int n, long id) {
    AtomicLong ok = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    AtomicReference<Throwable> other = new AtomicReference<>();
    AtomicLong left = new AtomicLong(n);
    Promise<Void> all = Promise.promise();
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      Users.objects(db)
          .aget(Users.ID.eq(id))
          .onComplete(
              (user, failure) -> {
                if (failure == null) {
                  ok.incrementAndGet();
                } else if (failure instanceof PoolExhaustedException) {
                  refused.incrementAndGet();
                } else {
                  other.compareAndSet(null, failure);
                }
                if (left.decrementAndGet() == 0) {
                  all.complete();
                }
              });
    }
    await(all.future());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(null, other.get(), "only successes and refusals");
    System.out.printf(
        "[burst] %s: %,d reads at once in a %d MB heap: %,d done, %,d refused, %,d ms%n",
        backend().name(),
        n,
        Runtime.getRuntime().maxMemory() >> 20,
        ok.get(),
        refused.get(),
        millis);
    return new long[] {ok.get(), refused.get()};
  }

  @Test
  void aBurstTheQueueHoldsCompletesAndTenTimesMoreFailsFast() {
    User ann = user(db, "ann");
    long[] held = burst(100_000, ann.id());
    assertEquals(100_000, held[0], "every read of a burst the queue holds");
    long[] over = burst(1_000_000, ann.id());
    assertEquals(1_000_000, over[0] + over[1]);
    assertTrue(over[1] > 0, "the excess was refused");
    assertTrue(over[0] >= 100_000, "what the queue held was served: " + over[0]);
  }
}
