package dev.asyncmodel.internal.sqlite;

import dev.asyncmodel.internal.Admission;
import dev.asyncmodel.internal.Backend;
import dev.asyncmodel.internal.ConnectionUrl;
import dev.asyncmodel.internal.Lifecycle;
import dev.asyncmodel.internal.PoolState;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * SQLite on sqlite-jdbc and a worker pool of its own: {@code sqlite:path/to/file.db}, {@code
 * sqlite:///abs/path.db}, {@code sqlite::memory:}.
 */
public final class SqliteBackend implements Backend {
  /** The one instance. */
  public static final SqliteBackend INSTANCE = new SqliteBackend();

  /** One writer and three readers: SQLite serializes writes anyway. */
  static final int DEFAULT_POOL_SIZE = 4;

  private SqliteBackend() {}

  @Override
  public List<String> schemes() {
    return List.of(SqliteDialect.INSTANCE.name());
  }

  @Override
  public String urlPrefix() {
    return "sqlite:";
  }

  @Override
  public ConnectionUrl parse(String scheme, String url) {
    ConnectionUrl parsed =
        ConnectionUrl.file(
            SqliteDialect.INSTANCE.name(), url.substring(scheme.length() + 1), DEFAULT_POOL_SIZE);
    if (parsed.database().isEmpty()) {
      throw new IllegalArgumentException(
          "SQLite URL names no file: use sqlite:path/to/file.db, or sqlite::memory:");
    }
    return parsed;
  }

  @Override
  public Opened open(Vertx vertx, ConnectionUrl url) {
    SqliteStore store =
        new SqliteStore(
            vertx,
            url.database(),
            url.poolSize(),
            url.limits().queryTimeoutMillis(),
            new Admission(url.poolSize(), url.limits().maxWaiting()));
    Lifecycle lifecycle = new Lifecycle();
    PoolState state = PoolState.of(store.admission(), store::connections);
    return new Opened(new SqliteSession(store, lifecycle), lifecycle, store::close, state);
  }
}
