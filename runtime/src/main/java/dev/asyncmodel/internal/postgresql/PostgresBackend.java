package dev.asyncmodel.internal.postgresql;

import dev.asyncmodel.internal.Admission;
import dev.asyncmodel.internal.Backend;
import dev.asyncmodel.internal.ConnectionUrl;
import dev.asyncmodel.internal.Deadline;
import dev.asyncmodel.internal.Lifecycle;
import dev.asyncmodel.internal.PoolState;
import dev.asyncmodel.internal.ReadLanes;
import dev.asyncmodel.internal.VertxSession;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
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

  /** libpq's sslmode values, in its order. */
  private static final List<String> SSL_MODES =
      List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

  private static final ConnectionUrl.ServerRules RULES =
      new ConnectionUrl.ServerRules(
          "postgres",
          DEFAULT_PIPELINING,
          "",
          Map.of(
              "sslmode",
              ConnectionUrl.oneOf("sslmode", SSL_MODES),
              "sslrootcert",
              PostgresBackend::readableFile,
              "application_name",
              PostgresBackend::applicationName));

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
    ConnectionUrl parsed =
        ConnectionUrl.server(PostgresDialect.INSTANCE.name(), scheme, url, RULES);
    String mode = parsed.options().getOrDefault("sslmode", "disable");
    if (mode.startsWith("verify-") && !parsed.options().containsKey("sslrootcert")) {
      throw new IllegalArgumentException(
          "sslmode="
              + mode
              + " checks the server's certificate against a certificate authority: name its PEM"
              + " file with sslrootcert=/path/to/root.crt");
    }
    return parsed;
  }

  private static String readableFile(String path) {
    if (path.isEmpty() || !java.nio.file.Files.isReadable(java.nio.file.Path.of(path))) {
      throw new IllegalArgumentException(
          "sslrootcert must name a readable PEM file of certificate authorities, not \""
              + path
              + "\"");
    }
    return path;
  }

  private static String applicationName(String name) {
    if (name.length() > 63 || !name.chars().allMatch(c -> c >= 32 && c < 127)) {
      throw new IllegalArgumentException(
          "application_name is at most 63 printable ASCII characters, as PostgreSQL keeps it");
    }
    return name;
  }

  /**
   * TLS as libpq's {@code sslmode} says: {@code allow}, {@code prefer} and {@code require} encrypt
   * without checking the certificate; {@code verify-ca} checks it against {@code sslrootcert};
   * {@code verify-full} also checks that it names the host connected to.
   */
  private static void tls(PgConnectOptions connect, ConnectionUrl url) {
    String mode = url.options().getOrDefault("sslmode", "disable");
    connect.setSslMode(SslMode.of(mode));
    if (mode.equals("disable")) {
      return;
    }
    ClientSSLOptions ssl = new ClientSSLOptions();
    String root = url.options().get("sslrootcert");
    if (mode.startsWith("verify-") && root != null) {
      ssl.setTrustOptions(new PemTrustOptions().addCertPath(root));
      ssl.setHostnameVerificationAlgorithm(mode.equals("verify-full") ? "HTTPS" : "");
    } else {
      ssl.setTrustAll(true).setHostnameVerificationAlgorithm("");
    }
    connect.setSslOptions(ssl);
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
    String application = url.options().get("application_name");
    if (application != null) {
      connect.addProperty("application_name", application);
    }
    tls(connect, url);
    PoolOptions poolOptions = VertxSession.poolOptions(url);
    NetClientOptions transport = VertxSession.transport(url);
    // Writes and transactions use a Pool, which never pipelines: a write may wait for a row lock,
    // and a transaction's statements must not interleave with other requests. Queries go to
    // ReadLanes: connections that pipeline up to url.pipelining() queries each, a query sent to
    // an idle one first; a plain SELECT never waits for a row lock on PostgreSQL. Each opens its
    // connections as they are first needed.
    Pool pool =
        PgBuilder.pool()
            .with(poolOptions)
            .with(transport)
            .connectingTo(connect)
            .using(vertx)
            .build();
    VertxSession.Runner reads;
    Supplier<Future<Void>> closer;
    ReadLanes lanes = null;
    if (url.pipelining() == 1) {
      reads = VertxSession.Runner.of(pool);
      closer = pool::close;
    } else {
      // The lanes' connections come from a pool of their own, each leased once and kept: the
      // pool opens them with the URL's TLS, timeouts and properties, and each pipelines.
      Pool lanePool =
          PgBuilder.pool()
              .with(new PoolOptions(poolOptions).setMaxWaitQueueSize(-1))
              .with(new NetClientOptions(transport))
              .connectingTo(new PgConnectOptions(connect).setPipeliningLimit(url.pipelining()))
              .using(vertx)
              .build();
      lanes =
          new ReadLanes(
              vertx,
              lanePool::getConnection,
              url.poolSize(),
              url.pipelining(),
              url.limits().maxWaiting(),
              url.limits().acquireTimeoutMillis());
      ReadLanes opened = lanes;
      reads = opened::execute;
      closer =
          () -> Future.join(opened.close().eventually(lanePool::close), pool.close()).mapEmpty();
    }
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
            },
            // The cancel request of the protocol: a new connection carrying the backend's process
            // id and secret key. It stops whatever that backend is running, which is why a
            // statement with a deadline never shares its connection.
            connection -> PgConnection.cast(connection).cancelRequest());
    VertxSession.Shared shared =
        new VertxSession.Shared(
            driver,
            vertx,
            pool,
            reads,
            Deadline.Limit.of(url.limits().queryTimeoutMillis()),
            url.poolSize() * 2,
            // Room: the reads' pipelines and the writes' connections, or the one pool.
            new Admission(
                url.pipelining() == 1 ? url.poolSize() : url.poolSize() * (url.pipelining() + 1),
                url.limits().maxWaiting()));
    IntSupplier lanesOpen = lanes == null ? () -> 0 : lanes::connections;
    PoolState state = PoolState.of(shared.admission(), () -> pool.size() + lanesOpen.getAsInt());
    return new Opened(new VertxSession(shared, lifecycle), lifecycle, closer, state);
  }
}
