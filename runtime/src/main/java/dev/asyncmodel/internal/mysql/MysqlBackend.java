package dev.asyncmodel.internal.mysql;

import dev.asyncmodel.internal.Admission;
import dev.asyncmodel.internal.Backend;
import dev.asyncmodel.internal.ConnectionUrl;
import dev.asyncmodel.internal.Deadline;
import dev.asyncmodel.internal.Lifecycle;
import dev.asyncmodel.internal.PoolState;
import dev.asyncmodel.internal.VertxSession;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLClient;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.mysqlclient.MySQLConnection;
import io.vertx.mysqlclient.SslMode;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.internal.SqlConnectionInternal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * MySQL and MariaDB on vertx-mysql-client: {@code mysql://} (or {@code mariadb://}), port 3306,
 * user {@code root}.
 */
public final class MysqlBackend implements Backend {
  /** The one instance. */
  public static final MysqlBackend INSTANCE = new MysqlBackend();

  /**
   * MySQL's {@code --ssl-mode} values that need no certificate authority: the verifying modes wait
   * for a URL parameter naming one.
   */
  private static final List<String> SSL_MODES = List.of("disabled", "preferred", "required");

  private static final ConnectionUrl.ServerRules RULES =
      new ConnectionUrl.ServerRules(
          "root",
          0,
          "applies to PostgreSQL only: the MySQL client sends one statement per connection at a"
              + " time",
          Map.of("ssl_mode", ConnectionUrl.oneOf("ssl_mode", SSL_MODES)));

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
   * Each connection's id on the server ({@code CONNECTION_ID()}), which {@code KILL QUERY} names,
   * by the client's connection object: read once when the connection opens, forgotten with it.
   */
  private final Map<Object, Long> connectionIds = Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * Prepares a new connection: READ COMMITTED, as Django sets for MySQL (under InnoDB's default
   * REPEATABLE READ, the {@code SELECT ... FOR UPDATE} of a missing row, update_or_create's, takes
   * gap locks on which concurrent inserts of the same key deadlock), and reads its id for a later
   * {@code KILL QUERY}. The pool adds the connection once it is closed here.
   */
  private void prepare(MysqlDialect dialect, SqlConnection connection) {
    io.vertx.sqlclient.spi.DatabaseMetadata server = connection.databaseMetadata();
    dialect.serverIs(server.productName(), server.majorVersion(), server.minorVersion());
    connection
        .query("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED")
        .execute()
        .compose(done -> connection.query("SELECT CONNECTION_ID()").execute())
        .onSuccess(
            rows -> {
              for (Row row : rows) {
                connectionIds.put(socketOf(connection), row.getLong(0));
              }
            })
        .onComplete(done -> connection.close());
  }

  /** The client's object for the network connection under a pooled or wrapped one. */
  private static Object socketOf(SqlConnection connection) {
    if (!(connection instanceof SqlConnectionInternal internal)) {
      return connection;
    }
    io.vertx.sqlclient.internal.Connection inner = internal.unwrap();
    for (int i = 0; i < 8; i++) {
      io.vertx.sqlclient.internal.Connection next = inner.unwrap();
      if (next == inner) {
        break;
      }
      inner = next;
    }
    return inner;
  }

  /**
   * Stops the statement a connection runs: {@code KILL QUERY} on a connection of its own, since the
   * pool may have none free, and the running statement fails with error 1317. The connection stays
   * open, in its transaction if it had one.
   */
  private Future<Void> kill(Vertx vertx, MySQLConnectOptions connect, SqlConnection running) {
    Long id = connectionIds.get(socketOf(running));
    if (id == null) {
      return Future.failedFuture("connection id unknown");
    }
    return MySQLConnection.connect(vertx, new MySQLConnectOptions(connect))
        .compose(
            killer ->
                // A number the server gave, not a user's value: KILL takes no placeholder.
                killer.query("KILL QUERY " + id.longValue()).execute().eventually(killer::close))
        .mapEmpty();
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
    String mode = url.options().get("ssl_mode");
    if (mode != null) {
      connect.setSslMode(SslMode.of(mode));
      connect.setSslOptions(
          new ClientSSLOptions().setTrustAll(true).setHostnameVerificationAlgorithm(""));
    }
    MysqlDialect dialect = MysqlDialect.forDatabase();
    Pool pool =
        MySQLBuilder.pool()
            .with(VertxSession.poolOptions(url))
            .with(VertxSession.transport(url))
            .connectingTo(connect)
            .withConnectHandler(connection -> prepare(dialect, connection))
            .using(vertx)
            .build();
    Lifecycle lifecycle = new Lifecycle();
    VertxSession.Driver driver =
        new VertxSession.Driver(
            dialect,
            MysqlRowReader::new,
            rows -> rows.property(MySQLClient.LAST_INSERTED_ID),
            running -> kill(vertx, connect, running));
    VertxSession.Shared shared =
        new VertxSession.Shared(
            driver,
            vertx,
            pool,
            VertxSession.Runner.of(pool),
            Deadline.Limit.of(url.limits().queryTimeoutMillis()),
            url.poolSize(),
            new Admission(url.poolSize(), url.limits().maxWaiting()));
    PoolState state = PoolState.of(shared.admission(), pool::size);
    return new Opened(new VertxSession(shared, lifecycle), lifecycle, pool::close, state);
  }
}
