package dev.asyncmodel.conformance.suite;

import static dev.asyncmodel.conformance.fixture.Await.await;
import static dev.asyncmodel.conformance.model.Transactions.AMOUNT;
import static dev.asyncmodel.conformance.model.Transactions.CATEGORY;
import static dev.asyncmodel.conformance.model.Transactions.CREATED_AT;
import static dev.asyncmodel.conformance.model.Transactions.ID;
import static dev.asyncmodel.conformance.model.Transactions.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.Created;
import dev.asyncmodel.DeleteResult;
import dev.asyncmodel.Ref;
import dev.asyncmodel.conformance.fixture.ConformanceTest;
import dev.asyncmodel.conformance.model.Transaction;
import dev.asyncmodel.conformance.model.TransactionQuerySet;
import dev.asyncmodel.conformance.model.Transactions;
import dev.asyncmodel.conformance.model.User;
import dev.asyncmodel.conformance.model.Users;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** DESIGN.md's contract example, as written there, run against the backend. */
public abstract class ContractSuite extends ConformanceTest {

  @Test
  void theContractExampleRuns() {
    User user = await(Users.objects(db).acreate(new User(null, "ann")));
    BigDecimal amount = new BigDecimal("4.50");

    TransactionQuerySet qs = Transactions.objects(db).filter(USER.eq(user));
    Future<Transaction> made =
        Transactions.objects(db)
            .acreate(new Transaction(null, Ref.of(user), amount, "Coffee", "food", null));
    Transaction coffee = await(made);
    await(
        Transactions.objects(db)
            .acreate(
                new Transaction(null, Ref.of(user), new BigDecimal("0.50"), "Gum", "food", null)));

    Future<List<Transaction>> page = qs.orderBy(CREATED_AT.desc()).limit(50).aall();
    Future<Long> total = qs.acount();
    Future<Boolean> any = qs.aexists();
    Future<Optional<Transaction>> latest = qs.orderBy(CREATED_AT.desc()).afirst();
    Future<Optional<Transaction>> oldest = qs.orderBy(CREATED_AT.desc()).alast();
    Future<Transaction> one = qs.aget(ID.eq(coffee.id()));
    assertEquals(
        List.of("Gum", "Coffee"), await(page).stream().map(Transaction::description).toList());
    assertEquals(2L, await(total));
    assertTrue(await(any));
    assertEquals("Gum", await(latest).orElseThrow().description());
    assertEquals("Coffee", await(oldest).orElseThrow().description());
    assertEquals(coffee, await(one));

    Future<Long> changed = qs.filter(CATEGORY.eq("food")).aupdate(CATEGORY.set("groceries"));
    assertEquals(2L, await(changed));

    Transaction template = new Transaction(null, Ref.of(user), amount, "Tea", "drinks", null);
    Future<Created<Transaction>> g =
        Transactions.objects(db).agetOrCreate(template, USER, CATEGORY);
    assertTrue(await(g).created());
    Future<Created<Transaction>> u =
        Transactions.objects(db).aupdateOrCreate(template, USER, CATEGORY);
    assertFalse(await(u).created());

    Map<String, Object> dict = Transactions.toDict(coffee);
    JsonObject json = Transactions.toJson(coffee);
    assertEquals(coffee.id(), dict.get("id"));
    assertEquals("4.50", json.getString("amount"));
    assertEquals(user.id(), json.getLong("user"));

    Future<Transaction> moved =
        db.atomic(
            tx ->
                Transactions.objects(tx)
                    .filter(ID.eq(coffee.id()))
                    .aupdate(CATEGORY.set("rent"))
                    .compose(n -> Transactions.objects(tx).aget(ID.eq(coffee.id()))));
    assertEquals("rent", await(moved).category());
    Future<Long> nested = db.atomic(t -> t.atomic(inner -> Transactions.objects(inner).acount()));
    assertEquals(3L, await(nested));

    Future<DeleteResult> d = qs.filter(AMOUNT.lt(BigDecimal.ONE)).adelete();
    assertEquals(new DeleteResult(1, Map.of("Transaction", 1L)), await(d));
  }
}
