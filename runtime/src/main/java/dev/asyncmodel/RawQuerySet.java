package dev.asyncmodel;

import dev.asyncmodel.internal.Databases;
import dev.asyncmodel.internal.Deadline;
import dev.asyncmodel.internal.Executor;
import dev.asyncmodel.internal.Statement;
import dev.asyncmodel.spi.ModelMeta;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A statement of the user's whose rows are records of a model: Django's {@code RawQuerySet}, made
 * by {@link QuerySet#raw}. Like a QuerySet it does no I/O until {@link #aall()}, and can run again.
 *
 * @param <T> the model
 */
public final class RawQuerySet<T extends Record> {
  private final Database db;
  private final ModelMeta<T> model;
  private final String sql;
  private final @Nullable Object[] params;
  private final @Nullable Duration timeout;

  RawQuerySet(
      Database db,
      ModelMeta<T> model,
      String sql,
      @Nullable Object[] params,
      @Nullable Duration timeout) {
    this.db = db;
    this.model = model;
    this.sql = sql;
    this.params = params;
    this.timeout = timeout;
  }

  /**
   * A deadline for {@link #aall()}, as {@link QuerySet#timeout} sets one for a QuerySet: past it
   * the Future fails with {@link QueryTimeoutException} and the statement is cancelled on the
   * server.
   *
   * @param newTimeout how long {@code aall()} may take; positive
   * @return a new raw query
   * @throws IllegalArgumentException if {@code newTimeout} is zero or negative
   */
  public RawQuerySet<T> timeout(Duration newTimeout) {
    return new RawQuerySet<>(db, model, sql, params, QuerySet.checkTimeout(newTimeout));
  }

  /**
   * Runs the statement and maps each row to a record, each column of the model found by name, in
   * any order, as Django's {@code raw()} does.
   *
   * @return a Future of the records; failed with {@link IllegalArgumentException} when the values
   *     do not match the placeholders, a value has no column type or the result lacks a column of
   *     the model, {@link DatabaseException} when the database refuses the statement
   */
  public Future<List<T>> aall() {
    try {
      Duration limit = timeout;
      return Executor.raw(
          limit == null ? db : Databases.withDeadline(db, Deadline.after(limit)),
          model,
          sql,
          params);
    } catch (RuntimeException | Error e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * @return the statement as written, and the types of its values, never the values
   */
  @Override
  public String toString() {
    return model.name()
        + " raw: "
        + sql
        + "  -- binds ("
        + String.join(", ", Statement.typesOf(Arrays.asList(params)))
        + ")";
  }
}
