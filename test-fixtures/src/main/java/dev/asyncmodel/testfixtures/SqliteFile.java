package dev.asyncmodel.testfixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A SQLite database file in a new temporary directory, from {@link TestDatabases#sqlite}. The file
 * does not exist until something opens it; the directory is removed when the JVM exits.
 */
public final class SqliteFile implements TestDatabase {
  private final Path dir;
  private final Path file;
  private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

  private SqliteFile(Path dir, Path file) {
    this.dir = dir;
    this.file = file;
  }

  static SqliteFile create(String fileName) {
    try {
      Path dir = Files.createTempDirectory("asyncmodel-test");
      SqliteFile sqlite = new SqliteFile(dir, dir.resolve(fileName));
      Runtime.getRuntime().addShutdownHook(new Thread(sqlite::remove));
      return sqlite;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String name() {
    return "sqlite";
  }

  /**
   * @return {@code sqlite:} and the file's path
   */
  @Override
  public String url() {
    return "sqlite:" + file;
  }

  @Override
  public String description() {
    return "a new file, " + file;
  }

  /**
   * @return the database file
   */
  public Path file() {
    return file;
  }

  /**
   * Closes {@code resource} when the JVM exits, before the file is removed: a connection left open
   * on it, for example.
   *
   * @param resource what to close
   */
  public void closeAtExit(AutoCloseable resource) {
    toClose.add(resource);
  }

  /** A file that does not exist yet has no tables; SQLite enforces no foreign keys by default. */
  @Override
  public void dropTables(String... tables) {
    if (!Files.exists(file)) {
      return;
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      for (String table : tables) {
        s.execute("DROP TABLE IF EXISTS \"" + table.replace("\"", "\"\"") + "\"");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot drop tables in " + file, e);
    }
  }

  private void remove() {
    for (AutoCloseable resource : toClose) {
      try {
        resource.close();
      } catch (Exception e) {
        System.err.println("[test-fixtures] closing " + resource + ": " + e);
      }
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.err.println("[test-fixtures] removing " + dir + ": " + e);
    }
  }
}
