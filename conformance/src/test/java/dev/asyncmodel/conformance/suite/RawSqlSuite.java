package dev.asyncmodel.conformance.suite;

import static dev.asyncmodel.conformance.fixture.Await.await;
import static dev.asyncmodel.conformance.fixture.Await.failure;
import static dev.asyncmodel.conformance.suite.Fixtures.tx;
import static dev.asyncmodel.conformance.suite.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.DatabaseException;
import dev.asyncmodel.Ref;
import dev.asyncmodel.conformance.fixture.ConformanceTest;
import dev.asyncmodel.conformance.model.Transaction;
import dev.asyncmodel.conformance.model.Transactions;
import dev.asyncmodel.conformance.model.User;
import dev.asyncmodel.conformance.model.Users;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Django's {@code raw()} and {@code cursor.execute()}: statements of the user's, with {@code ?}
 * placeholders on every backend and every value bound.
 */
public abstract class RawSqlSuite extends ConformanceTest {
  /** The transaction table's name, quoted as this database quotes it: it is a keyword. */
  private String transactionTable() {
    return backend().name().equals("mysql") ? "`transaction`" : "\"transaction\"";
  }

  @Test
  void rawMapsColumnsByNameInAnyOrder() {
    User ann = user(db, "ann");
    user(db, "bob");
    List<User> raw =
        await(
            Users.objects(db)
                .raw("SELECT username, id FROM auth_user WHERE username = ?", "ann")
                .aall());
    assertEquals(List.of(ann), raw);
    List<User> all =
        await(Users.objects(db).raw("SELECT * FROM auth_user ORDER BY username DESC").aall());
    assertEquals(List.of("bob", "ann"), all.stream().map(User::username).toList());
  }

  @Test
  void valuesAreBoundAsTheirColumnsBindThem() {
    User ann = user(db, "ann");
    Transaction t = tx(db, ann, "12.50", "coffee", "food");
    tx(db, ann, "3.00", "tea", "food");
    List<Transaction> found =
        await(
            Transactions.objects(db)
                .raw(
                    "SELECT * FROM "
                        + transactionTable()
                        + " WHERE user_id = ? AND amount = ? AND created_at = ? AND category <> '?'",
                    Ref.of(ann),
                    new BigDecimal("12.50"),
                    t.createdAt())
                .aall());
    assertEquals(List.of(t), found);
  }

  @Test
  void aValueIsNeverSql() {
    user(db, "ann");
    List<User> none =
        await(
            Users.objects(db)
                .raw("SELECT * FROM auth_user WHERE username = ?", "x' OR '1'='1")
                .aall());
    assertEquals(List.of(), none);
    assertEquals(1, await(Users.objects(db).acount()), "nothing else happened");
  }

  @Test
  void mistakesAreClearFailures() {
    user(db, "ann");
    IllegalArgumentException count =
        failure(
            Users.objects(db).raw("SELECT * FROM auth_user WHERE id = ? OR id = ?", 1L).aall(),
            IllegalArgumentException.class);
    assertTrue(
        count.getMessage().contains("2 placeholder(s) (?) but 1 value(s)"), count.getMessage());
    IllegalArgumentException missing =
        failure(
            Users.objects(db).raw("SELECT id FROM auth_user").aall(),
            IllegalArgumentException.class);
    assertTrue(missing.getMessage().contains("missing username"), missing.getMessage());
    IllegalArgumentException type =
        failure(db.execute("SELECT ?", new Object()), IllegalArgumentException.class);
    assertTrue(type.getMessage().contains("has no column type"), type.getMessage());
    failure(db.execute("SELECT * FROM no_such_table"), DatabaseException.class);
  }

  @Test
  void executeRunsAnyStatementAndCountsItsRows() {
    User ann = user(db, "ann");
    tx(db, ann, "1.00", "a", "food");
    tx(db, ann, "2.00", "b", "food");
    tx(db, ann, "3.00", "c", "rent");
    long changed =
        await(
            db.execute(
                "UPDATE " + transactionTable() + " SET category = ? WHERE category = ?",
                "groceries",
                "food"));
    assertEquals(2, changed);
    assertEquals(
        2, await(Transactions.objects(db).filter(Transactions.CATEGORY.eq("groceries")).acount()));
  }

  @Test
  void executeJoinsTheAtomicBlockItIsCalledIn() {
    User ann = user(db, "ann");
    String rename = "UPDATE auth_user SET username = ? WHERE id = ?";
    failure(
        db.atomic(
            t ->
                t.execute(rename, "renamed", ann.id())
                    .compose(n -> Future.failedFuture(new IllegalStateException("roll back")))),
        IllegalStateException.class);
    assertEquals("ann", await(Users.objects(db).aget(Users.ID.eq(ann.id()))).username());
    long n =
        await(
            db.atomic(
                t ->
                    t.execute(rename, "renamed", ann.id())
                        .compose(
                            changed ->
                                Users.objects(t)
                                    .raw("SELECT * FROM auth_user WHERE id = ?", ann.id())
                                    .aall()
                                    .map(
                                        users -> {
                                          assertEquals("renamed", users.get(0).username());
                                          return changed;
                                        }))));
    assertEquals(1, n);
    assertEquals("renamed", await(Users.objects(db).aget(Users.ID.eq(ann.id()))).username());
    assertFalse(
        Users.objects(db)
            .raw("SELECT * FROM auth_user WHERE id = ?", 1L)
            .toString()
            .contains("1L"));
  }
}
