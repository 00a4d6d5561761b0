package dev.asyncmodel;

import dev.asyncmodel.internal.Databases;
import dev.asyncmodel.internal.Deadline;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A database that generated QuerySets run on: a connection pool, or, inside {@link #atomic}, one
 * connection in a transaction. Made by {@link #connect}; thread-safe; close it once, at shutdown.
 *
 * <pre>{@code
 * Database db = Database.connect(vertx, "postgresql://app:secret@localhost:5432/app?pool_size=8");
 * Future<Long> n = Transactions.objects(db).filter(CATEGORY.eq("food")).acount();
 * }</pre>
 *
 * <p>Implementations come only from {@link #connect}; do not implement this interface. {@code
 * toString()} shows the URL without its password, so a {@code Database} is safe to log.
 */
public interface Database {
  /**
   * Makes a database for a URL, without I/O: connections open on first use, so an unreachable
   * server shows up as failed Futures, not here.
   *
   * <p>{@code postgresql://[user[:password]@]host[:port]/database[?pool_size=n&pipelining=n]} (also
   * {@code postgres://}): user, password and database are URL-decoded; the port defaults to 5432,
   * the pool size to 8. Queries outside a transaction go to a pool of that size that pipelines up
   * to {@code pipelining} of them per connection (4 by default; 1 turns it off); writes and
   * transactions go to a second pool of that size that never pipelines.
   *
   * <p>{@code mysql://[user[:password]@]host[:port]/database[?pool_size=n]} (also {@code
   * mariadb://}): the same, with user {@code root} and port 3306 by default.
   *
   * <p>{@code sqlite:path/to/file.db[?pool_size=n]} (also {@code sqlite:///absolute/path.db}) or
   * {@code sqlite::memory:}: one writer connection and {@code pool_size - 1} readers, 4 in all by
   * default, on a worker pool of their own.
   *
   * @param vertx the Vert.x instance whose event loops run the queries
   * @param url where the database is
   * @return the database
   * @throws IllegalArgumentException if the URL is malformed, its scheme unknown, or a parameter
   *     unknown or out of range
   */
  static Database connect(Vertx vertx, String url) {
    return Databases.connect(vertx, url);
  }

  /**
   * Runs {@code block} in a transaction: on one connection, committed when the Future it returns
   * succeeds, rolled back when that Future fails or {@code block} throws. The {@code Database}
   * given to {@code block} is bound to the transaction: QuerySets made from it run inside it.
   * Called on that {@code Database}, {@code atomic} opens a savepoint, which a failure rolls back
   * alone, as a nested {@code transaction.atomic()} does in Django.
   *
   * <pre>{@code
   * Future<Transaction> moved = db.atomic(tx ->
   *     Transactions.objects(tx).filter(ID.eq(1L)).aupdate(CATEGORY.set("rent"))
   *         .compose(n -> Transactions.objects(tx).aget(ID.eq(1L))));
   * }</pre>
   *
   * @param block the work, returning a Future of its result
   * @param <T> the result
   * @return a Future of the block's result, completed after the commit; failed with the block's
   *     failure after the rollback, or with the commit's failure
   */
  <T> Future<T> atomic(Function<Database, Future<T>> block);

  /**
   * {@link #atomic(Function)} with an isolation level, read-only mode, or retries of serialization
   * failures and deadlocks (see {@link TransactionOptions}). Only the outermost {@code atomic}
   * takes options: on a transaction's {@code Database} anything but {@link
   * TransactionOptions#defaults()} fails with {@link IllegalStateException}.
   *
   * <pre>{@code
   * Future<Long> moved = db.atomic(
   *     TransactionOptions.defaults().isolation(Isolation.SERIALIZABLE).retries(3),
   *     tx -> Transactions.objects(tx).filter(ID.eq(1L)).aupdate(CATEGORY.set("rent")));
   * }</pre>
   *
   * @param options the transaction's options
   * @param block the work, returning a Future of its result; run again on a retry
   * @param <T> the result
   * @return a Future of the block's result, completed after the commit
   */
  <T> Future<T> atomic(TransactionOptions options, Function<Database, Future<T>> block);

  /**
   * Creates the tables of these models, and of the models they reference, in dependency order, each
   * only if it does not exist yet: Django's {@code migrate} for a fresh database, without
   * migrations. The DDL is what the processor wrote for this database at compile time, in each
   * model's {@code META-INF/asyncmodel/models/<record>} file, with the column types of Django's
   * tables; a table that exists is left as it is, even if its columns differ.
   *
   * <pre>{@code
   * db.createTables(Users.model(), Transactions.model()).onSuccess(v -> startServer());
   * }</pre>
   *
   * @param models the models whose tables to create
   * @return a Future completed once every table exists; failed with {@link DatabaseException} if
   *     the database refused a statement, {@link IllegalStateException} if the processor wrote no
   *     DDL for a model (compiled by an older processor) or the models' foreign keys form a cycle
   */
  Future<Void> createTables(Model<?>... models);

  /**
   * Runs {@code callback} after the transaction this {@code Database} is bound to commits, and
   * never if it rolls back: Django's {@code transaction.on_commit}. Called on the {@code Database}
   * an atomic block was given, the callback waits for the outermost commit; registered inside a
   * savepoint that rolls back, it is dropped with it. Called on a {@code Database} from {@link
   * #connect}, outside any transaction, it runs at once. Use it for what must not happen for
   * rolled-back data: sending a mail, publishing an event, clearing a cache.
   *
   * <pre>{@code
   * db.atomic(tx -> Transactions.objects(tx).acreate(t)
   *     .onSuccess(created -> tx.onCommit(() -> events.publish(created))));
   * }</pre>
   *
   * <p>Callbacks run in the order they were registered, on the thread that completes the commit (an
   * event loop: do not block in them), before {@code atomic}'s Future completes. One that throws is
   * logged and the others still run: the data is committed, so {@code atomic} still succeeds.
   *
   * @param callback what to run after the commit
   */
  void onCommit(Runnable callback);

  /**
   * Runs a statement asyncmodel does not write, in this database or, on the {@code Database} an
   * atomic block was given, in its transaction: Django's {@code connection.cursor().execute()}.
   * Values are bound, never formatted into the text: write each as {@code ?}, on every backend
   * (asyncmodel writes PostgreSQL's {@code $1}); a {@code ?} inside a quoted literal or a comment
   * is text. A value is encoded as a column of its Java type would be (a {@code Ref} as its id, an
   * {@code Instant} in UTC, a {@code UUID} and a {@code BigDecimal} as each database stores them).
   *
   * <pre>{@code
   * Future<Long> archived = db.execute(
   *     "UPDATE transaction SET category = ? WHERE created_at < ?", "archive", cutoff);
   * }</pre>
   *
   * @param sql the statement, with {@code ?} placeholders
   * @param params the values, one per placeholder
   * @return a Future of the number of rows it changed (for a SELECT, the rows it returned); failed
   *     with {@link IllegalArgumentException} when the values do not match the placeholders or a
   *     value has no column type, {@link DatabaseException} when the database refuses the statement
   */
  Future<Long> execute(String sql, @Nullable Object... params);

  /**
   * This database with a deadline {@code fromNow} from now: every statement run through it (by a
   * QuerySet made from it, {@link #execute}, an atomic block begun on it) must be done by then, or
   * fails with {@link QueryTimeoutException} and is cancelled on the server, as {@link
   * QuerySet#timeout} does for one terminal method. Made when a request arrives, it bounds all the
   * request's queries together:
   *
   * <pre>{@code
   * Database request = db.withDeadline(Duration.ofSeconds(5));
   * Users.objects(request).aget(USERNAME.eq(name))
   *     .compose(user -> Transactions.objects(request).filter(USER.eq(user)).aall());
   * }</pre>
   *
   * <p>It replaces the URL's {@code query_timeout}; a QuerySet's own {@code timeout} replaces it in
   * turn. Closing the view is refused: the database it views owns the connections.
   *
   * @param fromNow how long from now; positive
   * @return the view
   * @throws IllegalArgumentException if {@code fromNow} is zero or negative, or this database is
   *     not from {@link #connect}
   */
  default Database withDeadline(Duration fromNow) {
    return Databases.withDeadline(this, Deadline.after(QuerySet.checkTimeout(fromNow)));
  }

  /**
   * Closes the pool. Afterwards every terminal method returns a failed Future ({@link
   * IllegalStateException}). On a transaction's {@code Database} it fails: the transaction ends
   * with its block.
   *
   * @return a Future completed when the connections are closed
   */
  Future<Void> close();
}
