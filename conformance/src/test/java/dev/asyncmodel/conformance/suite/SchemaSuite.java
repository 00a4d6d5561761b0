package dev.asyncmodel.conformance.suite;

import static dev.asyncmodel.conformance.fixture.Await.await;
import static dev.asyncmodel.conformance.suite.Fixtures.tx;
import static dev.asyncmodel.conformance.suite.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.asyncmodel.conformance.fixture.ConformanceTest;
import dev.asyncmodel.conformance.model.Transactions;
import dev.asyncmodel.conformance.model.User;
import dev.asyncmodel.conformance.model.Users;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code Database.createTables}: the processor's DDL creates Django's column types on every backend
 * (the suite's own tables were created with it), and running it again changes nothing.
 */
public abstract class SchemaSuite extends ConformanceTest {
  /**
   * The types each database reports for the spec's transaction table, as Django's migrate makes.
   */
  private static final Map<String, List<String>> TRANSACTION_TYPES =
      Map.of(
          "postgresql",
          List.of(
              "bigint",
              "bigint",
              "numeric",
              "character varying",
              "character varying",
              "timestamp with time zone"),
          "mysql",
          List.of(
              "bigint(20)",
              "bigint(20)",
              "decimal(10,2)",
              "varchar(200)",
              "varchar(50)",
              "datetime(6)"),
          "sqlite",
          List.of("integer", "bigint", "decimal", "varchar(200)", "varchar(50)", "datetime"));

  @Test
  void createdTablesHaveDjangosColumnTypes() {
    List<String> expected = TRANSACTION_TYPES.get(backend().name());
    List<String> actual = backend().columnTypes("transaction");
    if (backend().name().equals("sqlite")) {
      // SQLite reports the rowid alias's type in upper case.
      actual = actual.stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)).toList();
    }
    if (backend().name().equals("mysql")) {
      // MySQL 8 reports bigint without a display width; MariaDB with one.
      actual = actual.stream().map(t -> t.equals("bigint") ? "bigint(20)" : t).toList();
    }
    assertEquals(expected, actual);
  }

  @Test
  void createTablesAgainKeepsTablesAndRows() {
    User ann = user(db, "ann");
    tx(db, ann, "1.00", "kept", "x");
    await(db.createTables(Transactions.model(), Users.model()));
    await(db.createTables(Transactions.model()));
    assertEquals(1, await(Transactions.objects(db).acount()));
    assertEquals("kept", await(Transactions.objects(db).afirst()).orElseThrow().description());
  }
}
