package dev.asyncmodel.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap of this JVM during a run of the streaming job ({@link StreamChild}), two ways:
 *
 * <ul>
 *   <li>the peak of used heap: each heap pool's peak ({@link MemoryPoolMXBean#getPeakUsage()}),
 *       reset after a full GC right before the run, summed over the pools. The pools need not peak
 *       at the same moment, so the sum is an upper bound of the heap's peak; with G1 it is mostly
 *       the eden the collector chose to fill before collecting, garbage included.
 *   <li>the most heap left after a collection during the run: from the collector's notifications,
 *       the heap pools' use after each collection, summed, the highest of the run. That is what the
 *       run kept reachable at a collection (plus what a young collection promoted and has not
 *       reclaimed yet): where rows held in memory would show.
 * </ul>
 */
final class HeapMeter implements NotificationListener {
  /**
   * A run's heap, in bytes.
   *
   * @param before used heap right after the full GC before the run: the JVM's own live objects
   * @param peakUsed the heap pools' peaks during the run, summed
   * @param mostAfterGc the most heap in use right after a collection during the run; -1 if none ran
   * @param collections the collections during the run
   */
  record Heap(long before, long peakUsed, long mostAfterGc, long collections) {}

  /** What {@link #start()} saw, for {@link #stop(Mark)}. */
  record Mark(long before, long collections) {}

  private final List<MemoryPoolMXBean> pools = new ArrayList<>();
  private final Set<String> poolNames = new HashSet<>();
  private final List<GarbageCollectorMXBean> collectors =
      ManagementFactory.getGarbageCollectorMXBeans();
  private final AtomicLong notified = new AtomicLong();
  private final AtomicLong mostAfterGc = new AtomicLong(-1);
  private final long notifiedOffset;

  /** Listens to every collector of this JVM from now on. */
  HeapMeter() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pools.add(pool);
        poolNames.add(pool.getName());
      }
    }
    for (GarbageCollectorMXBean collector : collectors) {
      if (collector instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(this, null, null);
      }
    }
    // Collections counted before the listener was there have no notification to wait for.
    notifiedOffset = collections() - notified.get();
  }

  @Override
  public void handleNotification(Notification notification, Object handback) {
    if (!notification
        .getType()
        .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long after = 0;
    for (Map.Entry<String, MemoryUsage> pool :
        info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (poolNames.contains(pool.getKey())) {
        after += pool.getValue().getUsed();
      }
    }
    mostAfterGc.accumulateAndGet(after, Math::max);
    notified.incrementAndGet();
  }

  /**
   * Before a run, not timed: a full GC, then every heap pool's peak reset, and the count of
   * collections taken.
   *
   * @return the mark {@link #stop(Mark)} takes
   */
  Mark start() {
    System.gc();
    awaitNotifications();
    long before = used();
    for (MemoryPoolMXBean pool : pools) {
      pool.resetPeakUsage();
    }
    mostAfterGc.set(-1);
    return new Mark(before, collections());
  }

  /**
   * After a run, not timed.
   *
   * @return the run's heap
   */
  Heap stop(Mark mark) {
    long peak = 0;
    for (MemoryPoolMXBean pool : pools) {
      peak += pool.getPeakUsage().getUsed();
    }
    long collections = collections() - mark.collections();
    awaitNotifications();
    return new Heap(mark.before(), peak, collections == 0 ? -1 : mostAfterGc.get(), collections);
  }

  /**
   * @return the heap in use now, every heap pool summed
   */
  long used() {
    long used = 0;
    for (MemoryPoolMXBean pool : pools) {
      used += pool.getUsage().getUsed();
    }
    return used;
  }

  private long collections() {
    long count = 0;
    for (GarbageCollectorMXBean collector : collectors) {
      count += Math.max(0, collector.getCollectionCount());
    }
    return count;
  }

  /**
   * Waits, at most 5 s, until the notification of every collection counted so far has been handled:
   * the JVM sends them from a thread of its own, a little after the collection.
   */
  private void awaitNotifications() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (notifiedOffset + notified.get() < collections() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
