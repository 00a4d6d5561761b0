package dev.asyncmodel.internal;

/**
 * What a database's connections are doing, for its pool metrics: read when a metrics reader asks,
 * never on the query path.
 */
public interface PoolState {
  /**
   * @return the connections open now
   */
  int connections();

  /**
   * @return the statements outside transactions admitted and not yet done, running or waiting
   */
  int outstanding();

  /**
   * @return the statements outside transactions waiting for a connection
   */
  int waiting();
}
