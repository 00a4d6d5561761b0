package dev.asyncmodel.internal.postgresql;

import dev.asyncmodel.internal.Backend;
import dev.asyncmodel.internal.ConnectionUrl;
import dev.asyncmodel.internal.Lifecycle;
import dev.asyncmodel.internal.VertxSession;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlClient;
import java.util.List;
import java.util.function.Supplier;

/** PostgreSQL on vertx-pg-client: {@code postgresql://} (or {@code postgres://}), port 5432. */
public final class PostgresBackend implements Backend {
  /** The one instance. */
  public static final PostgresBackend INSTANCE = new PostgresBackend();

  /**
   * Four queries in flight per connection: on the benchmark, ahead of 2 on point lookups (1.4x a
   * plain pool against 1.2x) and on a 50-row page, a little behind on a count
   * (docs/performance.md). Only queries pipeline, never writes.
   */
  static final int DEFAULT_PIPELINING = 4;

  private static final ConnectionUrl.ServerRules RULES =
      new ConnectionUrl.ServerRules("postgres", DEFAULT_PIPELINING, "");

  private PostgresBackend() {}

  @Override
  public List<String> schemes() {
    return List.of(PostgresDialect.INSTANCE.name(), "postgres");
  }

  @Override
  public String urlPrefix() {
    return "postgresql://";
  }

  @Override
  public ConnectionUrl parse(String scheme, String url) {
    return ConnectionUrl.server(PostgresDialect.INSTANCE.name(), scheme, url, RULES);
  }

  @Override
  public Opened open(Vertx vertx, ConnectionUrl url) {
    PgConnectOptions connect =
        new PgConnectOptions()
            .setHost(url.host())
            .setPort(url.port() > 0 ? url.port() : 5432)
            .setDatabase(url.database())
            .setUser(url.user())
            .setCachePreparedStatements(true);
    if (url.password() != null) {
      connect.setPassword(url.password());
    }
    PoolOptions poolOptions = new PoolOptions().setMaxSize(url.poolSize());
    // Writes and transactions use a Pool, which never pipelines: a write may wait for a row lock,
    // and a transaction's statements must not interleave with other requests. Queries go to a
    // client that pipelines up to url.pipelining() of them per connection; a plain SELECT never
    // waits for a row lock on PostgreSQL. Each opens its connections as they are first needed.
    Pool pool = PgBuilder.pool().with(poolOptions).connectingTo(connect).using(vertx).build();
    SqlClient reads =
        url.pipelining() == 1
            ? pool
            : PgBuilder.client()
                .with(new PoolOptions(poolOptions))
                .connectingTo(new PgConnectOptions(connect).setPipeliningLimit(url.pipelining()))
                .using(vertx)
                .build();
    Lifecycle lifecycle = new Lifecycle();
    VertxSession.Driver driver =
        new VertxSession.Driver(
            PostgresDialect.INSTANCE,
            PgRowReader::new,
            rows -> {
              var it = rows.iterator();
              if (!it.hasNext()) {
                throw new IllegalStateException("INSERT ... RETURNING returned no row");
              }
              return it.next().getLong(0);
            });
    Supplier<Future<Void>> closer =
        reads == pool ? pool::close : () -> Future.join(reads.close(), pool.close()).mapEmpty();
    return new Opened(new VertxSession(driver, reads, pool, lifecycle), lifecycle, closer);
  }
}
