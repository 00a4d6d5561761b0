package dev.asyncmodel.testfixtures;

import static dev.asyncmodel.testfixtures.Await.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A database on a PostgreSQL server: the one named by {@code PGHOST}... or an embedded one, from
 * {@link TestDatabases#postgres()} or {@link TestDatabases#embeddedPostgres()}.
 */
public final class PostgresServer implements TestDatabase {
  private final String host;
  private final int port;
  private final String user;
  private final String password;
  private final String database;
  private final String description;
  private final boolean embedded;

  PostgresServer(
      String host,
      int port,
      String user,
      String password,
      String database,
      String description,
      boolean embedded) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
    this.database = database;
    this.description = description;
    this.embedded = embedded;
  }

  PostgresServer describedAs(String description) {
    return new PostgresServer(host, port, user, password, database, description, embedded);
  }

  @Override
  public String name() {
    return "postgresql";
  }

  /**
   * @return {@code postgresql://user[:password]@host:port/database}, without parameters: add {@code
   *     ?pool_size=...} when needed
   */
  @Override
  public String url() {
    return "postgresql://"
        + encode(user)
        + (password.isEmpty() ? "" : ":" + encode(password))
        + "@"
        + host
        + ":"
        + port
        + "/"
        + encode(database);
  }

  @Override
  public String description() {
    return description;
  }

  /**
   * @return whether the server is an embedded one this JVM started (its settings differ from a
   *     packaged server's); it stops when the JVM exits
   */
  public boolean embedded() {
    return embedded;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public String user() {
    return user;
  }

  /**
   * @return the password, empty when there is none
   */
  public String password() {
    return password;
  }

  public String database() {
    return database;
  }

  /**
   * @return the options of a vertx-pg-client pool on this database
   */
  public PgConnectOptions connectOptions() {
    PgConnectOptions options =
        new PgConnectOptions().setHost(host).setPort(port).setUser(user).setDatabase(database);
    if (!password.isEmpty()) {
      options.setPassword(password);
    }
    return options;
  }

  /**
   * Creates the database {@code name} on this server unless it exists: a scratch database whose
   * tables no other test uses.
   *
   * @param name the database's name
   * @return the same server, on that database
   * @throws IllegalStateException when the database is missing and cannot be created (the user
   *     lacks {@code CREATEDB}); the message is the server's
   */
  public PostgresServer createDatabase(String name) {
    run(
        pool ->
            pool.preparedQuery("SELECT 1 FROM pg_database WHERE datname = $1")
                .execute(Tuple.of(name))
                .compose(
                    rows ->
                        rows.size() > 0
                            ? Future.succeededFuture()
                            : pool.query("CREATE DATABASE " + quote(name))
                                .execute()
                                .<Void>mapEmpty()
                                .recover(
                                    e ->
                                        Future.failedFuture(
                                            new IllegalStateException(e.getMessage(), e)))));
    return new PostgresServer(host, port, user, password, name, description, embedded);
  }

  /**
   * {@code DROP TABLE IF EXISTS ... CASCADE}: the foreign keys other tables have on them go too.
   */
  @Override
  public void dropTables(String... tables) {
    String names =
        Arrays.stream(tables).map(PostgresServer::quote).collect(Collectors.joining(", "));
    run(pool -> pool.query("DROP TABLE IF EXISTS " + names + " CASCADE").execute());
  }

  /** Runs {@code work} on a pool of its own, closed afterwards with its Vertx. */
  private <T> T run(Function<Pool, Future<T>> work) {
    Vertx vertx = Vertx.vertx();
    try {
      Pool pool = PgBuilder.pool().connectingTo(connectOptions()).using(vertx).build();
      try {
        return await(work.apply(pool));
      } finally {
        await(pool.close());
      }
    } finally {
      await(vertx.close());
    }
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
