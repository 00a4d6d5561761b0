package dev.asyncmodel.bench;

import java.util.concurrent.TimeUnit;

/**
 * One implementation as the rounds drive it: in the benchmark's own JVM ({@link #inProcess}), or in
 * a JVM of its own ({@link ChildJvm}, {@code --isolated}).
 */
interface Contender {
  /**
   * @return the implementation's name in the table
   */
  String name();

  /**
   * Runs one window of the closed loop.
   *
   * @param op the operation
   * @param warmupMillis the warm-up before the measured window
   * @param windowMillis the measured window
   * @return what the window measured
   * @throws Exception when the window could not run
   */
  Window run(Op op, long warmupMillis, long windowMillis) throws Exception;

  /**
   * Makes sure at least {@code need} inserted rows are left for this implementation's deletes,
   * inserting the missing ones (not measured).
   *
   * @param need the rows the next delete window may use
   * @throws Exception when the rows could not be inserted
   */
  void topUp(int need) throws Exception;

  /**
   * @param impl the implementation
   * @param loop the closed loop every implementation of this JVM runs on
   * @param server the database
   * @param deletable the ids for deletes, shared by every implementation of this JVM
   * @return the implementation, run in this JVM
   */
  static Contender inProcess(Impl impl, ClosedLoop loop, PgServer server, DeletePool deletable) {
    return new Contender() {
      @Override
      public String name() {
        return impl.name();
      }

      @Override
      public Window run(Op op, long warmupMillis, long windowMillis) throws Exception {
        return loop.run(
            impl,
            op,
            TimeUnit.MILLISECONDS.toNanos(warmupMillis),
            TimeUnit.MILLISECONDS.toNanos(windowMillis));
      }

      @Override
      public void topUp(int need) throws Exception {
        Contender.topUp(server, deletable, need);
      }
    };
  }

  /**
   * Inserts rows into {@code deletable} until it holds at least {@code need} ids.
   *
   * @param server the database
   * @param deletable the pool to fill
   * @param need the ids wanted
   */
  static void topUp(PgServer server, DeletePool deletable, int need) throws Exception {
    if (deletable.size() < need) {
      Schema.insertDeletable(server, need - deletable.size(), deletable);
    }
  }
}
