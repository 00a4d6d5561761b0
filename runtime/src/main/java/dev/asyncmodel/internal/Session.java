package dev.asyncmodel.internal;

import dev.asyncmodel.TransactionOptions;
import dev.asyncmodel.spi.RowReader;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Where statements run: a connection pool, or one connection inside a transaction. One
 * implementation per driver family; the query logic above it is the same for every backend.
 */
public interface Session {
  /**
   * @return the SQL dialect of the database
   */
  Dialect dialect();

  /**
   * Runs a query, maps each row, and makes the result of the list, in one step.
   *
   * @param statement the query
   * @param mapper maps one row; the reader is valid only during the call
   * @param finish makes the result of the mapped rows; what it throws fails the Future as it is
   * @param <R> the mapped type
   * @param <X> the result
   * @return the result
   */
  <R, X> Future<X> select(
      Statement statement, Function<RowReader, R> mapper, Function<List<R>, X> finish);

  /**
   * Runs a query whose columns the caller finds by name ({@code raw()}): {@code mappers} is given
   * the result's column names once, and returns the mapper of each row.
   *
   * @param statement the query
   * @param mappers makes the row mapper from the column names
   * @param finish makes the result of the mapped rows
   * @param <R> the mapped type
   * @param <X> the result
   * @return the result
   */
  <R, X> Future<X> selectByName(
      Statement statement,
      Function<List<String>, Function<RowReader, R>> mappers,
      Function<List<R>, X> finish);

  /**
   * Runs a query and maps each row.
   *
   * @param statement the query
   * @param mapper maps one row; the reader is valid only during the call
   * @param <R> the mapped type
   * @return the rows, mapped, in order
   */
  default <R> Future<List<R>> select(Statement statement, Function<RowReader, R> mapper) {
    return select(statement, mapper, rows -> rows);
  }

  /**
   * A query whose rows are read a chunk at a time through a cursor, when the caller asks: nothing
   * runs until the source's first {@code next()}. Outside a transaction the source takes a
   * connection of its own (and, where a cursor needs one, a transaction) until it is closed.
   *
   * @param statement the query
   * @param mapper maps one row; the reader is valid only during the call
   * @param chunkSize the most rows read at once
   * @param <R> the mapped type
   * @return the source
   */
  <R> ChunkSource<R> stream(Statement statement, Function<RowReader, R> mapper, int chunkSize);

  /**
   * Runs an UPDATE or DELETE and makes the result of the number of rows it matched, in one step.
   *
   * @param statement the statement
   * @param finish makes the result of the count
   * @param <X> the result
   * @return the result
   */
  <X> Future<X> update(Statement statement, Function<Long, X> finish);

  /**
   * Runs an UPDATE or DELETE.
   *
   * @param statement the statement
   * @return the number of rows matched
   */
  default Future<Long> update(Statement statement) {
    return update(statement, n -> n);
  }

  /**
   * Runs a write whose rows come back ({@code INSERT ... RETURNING}): as {@link #select}, but on
   * the connection writes use, never pipelined behind reads, and never run again after a failure.
   *
   * @param statement the statement
   * @param mapper maps one returned row; the reader is valid only during the call
   * @param finish makes the result of the mapped rows; what it throws fails the Future as it is
   * @param <R> the mapped type
   * @param <X> the result
   * @return the result
   */
  <R, X> Future<X> writeReturning(
      Statement statement, Function<RowReader, R> mapper, Function<List<R>, X> finish);

  /**
   * Runs an INSERT of one row.
   *
   * @param statement the statement; it ends in {@code RETURNING <pk>} where the dialect supports it
   * @param finish makes the result of the generated id
   * @param <X> the result
   * @return the result
   */
  <X> Future<X> insert(Statement statement, Function<Long, X> finish);

  /**
   * Runs {@code block} in a transaction: on a fresh connection when this session is a pool, in a
   * savepoint when it is already a transaction.
   *
   * @param block the work; its Future decides commit or rollback
   * @param <T> the result
   * @return the block's result, once committed
   */
  default <T> Future<T> atomic(Function<Session, Future<T>> block) {
    return atomic(TransactionOptions.defaults(), block);
  }

  /**
   * {@link #atomic(Function)} with options for a new transaction; a savepoint takes only the
   * defaults.
   *
   * @param options the isolation level and whether it may write
   * @param block the work
   * @param <T> the result
   * @return the block's result, once committed
   */
  <T> Future<T> atomic(TransactionOptions options, Function<Session, Future<T>> block);

  /**
   * Runs {@code callback} once the transaction this session is in commits, and never if it rolls
   * back; outside a transaction, now. Django's {@code transaction.on_commit}.
   *
   * @param callback what to run
   */
  default void onCommit(Runnable callback) {
    callback.run();
  }

  /**
   * @return whether this session is inside a transaction
   */
  boolean inTransaction();

  /**
   * Why a statement could not run now, for a terminal method that completes without running one (an
   * empty list of ids) and must still fail as every other does on a closed database.
   *
   * @return the failure of a statement run now (the database is closed, the atomic block has
   *     ended), or {@code null} while statements can run
   */
  @Nullable IllegalStateException unusable();

  /**
   * This session with every statement bounded by {@code deadline} instead of the URL's {@code
   * query_timeout}: a statement still running when it passes fails with {@link
   * dev.asyncmodel.QueryTimeoutException} and is cancelled on the server, and one issued after it
   * fails without being sent. Transactions begun on the result carry it too.
   *
   * @param deadline when the statements must be done by
   * @return the bounded session
   */
  Session withDeadline(Deadline deadline);

  /**
   * Calls {@code block}, turning an exception or a null result into a failed Future.
   *
   * @param block the caller's code
   * @param argument its argument
   * @param <A> the argument's type
   * @param <T> the result
   * @return the block's Future, or a failed one
   */
  static <A, T> Future<T> call(Function<A, Future<T>> block, A argument) {
    Future<T> result;
    try {
      result = block.apply(argument);
    } catch (RuntimeException | Error e) {
      return Future.failedFuture(e);
    }
    return result != null
        ? result
        : Future.failedFuture(
            new NullPointerException("The atomic block returned null, not a Future"));
  }
}
