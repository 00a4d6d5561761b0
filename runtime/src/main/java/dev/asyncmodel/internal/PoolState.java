package dev.asyncmodel.internal;

import java.util.function.IntSupplier;

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

  /**
   * @param admission the database's bound on statements, which counts them
   * @param connections counts the connections open
   * @return the state
   */
  static PoolState of(Admission admission, IntSupplier connections) {
    return new PoolState() {
      @Override
      public int connections() {
        return connections.getAsInt();
      }

      @Override
      public int outstanding() {
        return admission.outstanding();
      }

      @Override
      public int waiting() {
        return admission.waiting();
      }
    };
  }
}
