package dev.asyncmodel.internal.mysql;

import dev.asyncmodel.internal.Backend;
import dev.asyncmodel.internal.ConnectionUrl;
import dev.asyncmodel.internal.Lifecycle;
import dev.asyncmodel.internal.VertxSession;
import io.vertx.core.Vertx;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLClient;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import java.util.List;

/**
 * MySQL and MariaDB on vertx-mysql-client: {@code mysql://} (or {@code mariadb://}), port 3306,
 * user {@code root}.
 */
public final class MysqlBackend implements Backend {
  /** The one instance. */
  public static final MysqlBackend INSTANCE = new MysqlBackend();

  private static final ConnectionUrl.ServerRules RULES =
      new ConnectionUrl.ServerRules(
          "root",
          0,
          "applies to PostgreSQL only: the MySQL client sends one statement per connection at a"
              + " time");

  private MysqlBackend() {}

  @Override
  public List<String> schemes() {
    return List.of(MysqlDialect.INSTANCE.name(), "mariadb");
  }

  @Override
  public String urlPrefix() {
    return "mysql://";
  }

  @Override
  public ConnectionUrl parse(String scheme, String url) {
    return ConnectionUrl.server(MysqlDialect.INSTANCE.name(), scheme, url, RULES);
  }

  /**
   * READ COMMITTED on every connection, as Django sets for MySQL: under InnoDB's default REPEATABLE
   * READ, the {@code SELECT ... FOR UPDATE} of a missing row (update_or_create) takes gap locks on
   * which concurrent inserts of the same key deadlock. The pool adds the connection once it is
   * closed here.
   */
  private static void readCommitted(SqlConnection connection) {
    connection
        .query("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED")
        .execute()
        .onComplete(done -> connection.close());
  }

  @Override
  public Opened open(Vertx vertx, ConnectionUrl url) {
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
    Pool pool =
        MySQLBuilder.pool()
            .with(poolOptions)
            .connectingTo(connect)
            .withConnectHandler(MysqlBackend::readCommitted)
            .using(vertx)
            .build();
    Lifecycle lifecycle = new Lifecycle();
    VertxSession.Driver driver =
        new VertxSession.Driver(
            MysqlDialect.INSTANCE,
            MysqlRowReader::new,
            rows -> rows.property(MySQLClient.LAST_INSERTED_ID));
    return new Opened(new VertxSession(driver, pool, pool, lifecycle), lifecycle, pool::close);
  }
}
