package dev.asyncmodel;

/**
 * How {@link QuerySet#selectForUpdate(RowLock)} treats a row another transaction has locked:
 * Django's {@code select_for_update(nowait=..., skip_locked=...)}.
 */
public enum RowLock {
  /** Wait until the other transaction ends: {@code FOR UPDATE}. */
  WAIT,
  /** Fail at once with a {@link DatabaseException}: {@code FOR UPDATE NOWAIT}. */
  NOWAIT,
  /** Leave the locked rows out of the result: {@code FOR UPDATE SKIP LOCKED}. */
  SKIP_LOCKED
}
