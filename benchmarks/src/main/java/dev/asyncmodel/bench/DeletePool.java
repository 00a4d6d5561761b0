package dev.asyncmodel.bench;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Ids of rows the benchmark inserted, which the delete operation removes: one id per delete, never
 * twice, so every delete must match exactly one row.
 */
public final class DeletePool {
  private final ConcurrentLinkedQueue<Long> ids = new ConcurrentLinkedQueue<>();

  /**
   * @param id a row the benchmark inserted
   */
  public void add(long id) {
    ids.add(id);
  }

  /**
   * @return an id to delete
   * @throws IllegalStateException when every inserted row was deleted already
   */
  public long take() {
    Long id = ids.poll();
    if (id == null) {
      throw new IllegalStateException(
          "No inserted row left to delete: the harness topped up too few (a bug in the harness)");
    }
    return id;
  }

  /**
   * @return the number of ids left
   */
  public int size() {
    return ids.size();
  }

  /** Forgets every id (after the rows were deleted in bulk). */
  public void clear() {
    ids.clear();
  }
}
