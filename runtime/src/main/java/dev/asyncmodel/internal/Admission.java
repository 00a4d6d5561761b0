package dev.asyncmodel.internal;

import dev.asyncmodel.PoolExhaustedException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many statements a database has outside transactions, running or waiting, and the bound on
 * them: the connections' room plus {@code max_waiting}. A statement past the bound fails at once,
 * on the caller's thread, with a {@link PoolExhaustedException} that has no stack trace, so that a
 * burst far past what the database can hold costs a counter and one small object per refused
 * request, not a queued task and two stack traces.
 */
public final class Admission {
  private final AtomicInteger outstanding = new AtomicInteger();
  private final int room;
  private final int limit;

  /**
   * @param room statements the connections can run at once
   * @param maxWaiting statements that may wait for room
   */
  public Admission(int room, int maxWaiting) {
    this.room = room;
    long sum = (long) room + maxWaiting;
    this.limit = (int) Math.min(Integer.MAX_VALUE, sum);
  }

  /**
   * @return the statements admitted past the connections' room: waiting
   */
  public int waiting() {
    return Math.max(0, outstanding.get() - room);
  }

  /**
   * @return whether the statement may go on; if so, {@link #exit()} must follow once it is done
   */
  public boolean tryEnter() {
    if (outstanding.incrementAndGet() > limit) {
      outstanding.decrementAndGet();
      return false;
    }
    return true;
  }

  /** A statement admitted by {@link #tryEnter()} is done. */
  public void exit() {
    outstanding.decrementAndGet();
  }

  /**
   * @return the statements admitted and not yet done
   */
  public int outstanding() {
    return outstanding.get();
  }

  /**
   * @param statement the refused statement
   * @return its failure
   */
  public static PoolExhaustedException refused(Statement statement) {
    return PoolExhaustedException.queueFull(statement.model(), statement.sql(), null);
  }
}
