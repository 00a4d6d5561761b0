package dev.asyncmodel.testmodels;

import dev.asyncmodel.Database;
import dev.asyncmodel.Model;
import io.vertx.core.Future;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Database} for building QuerySets in unit tests, which render their SQL without running
 * it. It is not one {@link Database#connect} made, so every terminal method fails with {@link
 * IllegalArgumentException}: nothing here ever reaches a server.
 */
public final class Offline implements Database {
  /** The one instance. */
  public static final Database DATABASE = new Offline();

  private Offline() {}

  @Override
  public <T> Future<T> atomic(Function<Database, Future<T>> block) {
    return Future.failedFuture(new UnsupportedOperationException("offline"));
  }

  @Override
  public Future<Void> createTables(Model<?>... models) {
    return Future.failedFuture(new UnsupportedOperationException("offline"));
  }

  @Override
  public <T> Future<T> atomic(
      dev.asyncmodel.TransactionOptions options, Function<Database, Future<T>> block) {
    return Future.failedFuture(new UnsupportedOperationException("offline"));
  }

  @Override
  public void onCommit(Runnable callback) {
    throw new UnsupportedOperationException("offline");
  }

  @Override
  public Future<Long> execute(String sql, @Nullable Object... params) {
    return Future.failedFuture(new UnsupportedOperationException("offline"));
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }

  @Override
  public String toString() {
    return "Offline";
  }
}
