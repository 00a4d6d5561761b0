package dev.asyncmodel.internal;

import io.vertx.core.Future;
import java.util.List;

/**
 * Where a {@link ChunkedStream} reads its rows: a cursor on a database, opened by the first {@link
 * #next}. Calls never overlap: the stream waits for each Future before the next call.
 *
 * @param <T> the mapped row
 */
public interface ChunkSource<T> {
  /**
   * A chunk of rows.
   *
   * @param rows the rows, at most the chunk size; may be empty; mutable, since the stream drops
   *     each row from it once delivered
   * @param last whether no row follows
   * @param <T> the mapped row
   */
  record Chunk<T>(List<T> rows, boolean last) {}

  /**
   * Reads the next chunk, opening the cursor on the first call.
   *
   * @return the chunk; failed with asyncmodel's exception when the query fails
   */
  Future<Chunk<T>> next();

  /**
   * Releases what the source holds: the cursor, a transaction it began (committed when {@code
   * completed}, else rolled back), its connection. Called once, also when {@link #next} was never
   * called or failed.
   *
   * @param completed whether every row was read
   * @return done once released; never failed
   */
  Future<Void> close(boolean completed);
}
