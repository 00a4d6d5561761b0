package dev.asyncmodel.conformance.suite;

import static dev.asyncmodel.conformance.fixture.Await.await;
import static dev.asyncmodel.conformance.fixture.Await.failure;
import static dev.asyncmodel.conformance.model.Transactions.AMOUNT;
import static dev.asyncmodel.conformance.model.Transactions.CATEGORY;
import static dev.asyncmodel.conformance.model.Transactions.CREATED_AT;
import static dev.asyncmodel.conformance.model.Transactions.DESCRIPTION;
import static dev.asyncmodel.conformance.model.Transactions.USER;
import static dev.asyncmodel.conformance.suite.Fixtures.tx;
import static dev.asyncmodel.conformance.suite.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.Database;
import dev.asyncmodel.IntegrityException;
import dev.asyncmodel.MultipleObjectsReturnedException;
import dev.asyncmodel.QuerySql;
import dev.asyncmodel.Ref;
import dev.asyncmodel.SqlStatement;
import dev.asyncmodel.conformance.fixture.ConformanceTest;
import dev.asyncmodel.conformance.fixture.StatementLog;
import dev.asyncmodel.conformance.model.Transaction;
import dev.asyncmodel.conformance.model.TransactionQuerySet;
import dev.asyncmodel.conformance.model.Transactions;
import dev.asyncmodel.conformance.model.User;
import dev.asyncmodel.conformance.model.Users;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * What a developer sees: the SQL of each terminal method ({@code qs.sql()}) is the SQL that runs,
 * the statement log shows it without values, errors read the same on every backend, and the small
 * conveniences ({@code inRefs}, {@code agetOptional}, one {@code Ref.toString}).
 */
public abstract class DeveloperSuite extends ConformanceTest {
  private static final String SECRET = "secret-value-7d1f";

  /** The statement log's messages while {@code body} runs, on a database that logs. */
  private List<String> logged(Database logging, Runnable body) {
    return records(body).stream().map(LogRecord::getMessage).toList();
  }

  /** The statement log's records while {@code body} runs. */
  private List<LogRecord> records(Runnable body) {
    return StatementLog.records(body);
  }

  private Database loggingDatabase() {
    return Database.connect(vertx, StatementLog.logging(backend().url()));
  }

  private static void assertRan(SqlStatement shown, List<String> log) {
    assertTrue(
        log.stream().anyMatch(line -> line.contains(shown.text())),
        "the log has " + shown.text() + "\n" + String.join("\n", log));
  }

  @Test
  void aStreamIsLoggedOnceWhenItClosesWithItsRowsAndNoValue() {
    User ann = user(db, "ann");
    tx(db, ann, "5.00", SECRET, "food");
    tx(db, ann, "6.00", SECRET, "food");
    Database logging = loggingDatabase();
    try {
      TransactionQuerySet qs =
          Transactions.objects(logging).filter(DESCRIPTION.eq(SECRET)).orderBy(CREATED_AT.desc());
      List<String> log =
          logged(
              logging,
              () -> {
                io.vertx.core.Promise<Void> ended = io.vertx.core.Promise.promise();
                qs.aiterator(1)
                    .exceptionHandler(ended::tryFail)
                    .endHandler(ended::tryComplete)
                    .handler(row -> {});
                await(ended.future());
              });
      List<String> lines =
          log.stream().filter(line -> line.contains(qs.sql().all().text())).toList();
      assertEquals(1, lines.size(), String.join("\n", log));
      assertTrue(lines.get(0).endsWith("2 rows streamed"), lines.get(0));
      assertFalse(lines.get(0).contains(SECRET), lines.get(0));
    } finally {
      await(logging.close());
    }
  }

  @Test
  void sqlShowsWhatEachTerminalMethodRunsAndTheLogShowsItWithoutValues() {
    User ann = user(db, "ann");
    Transaction stored = tx(db, ann, "5.00", SECRET, "food");
    Database logging = loggingDatabase();
    try {
      TransactionQuerySet qs =
          Transactions.objects(logging)
              .filter(DESCRIPTION.eq(SECRET), AMOUNT.gt(BigDecimal.ONE))
              .orderBy(CREATED_AT.desc());
      QuerySql<Transaction> sql = qs.sql();
      assertEquals(sql.all().toString(), sql.toString());
      // The types the driver binds: SQLite binds a decimal as its text, as Django stores it.
      List<String> types = sql.all().parameterTypes();
      assertEquals(2, types.size(), types::toString);
      assertEquals("String", types.get(0));
      assertTrue(List.of("BigDecimal", "String").contains(types.get(1)), types::toString);
      assertTrue(
          sql.toString().endsWith("  -- binds (" + String.join(", ", types) + ")"), sql::toString);
      assertFalse(sql.toString().contains(SECRET), "no value in " + sql);
      assertEquals(SECRET, sql.all().boundValues().get(0));

      List<String> log =
          logged(
              logging,
              () -> {
                await(qs.aall());
                await(qs.acount());
                await(qs.aexists());
                await(qs.afirst());
                await(qs.alast());
                await(qs.agetOptional());
                await(qs.alatest(CREATED_AT));
                await(qs.aearliest(AMOUNT, CREATED_AT));
                await(qs.acontains(stored));
                await(qs.limit(5).acontains(stored));
                await(qs.ainBulk(List.of(stored.id(), -1L, -2L)));
                await(qs.aexplain());
                await(qs.aupdate(CATEGORY.set("groceries")));
              });
      assertRan(sql.all(), log);
      assertRan(sql.count(), log);
      assertRan(sql.exists(), log);
      assertRan(sql.first(), log);
      assertRan(sql.last(), log);
      assertRan(sql.get(), log);
      assertRan(sql.latest(CREATED_AT), log);
      assertRan(sql.earliest(AMOUNT, CREATED_AT), log);
      assertRan(sql.contains(stored), log);
      assertRan(qs.limit(5).sql().contains(stored), log);
      for (SqlStatement statement : sql.inBulk(List.of(stored.id(), -1L, -2L))) {
        assertRan(statement, log);
      }
      assertRan(sql.explain(), log);
      assertRan(sql.update(CATEGORY.set("groceries")), log);
      Transaction made = new Transaction(null, Ref.of(ann), BigDecimal.TEN, SECRET, "x", null);
      List<String> created =
          logged(logging, () -> await(Transactions.objects(logging).acreate(made)));
      assertRan(Transactions.objects(logging).sql().create(made), created);
      List<String> deleted = logged(logging, () -> await(qs.adelete()));
      for (SqlStatement step : qs.sql().delete()) {
        assertRan(step, deleted);
      }
      List<String> all = new ArrayList<>(log);
      all.addAll(created);
      all.addAll(deleted);
      for (String line : all) {
        assertFalse(line.contains(SECRET), "a value was logged: " + line);
        assertTrue(line.matches("(?s)[A-Z]\\w*: .*"), line);
        assertTrue(line.matches("(?s).* -- [0-9]+\\.[0-9]{3} ms, .*"), line);
      }
    } finally {
      await(logging.close());
    }
  }

  @Test
  void theSlowStatementLogKeepsOnlyTheStatementsPastItsThreshold() {
    user(db, "ann");
    String url = backend().url();
    Database slowLog =
        Database.connect(vertx, url + (url.contains("?") ? "&" : "?") + "log_slow_statements=300");
    try {
      String slow =
          "SELECT id, username FROM auth_user WHERE username = ? AND " + backend().slowCondition(1);
      List<LogRecord> log =
          records(
              () -> {
                await(Users.objects(slowLog).acount());
                await(Users.objects(slowLog).raw(slow, "ann").aall());
                await(Users.objects(slowLog).filter(Users.USERNAME.eq("ann")).aexists());
              });
      assertEquals(
          1, log.size(), () -> log.stream().map(LogRecord::getMessage).toList().toString());
      assertEquals(java.util.logging.Level.WARNING, log.get(0).getLevel());
      String line = log.get(0).getMessage();
      assertTrue(line.startsWith("User: SELECT id, username FROM auth_user WHERE"), line);
      assertTrue(line.contains(backend().slowCondition(1)), line);
      assertFalse(log.get(0).getMessage().contains("'ann'"), "no value");
    } finally {
      await(slowLog.close());
    }
  }

  @Test
  void aDatabaseWithoutTheSettingLogsNothing() {
    User ann = user(db, "ann");
    List<String> log =
        logged(db, () -> await(Transactions.objects(db).filter(USER.eq(ann)).aall()));
    assertEquals(List.of(), log);
  }

  @Test
  void databaseErrorsCarryTheirStateCodeAndOwnMessageOnEveryBackend() {
    user(db, "ann");
    IntegrityException e =
        failure(Users.objects(db).acreate(new User(null, "ann")), IntegrityException.class);
    assertTrue(e.uniqueViolation());
    assertNotNull(e.sqlState());
    assertTrue(e.sqlState().startsWith("23"), e.sqlState());
    String own = e.databaseMessage();
    assertNotNull(own, "the database's own message");
    assertTrue(e.getMessage().contains(own), e.getMessage());
    assertTrue(e.getMessage().endsWith("]"), "then the model and the statement: " + e.getMessage());
    assertTrue(e.getMessage().contains("[User: INSERT INTO "), e.getMessage());
    assertFalse(own.startsWith("{"), "no driver decoration: " + own);
    switch (backend().name()) {
      case "mysql" -> {
        assertEquals(1062, e.errorCode()); // ER_DUP_ENTRY
        assertEquals("23000", e.sqlState());
        assertTrue(
            e.getMessage().startsWith("ERROR 1062 (23000): Duplicate entry"), e.getMessage());
      }
      case "postgresql" -> {
        assertNull(e.errorCode(), "PostgreSQL has only its SQLSTATE");
        assertEquals("23505", e.sqlState());
        assertTrue(own.startsWith("duplicate key value violates unique constraint"), own);
      }
      case "sqlite" -> {
        assertEquals(2067, e.errorCode()); // SQLITE_CONSTRAINT_UNIQUE
        assertTrue(own.contains("UNIQUE constraint failed"), own);
      }
      default ->
          throw new AssertionError("a backend this suite does not know: " + backend().name());
    }
  }

  @Test
  void inRefsTakesTheRefsReadBack() {
    User ann = user(db, "ann");
    User bob = user(db, "bob");
    User cid = user(db, "cid");
    tx(db, ann, "1.00", "a", "x");
    tx(db, bob, "2.00", "b", "y");
    tx(db, cid, "3.00", "c", "z");
    List<Ref<User>> owners =
        await(Transactions.objects(db).filter(CATEGORY.in(List.of("x", "y"))).aall()).stream()
            .map(Transaction::user)
            .toList();
    assertEquals(2, owners.size());
    List<Transaction> theirs =
        await(Transactions.objects(db).filter(USER.inRefs(owners)).orderBy(AMOUNT.asc()).aall());
    assertEquals(List.of("a", "b"), theirs.stream().map(Transaction::description).toList());
    assertEquals(
        1,
        await(Transactions.objects(db).filter(USER.inRefs(List.of(Ref.ofId(cid.id())))).acount()));
    assertEquals(0, await(Transactions.objects(db).filter(USER.inRefs(List.of())).acount()));
  }

  @Test
  void agetOptionalIsEmptyForNoRowAndFailsForSeveral() {
    User ann = user(db, "ann");
    tx(db, ann, "1.00", "a", "x");
    tx(db, ann, "2.00", "b", "x");
    TransactionQuerySet all = Transactions.objects(db);
    assertEquals(Optional.empty(), await(all.agetOptional(CATEGORY.eq("none"))));
    assertEquals("a", await(all.agetOptional(DESCRIPTION.eq("a"))).orElseThrow().description());
    MultipleObjectsReturnedException many =
        failure(all.agetOptional(CATEGORY.eq("x")), MultipleObjectsReturnedException.class);
    assertEquals("Transaction", many.model());
  }

  @Test
  void aRefPrintsTheSameHoweverItWasMade() {
    User ann = user(db, "ann");
    Transaction t = tx(db, ann, "1.00", "a", "x");
    Transaction read = await(Transactions.objects(db).aget(DESCRIPTION.eq("a")));
    String expected = "Ref[id=" + ann.id() + "]";
    assertEquals(expected, Ref.of(ann).toString());
    assertEquals(expected, Ref.<User>ofId(ann.id()).toString());
    assertEquals(expected, t.user().toString());
    assertEquals(expected, read.user().toString());
    assertEquals("Ref[id=unsaved]", Ref.of(new User(null, "new")).toString());
  }
}
