package dev.asyncmodel.internal;

import io.vertx.core.Future;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ChunkSource} watched by the statement log or telemetry: it counts the rows read and
 * keeps the failure, and when the stream closes (after its first read) says so once.
 *
 * @param <R> the mapped row
 */
public final class ObservedSource<R> implements ChunkSource<R> {
  /** What a watcher is told of a stream. */
  public interface Watcher {
    /** The stream's first read is about to start. */
    void opened();

    /**
     * The stream has closed, after at least one read.
     *
     * @param nanos the time since its first read
     * @param rows the rows read
     * @param failure the failure of a read, or null
     * @param completed whether every row was read
     */
    void closed(long nanos, long rows, @Nullable Throwable failure, boolean completed);
  }

  private final ChunkSource<R> source;
  private final Watcher watcher;
  private long start;
  private long rows;
  private @Nullable Throwable failure;

  /**
   * @param source the source watched
   * @param watcher told of its first read and its close
   */
  public ObservedSource(ChunkSource<R> source, Watcher watcher) {
    this.source = source;
    this.watcher = watcher;
  }

  @Override
  public Future<Chunk<R>> next() {
    if (start == 0) {
      start = System.nanoTime();
      watcher.opened();
    }
    return source
        .next()
        .andThen(
            read -> {
              if (read.succeeded()) {
                rows += read.result().rows().size();
              } else {
                failure = read.cause();
              }
            });
  }

  @Override
  public Future<Void> close(boolean completed) {
    return source
        .close(completed)
        .andThen(
            closed -> {
              if (start != 0) {
                watcher.closed(System.nanoTime() - start, rows, failure, completed);
              }
            });
  }
}
