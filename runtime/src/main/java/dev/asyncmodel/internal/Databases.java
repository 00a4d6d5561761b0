package dev.asyncmodel.internal;

import dev.asyncmodel.Database;
import dev.asyncmodel.Model;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLClient;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlClient;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Makes {@link Database}s from URLs, and gets their {@link Session} back for QuerySets. */
public final class Databases {
  private Databases() {}

  /**
   * @param vertx the Vert.x instance
   * @param url the connection URL
   * @return the database
   */
  public static Database connect(Vertx vertx, String url) {
    Objects.requireNonNull(vertx, "vertx");
    ConnectionUrl parsed = ConnectionUrl.parse(url);
    return switch (parsed.backend()) {
      case "postgresql" -> postgres(vertx, parsed);
      case "sqlite" -> sqlite(vertx, parsed);
      case "mysql" -> mysql(vertx, parsed);
      default ->
          throw new IllegalArgumentException(
              "The "
                  + parsed.backend()
                  + " backend is not available in this version of asyncmodel");
    };
  }

  private static Database postgres(Vertx vertx, ConnectionUrl url) {
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
            VertxRowReader::new,
            rows -> {
              var it = rows.iterator();
              if (!it.hasNext()) {
                throw new IllegalStateException("INSERT ... RETURNING returned no row");
              }
              return it.next().getLong(0);
            });
    Supplier<Future<Void>> closer =
        reads == pool ? pool::close : () -> Future.join(reads.close(), pool.close()).mapEmpty();
    return new Root(new VertxSession(driver, reads, pool, lifecycle), lifecycle, closer, url);
  }

  private static Database mysql(Vertx vertx, ConnectionUrl url) {
    MySQLConnectOptions connect =
        new MySQLConnectOptions()
            .setHost(url.host())
            .setPort(url.port() > 0 ? url.port() : 3306)
            .setDatabase(url.database())
            .setUser(url.user())
            .setCharset("utf8mb4")
            // Found rows, not changed rows: aupdate counts the rows it matched, as Django does.
            .setUseAffectedRows(false)
            .setCachePreparedStatements(true);
    if (url.password() != null) {
      connect.setPassword(url.password());
    }
    PoolOptions poolOptions = new PoolOptions().setMaxSize(url.poolSize());
    Pool pool = MySQLBuilder.pool().with(poolOptions).connectingTo(connect).using(vertx).build();
    Lifecycle lifecycle = new Lifecycle();
    VertxSession.Driver driver =
        new VertxSession.Driver(
            MysqlDialect.INSTANCE,
            MysqlRowReader::new,
            rows -> rows.property(MySQLClient.LAST_INSERTED_ID));
    return new Root(new VertxSession(driver, pool, pool, lifecycle), lifecycle, pool::close, url);
  }

  private static Database sqlite(Vertx vertx, ConnectionUrl url) {
    SqliteStore store = new SqliteStore(vertx, url.database(), url.poolSize());
    Lifecycle lifecycle = new Lifecycle();
    return new Root(new SqliteSession(store, lifecycle), lifecycle, store::close, url);
  }

  /**
   * The session a {@link Database} runs on.
   *
   * @param db a database from {@link Database#connect}, or a transaction's
   * @return its session
   * @throws IllegalArgumentException for a {@code Database} implemented elsewhere
   */
  public static Session session(Database db) {
    if (db instanceof Bound bound) {
      return bound.session;
    }
    throw new IllegalArgumentException(
        "Not a Database from Database.connect: " + Objects.requireNonNull(db, "db").getClass());
  }

  /** A database bound to a session: a transaction's, or the root's. */
  private static class Bound implements Database {
    final Session session;

    Bound(Session session) {
      this.session = session;
    }

    @Override
    public <T> Future<T> atomic(Function<Database, Future<T>> block) {
      Objects.requireNonNull(block, "block");
      return session.atomic(inner -> Session.call(block, new Bound(inner)));
    }

    @Override
    public Future<Void> createTables(Model<?>... models) {
      return Schema.create(session, models);
    }

    @Override
    public Future<Void> close() {
      return Future.failedFuture(
          new IllegalStateException(
              "A transaction's Database is not closed: it ends with its atomic block"));
    }

    @Override
    public String toString() {
      return "Database[" + session.dialect().name() + (session.inTransaction() ? ", atomic]" : "]");
    }
  }

  /** The database {@link #connect} returns: it owns the pool. */
  private static final class Root extends Bound {
    private final Lifecycle lifecycle;
    private final Supplier<Future<Void>> closer;
    private @Nullable Future<Void> closing;

    private final ConnectionUrl url;

    Root(Session session, Lifecycle lifecycle, Supplier<Future<Void>> closer, ConnectionUrl url) {
      super(session);
      this.lifecycle = lifecycle;
      this.closer = closer;
      this.url = url;
    }

    /** The URL without its password: safe to log. */
    @Override
    public String toString() {
      return "Database[" + url + "]";
    }

    @Override
    public synchronized Future<Void> close() {
      if (closing == null) {
        lifecycle.end();
        closing = closer.get();
      }
      return closing;
    }
  }
}
