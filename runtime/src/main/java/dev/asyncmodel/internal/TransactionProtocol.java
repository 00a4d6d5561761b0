package dev.asyncmodel.internal;

import dev.asyncmodel.DatabaseException;
import dev.asyncmodel.TransactionOptions;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Function;

/**
 * {@code db.atomic(block)}, written once for every backend: BEGIN, the block on a session bound to
 * the transaction, then COMMIT when its Future succeeds and ROLLBACK when it fails; a COMMIT the
 * database refuses (a deferred foreign key) is followed by a ROLLBACK, so the connection never goes
 * back with a transaction open. A nested {@code atomic} is a savepoint, released or rolled back to
 * alone, as Django's nested {@code transaction.atomic()}.
 *
 * <p>BEGIN and COMMIT are sent by hand rather than through a client's transaction object: Vert.x's
 * rolls back on the first failed statement, which would undo a failure the block recovered from
 * inside a savepoint.
 */
public final class TransactionProtocol {
  private TransactionProtocol() {}

  /** The one connection a transaction holds, as the protocol uses it. */
  public interface Control {
    /**
     * Runs a statement of the protocol (BEGIN, COMMIT, SAVEPOINT, ...) after every statement issued
     * on the connection before it.
     *
     * @param sql the statement
     * @return a Future completed when it ran; failed with the driver's exception
     */
    Future<Void> execute(String sql);

    /**
     * @return a Future completed once every statement the block issued has finished; a backend that
     *     runs them in order as they come completes it at once
     */
    default Future<Void> drained() {
      return Future.succeededFuture();
    }
  }

  /**
   * Runs {@code block} in a transaction on a connection the caller holds; the caller gives the
   * connection back when the returned Future completes.
   *
   * @param control the connection
   * @param dialect the database's dialect, for BEGIN's text and for errors
   * @param options the isolation level and whether it may write
   * @param parent the lifecycle of the database: a closed database refuses the block's statements
   * @param session makes the session bound to the transaction, from its lifecycle
   * @param block the work
   * @param <T> the result
   * @return the block's result, once committed; failed with the block's failure after the rollback,
   *     or with the commit's failure
   */
  public static <T> Future<T> transaction(
      Control control,
      Dialect dialect,
      TransactionOptions options,
      Lifecycle parent,
      Function<Lifecycle, Session> session,
      Function<Session, Future<T>> block) {
    List<String> after = dialect.afterTransaction(options);
    Future<T> done = inTransaction(control, dialect, options, parent, session, block);
    if (after.isEmpty()) {
      return done;
    }
    // Whatever the transaction's outcome, the connection goes back as it came.
    return done.transform(outcome -> run(control, after).transform(reset -> done));
  }

  /** Runs statements one after another; the first failure is the result. */
  private static Future<Void> run(Control control, List<String> statements) {
    Future<Void> done = Future.succeededFuture();
    for (String sql : statements) {
      done = done.compose(v -> control.execute(sql));
    }
    return done;
  }

  private static <T> Future<T> inTransaction(
      Control control,
      Dialect dialect,
      TransactionOptions options,
      Lifecycle parent,
      Function<Lifecycle, Session> session,
      Function<Session, Future<T>> block) {
    List<String> begin = dialect.begin(options);
    return run(control, begin)
        .recover(e -> Future.failedFuture(dialect.translate(e, "atomic", String.join("; ", begin))))
        .compose(
            begun -> {
              Lifecycle life = parent.child();
              return Session.call(block, session.apply(life))
                  .transform(
                      outcome ->
                          control
                              .drained()
                              .transform(
                                  drained -> {
                                    life.end();
                                    return outcome.succeeded()
                                        ? commit(control, dialect, outcome.result())
                                            .andThen(
                                                committed -> {
                                                  CommitHooks hooks = life.hooks();
                                                  if (committed.succeeded() && hooks != null) {
                                                    hooks.runAll();
                                                  }
                                                })
                                        : rollback(control, outcome.cause());
                                  }));
            });
  }

  private static <T> Future<T> commit(Control control, Dialect dialect, T result) {
    return control
        .execute("COMMIT")
        .recover(
            refused ->
                // End the transaction whatever the server did with it.
                control
                    .execute("ROLLBACK")
                    .transform(
                        r -> Future.failedFuture(dialect.translate(refused, "atomic", "COMMIT"))))
        .map(result);
  }

  private static <T> Future<T> rollback(Control control, Throwable cause) {
    return control.execute("ROLLBACK").transform(r -> Future.failedFuture(cause));
  }

  /**
   * Whether the database ended a transaction as a serialization failure or a deadlock (SQLSTATE
   * 40001, 40P01): it rolled the transaction back, so running it again writes nothing twice.
   *
   * @param failure a failure of a transaction or of one of its statements
   * @return whether running the transaction again may succeed
   */
  public static boolean isSerializationFailure(Throwable failure) {
    return failure instanceof DatabaseException db
        && ("40001".equals(db.sqlState()) || "40P01".equals(db.sqlState()));
  }

  /**
   * Refuses options a savepoint cannot honour: the isolation level and read-only mode belong to the
   * transaction, and a retry would run again statements that are not the block's alone.
   *
   * @param options the options a nested {@code atomic} was given
   * @throws IllegalStateException unless they are the defaults
   */
  public static void checkSavepointOptions(TransactionOptions options) {
    if (!options.isDefault()) {
      throw new IllegalStateException(
          "A nested atomic is a savepoint of the transaction, which cannot take "
              + options
              + ": give them to the outermost atomic");
    }
  }

  /**
   * Runs {@code block} in a savepoint of the transaction {@code session} is bound to.
   *
   * @param control the transaction's connection
   * @param name the savepoint's name, unique in the transaction
   * @param session the transaction's session, given to the block
   * @param hooks the transaction's commit hooks: those the savepoint adds go if it rolls back
   * @param block the work
   * @param <T> the result
   * @return the block's result, once the savepoint is released; failed with the block's failure
   *     after rolling back to the savepoint
   */
  public static <T> Future<T> savepoint(
      Control control,
      String name,
      Session session,
      CommitHooks hooks,
      Function<Session, Future<T>> block) {
    int mark = hooks.mark();
    return control
        .execute("SAVEPOINT " + name)
        .compose(
            started ->
                Session.call(block, session)
                    .transform(
                        outcome ->
                            outcome.succeeded()
                                ? control.execute("RELEASE SAVEPOINT " + name).map(outcome.result())
                                : control
                                    .execute("ROLLBACK TO SAVEPOINT " + name)
                                    .transform(
                                        r -> {
                                          hooks.rollBackTo(mark);
                                          return Future.<T>failedFuture(outcome.cause());
                                        })));
  }
}
