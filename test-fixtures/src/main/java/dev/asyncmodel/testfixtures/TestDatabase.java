package dev.asyncmodel.testfixtures;

/**
 * A database a test or the benchmark runs on, as {@link TestDatabases} found or made it: where it
 * is ({@link #url}), where it came from ({@link #description}), and a way to start from no tables.
 */
public interface TestDatabase {
  /**
   * @return the backend's name, for messages: {@code postgresql}, {@code mysql} or {@code sqlite}
   */
  String name();

  /**
   * @return the URL {@code Database.connect} takes
   */
  String url();

  /**
   * @return where the database came from, for messages: {@code the server named by
   *     PGHOST=127.0.0.1}
   */
  String description();

  /**
   * Drops the tables that exist among {@code tables}, with the foreign keys that other tables have
   * on them (tables of the same names are shared by the test modules, which run one after the
   * other).
   *
   * @param tables table names, unquoted
   */
  void dropTables(String... tables);
}
