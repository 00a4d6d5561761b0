package dev.asyncmodel.internal;

import dev.asyncmodel.RecordStream;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * A {@link RecordStream} over a {@link ChunkSource}: it reads a chunk only when the previous one
 * has been handed out and the consumer asks for more, so at most one chunk is held.
 *
 * <p>Events (rows, the end, a failure) are delivered one at a time: a thread that finds another
 * delivering leaves its work to it. A handler that asks for more, or closes the stream, from inside
 * a delivery is seen by the loop that called it.
 *
 * @param <T> the mapped row
 */
public final class ChunkedStream<T> implements RecordStream<T> {
  private final ChunkSource<T> source;
  private final Promise<Void> closed = Promise.promise();

  private @Nullable Handler<T> handler;
  private @Nullable Handler<Void> endHandler;
  private @Nullable Handler<Throwable> exceptionHandler;

  /** Rows asked for and not yet delivered; {@link Long#MAX_VALUE} for no limit. */
  private long demand = Long.MAX_VALUE;

  private @Nullable List<T> chunk;
  private int at;
  private boolean last;
  private @Nullable Throwable failure;

  /** A handler or a subscriber has been set: the stream has its one consumer. */
  private boolean started;

  private boolean reading;
  private boolean emitting;

  /** The end, a failure or a close has been decided: nothing more is delivered. */
  private boolean finished;

  /** Closed by its consumer while a read was in flight: the source closes when it completes. */
  private boolean closeAfterRead;

  /** Closed by its consumer: neither the end nor a failure is delivered any more. */
  private boolean closedByConsumer;

  /**
   * The end ({@link #END}) or the failure, once the source is closed, while the handler for it is
   * not set yet: a failure can come back within {@code handler(...)}, before the consumer sets its
   * {@code exceptionHandler}. Delivered when that handler is set.
   */
  private @Nullable Object pendingTerminal;

  private static final Object END = new Object();

  /**
   * @param source where the rows come from; opened by the first read
   */
  public ChunkedStream(ChunkSource<T> source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  /**
   * @param failure why the stream cannot run
   * @param <T> the mapped row
   * @return a stream that fails with {@code failure} once consumed, having opened nothing
   */
  public static <T> ChunkedStream<T> failed(Throwable failure) {
    return new ChunkedStream<>(
        new ChunkSource<T>() {
          @Override
          public Future<Chunk<T>> next() {
            return Future.failedFuture(failure);
          }

          @Override
          public Future<Void> close(boolean completed) {
            return Future.succeededFuture();
          }
        });
  }

  @Override
  public RecordStream<T> exceptionHandler(@Nullable Handler<Throwable> handler) {
    Throwable pending = null;
    synchronized (this) {
      exceptionHandler = handler;
      if (handler != null && pendingTerminal instanceof Throwable failure) {
        pending = failure;
        pendingTerminal = null;
      }
    }
    if (pending != null) {
      handler.handle(pending);
    }
    return this;
  }

  @Override
  public RecordStream<T> endHandler(@Nullable Handler<Void> handler) {
    boolean pending;
    synchronized (this) {
      endHandler = handler;
      pending = handler != null && pendingTerminal == END;
      if (pending) {
        pendingTerminal = null;
      }
    }
    if (pending) {
      handler.handle(null);
    }
    return this;
  }

  /**
   * Delivers the end ({@code failure} null) or a failure, after the source has closed: to its
   * handler, or later to the handler set after it; never after the consumer closed the stream.
   */
  private void deliverTerminal(@Nullable Throwable failure) {
    closed.tryComplete();
    Handler<Throwable> failed = null;
    Handler<Void> ended = null;
    synchronized (this) {
      if (closedByConsumer) {
        return;
      }
      if (failure != null) {
        failed = exceptionHandler;
      } else {
        ended = endHandler;
      }
      if (failed == null && ended == null) {
        pendingTerminal = failure != null ? failure : END;
        return;
      }
    }
    if (failed != null) {
      failed.handle(failure);
    } else {
      ended.handle(null);
    }
  }

  @Override
  public RecordStream<T> handler(@Nullable Handler<T> rows) {
    if (rows == null) {
      close();
      return this;
    }
    synchronized (this) {
      handler = rows;
      started = true;
    }
    drain();
    return this;
  }

  @Override
  public synchronized RecordStream<T> pause() {
    demand = 0;
    return this;
  }

  @Override
  public RecordStream<T> resume() {
    return fetch(Long.MAX_VALUE);
  }

  @Override
  public RecordStream<T> fetch(long amount) {
    if (amount < 0) {
      throw new IllegalArgumentException("fetch(" + amount + "): the amount must be 0 or more");
    }
    synchronized (this) {
      demand += amount;
      if (demand < 0) {
        demand = Long.MAX_VALUE;
      }
    }
    drain();
    return this;
  }

  @Override
  public Future<Void> close() {
    boolean now;
    synchronized (this) {
      closedByConsumer = true;
      pendingTerminal = null;
      // Reactive Streams 3.13: no reference to the consumer is kept once it has cancelled.
      handler = null;
      endHandler = null;
      exceptionHandler = null;
      if (finished) {
        return closed.future();
      }
      finished = true;
      chunk = null;
      now = !reading;
      closeAfterRead = reading;
    }
    if (now) {
      closeSource(false).onComplete(v -> closed.tryComplete());
    }
    return closed.future();
  }

  /** Delivers what can be delivered, and reads the next chunk when it is needed. */
  private void drain() {
    synchronized (this) {
      if (emitting) {
        return;
      }
      emitting = true;
    }
    while (true) {
      T row = null;
      Handler<T> rows = null;
      Throwable failed = null;
      boolean ended = false;
      boolean read = false;
      synchronized (this) {
        if (finished) {
          emitting = false;
          return;
        }
        List<T> current = chunk;
        if (failure != null && !reading) {
          failed = failure;
          finished = true;
        } else if (current != null && at < current.size()) {
          if (demand == 0) {
            emitting = false;
            return;
          }
          row = current.get(at);
          current.set(at++, null); // delivered: the chunk no longer holds it
          if (demand != Long.MAX_VALUE) {
            demand--;
          }
          rows = handler;
        } else if (last) {
          ended = true;
          finished = true;
          chunk = null;
        } else if (!reading && started && demand > 0) {
          reading = true;
          chunk = null;
          read = true;
        }
        if (row == null && failed == null && !ended) {
          emitting = false;
        }
      }
      if (row != null) {
        try {
          Objects.requireNonNull(rows, "handler").handle(row);
        } catch (RuntimeException | Error e) {
          synchronized (this) {
            failure = e;
            chunk = null;
          }
        }
        continue;
      }
      if (failed != null) {
        Throwable cause = failed;
        closeSource(false).onComplete(v -> deliverTerminal(cause));
        return;
      }
      if (ended) {
        closeSource(true).onComplete(v -> deliverTerminal(null));
        return;
      }
      if (read) {
        Future<ChunkSource.Chunk<T>> next;
        try {
          next = source.next();
        } catch (RuntimeException | Error e) {
          next = Future.failedFuture(e);
        }
        next.onComplete(this::chunkRead);
      }
      return;
    }
  }

  /** Closes the source; what it throws counts as closed. */
  private Future<Void> closeSource(boolean completed) {
    try {
      return source.close(completed);
    } catch (RuntimeException | Error e) {
      return Future.succeededFuture();
    }
  }

  private void chunkRead(ChunkSource.@Nullable Chunk<T> next, @Nullable Throwable error) {
    boolean closeNow;
    synchronized (this) {
      reading = false;
      closeNow = closeAfterRead;
      if (!closeNow) {
        if (error != null) {
          failure = error;
        } else {
          ChunkSource.Chunk<T> read = Objects.requireNonNull(next, "chunk");
          chunk = read.rows();
          at = 0;
          last = read.last();
        }
      }
    }
    if (closeNow) {
      closeSource(false).onComplete(v -> closed.tryComplete());
      return;
    }
    drain();
  }

  // ---------------------------------------------------------------------------------------------
  // Flow.Publisher

  @Override
  public void subscribe(Flow.Subscriber<? super T> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber"); // Reactive Streams 1.9
    boolean taken;
    boolean closedAlready;
    synchronized (this) {
      taken = started || finished;
      closedAlready = finished && !started;
      if (!taken) {
        started = true;
        demand = 0;
        // Reactive Streams 2.13: a subscriber that throws is cancelled, and hears nothing more.
        handler =
            row -> {
              try {
                subscriber.onNext(row);
              } catch (RuntimeException e) {
                close();
              }
            };
        endHandler = v -> subscriber.onComplete();
        exceptionHandler = subscriber::onError;
      }
    }
    if (taken) {
      subscriber.onSubscribe(
          new Flow.Subscription() {
            @Override
            public void request(long n) {}

            @Override
            public void cancel() {}
          });
      subscriber.onError(
          new IllegalStateException(
              closedAlready
                  ? "This stream was closed before it had a consumer: call aiterator() again"
                  : "This stream has a consumer already: each aiterator() is read once; call it"
                      + " again for another"));
      return;
    }
    subscriber.onSubscribe(
        new Flow.Subscription() {
          @Override
          public void request(long n) {
            if (n <= 0) {
              synchronized (ChunkedStream.this) {
                if (failure == null) {
                  failure =
                      new IllegalArgumentException(
                          "request(" + n + "): a subscriber must request a positive number");
                }
                chunk = null;
              }
              drain();
              return;
            }
            fetch(n);
          }

          @Override
          public void cancel() {
            close();
          }
        });
  }
}
