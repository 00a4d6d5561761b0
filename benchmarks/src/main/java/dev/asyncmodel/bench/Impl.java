package dev.asyncmodel.bench;

import dev.asyncmodel.bench.Data.Request;
import io.vertx.core.Future;

/**
 * One implementation of the operations: asyncmodel, or the hand-written code it is compared with.
 */
public sealed interface Impl permits Impl.Async, Impl.Blocking {
  /**
   * @return its name in the table
   */
  String name();

  /**
   * Closes its pool.
   *
   * @throws Exception when closing fails
   */
  void close() throws Exception;

  /** An implementation whose requests return Futures: the closed loop keeps them in flight. */
  non-sealed interface Async extends Impl {
    /**
     * Runs one request and checks its result.
     *
     * @param op the operation
     * @param r its parameters
     * @return completes when the result was checked, fails when it was wrong or the query failed
     */
    Future<?> call(Op op, Request r);
  }

  /** A blocking implementation: each request holds a thread. */
  non-sealed interface Blocking extends Impl {
    /**
     * Runs one request and checks its result.
     *
     * @param op the operation
     * @param r its parameters
     * @throws Exception when the result was wrong or the query failed
     */
    void call(Op op, Request r) throws Exception;
  }
}
