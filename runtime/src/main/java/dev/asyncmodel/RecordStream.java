package dev.asyncmodel;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.streams.ReadStream;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * The rows of a query, read a chunk at a time as the consumer asks for them: Django's {@code
 * aiterator()}, the spec's async generator. Made by {@link QuerySet#aiterator(int)}; nothing runs
 * until it is consumed.
 *
 * <p>It is both a Vert.x {@link ReadStream} and a {@link Flow.Publisher}, for one consumer, once:
 *
 * <ul>
 *   <li>As a {@code ReadStream}: setting a {@link #handler} starts the query; {@link #pause},
 *       {@link #fetch} and {@link #resume} are the backpressure, as for any Vert.x stream, and
 *       {@code pipeTo(writeStream)} works. The {@link #endHandler} runs after the last row, once
 *       the cursor is closed and the connection is back in the pool.
 *   <li>As a {@code Publisher}: {@link #subscribe} starts the query at the subscriber's first
 *       {@code request(n)}; {@code cancel()} closes it. Reactor's {@code
 *       JdkFlowAdapter.flowPublisherToFlux(stream)}, Mutiny's {@code
 *       Multi.createFrom().publisher(stream)} and RxJava's {@code
 *       Flowable.fromPublisher(FlowAdapters.toPublisher(stream))} adapt it in one line.
 * </ul>
 *
 * <p>At most one chunk of rows is in memory: the next chunk is read from the database only when the
 * consumer has taken the last row of the previous one and asks for more, so a slow consumer slows
 * the query down instead of filling the heap. {@link #close()} (or {@code cancel()}) stops it
 * mid-way: the cursor is closed and the connection goes back to the pool.
 *
 * <pre>{@code
 * Transactions.objects(db).filter(USER.eq(user)).orderBy(ID.asc()).aiterator(1_000)
 *     .handler(tx -> out.write(Transactions.toJson(tx).encode() + "\n"))
 *     .exceptionHandler(failure -> log.warn("export failed", failure))
 *     .endHandler(done -> out.end());
 * }</pre>
 *
 * @param <T> the model
 */
public interface RecordStream<T> extends ReadStream<T>, Flow.Publisher<T> {
  /**
   * @param handler gets the failure of the query, or of a handler, after the stream has closed
   * @return this stream
   */
  @Override
  RecordStream<T> exceptionHandler(@Nullable Handler<Throwable> handler);

  /**
   * Starts the query when a handler is first set; a null handler closes the stream.
   *
   * @param handler gets each row
   * @return this stream
   */
  @Override
  RecordStream<T> handler(@Nullable Handler<T> handler);

  @Override
  RecordStream<T> pause();

  @Override
  RecordStream<T> resume();

  @Override
  RecordStream<T> fetch(long amount);

  /**
   * @param endHandler runs after the last row, once everything the stream held is released
   * @return this stream
   */
  @Override
  RecordStream<T> endHandler(@Nullable Handler<Void> endHandler);

  /**
   * Stops the stream: no more rows are delivered, nor its end; the cursor is closed, the
   * transaction the stream opened ends, and the connection goes back to the pool.
   *
   * @return a Future completed once all of that is done
   */
  Future<Void> close();
}
