package dev.asyncmodel.conformance.suite;

import static dev.asyncmodel.conformance.fixture.Await.await;
import static dev.asyncmodel.conformance.model.Transactions.AMOUNT;
import static dev.asyncmodel.conformance.model.Transactions.CATEGORY;
import static dev.asyncmodel.conformance.model.Transactions.DESCRIPTION;
import static dev.asyncmodel.conformance.model.Transactions.ID;
import static dev.asyncmodel.conformance.model.Transactions.USER;
import static dev.asyncmodel.conformance.suite.Fixtures.review;
import static dev.asyncmodel.conformance.suite.Fixtures.tx;
import static dev.asyncmodel.conformance.suite.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.conformance.fixture.ConformanceTest;
import dev.asyncmodel.conformance.model.Review;
import dev.asyncmodel.conformance.model.Reviews;
import dev.asyncmodel.conformance.model.Transaction;
import dev.asyncmodel.conformance.model.TransactionQuerySet;
import dev.asyncmodel.conformance.model.Transactions;
import dev.asyncmodel.conformance.model.User;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The filter chain: every lookup, and/or/not, exclude, ordering and slicing, on real rows. */
public abstract class QuerySuite extends ConformanceTest {
  private static Set<String> descriptions(List<Transaction> rows) {
    return rows.stream().map(Transaction::description).collect(Collectors.toSet());
  }

  private Set<String> matching(TransactionQuerySet qs) {
    return descriptions(await(qs.aall()));
  }

  @Test
  void everyLookupSelectsTheRowsItNames() {
    User ann = user(db, "ann");
    User bob = user(db, "bob");
    tx(db, ann, "1.00", "Coffee", "food");
    tx(db, ann, "12.50", "Groceries", "Food");
    tx(db, ann, "100.00", "Rent", "home");
    tx(db, bob, "7.25", "coffee beans", "food");
    TransactionQuerySet all = Transactions.objects(db);

    assertEquals(Set.of("Coffee", "Groceries", "Rent"), matching(all.filter(USER.eq(ann))));
    assertEquals(Set.of("coffee beans"), matching(all.filter(USER.ne(ann))));
    assertEquals(Set.of("Coffee", "coffee beans"), matching(all.filter(CATEGORY.eq("food"))));
    assertEquals(
        Set.of("Coffee", "Groceries", "coffee beans"), matching(all.filter(CATEGORY.iEq("FOOD"))));
    assertEquals(Set.of("Rent"), matching(all.filter(AMOUNT.gt(new BigDecimal("12.50")))));
    assertEquals(
        Set.of("Groceries", "Rent"), matching(all.filter(AMOUNT.gte(new BigDecimal("12.50")))));
    assertEquals(Set.of("Coffee"), matching(all.filter(AMOUNT.lt(new BigDecimal("7.25")))));
    assertEquals(
        Set.of("Coffee", "coffee beans"), matching(all.filter(AMOUNT.lte(new BigDecimal("7.25")))));
    assertEquals(
        Set.of("Coffee", "coffee beans", "Groceries"),
        matching(all.filter(AMOUNT.between(new BigDecimal("1.00"), new BigDecimal("12.50")))));
    assertEquals(
        Set.of("Coffee", "Rent"), matching(all.filter(DESCRIPTION.in(List.of("Coffee", "Rent")))));
    assertEquals(Set.of("Coffee"), matching(all.filter(DESCRIPTION.contains("off"), USER.eq(ann))));
    assertEquals(
        Set.of("Coffee", "coffee beans"), matching(all.filter(DESCRIPTION.icontains("COFFEE"))));
    assertEquals(Set.of("Coffee"), matching(all.filter(DESCRIPTION.startsWith("Cof"))));
    assertEquals(
        Set.of("Coffee", "coffee beans"), matching(all.filter(DESCRIPTION.iStartsWith("cOF"))));
    assertEquals(Set.of("coffee beans"), matching(all.filter(DESCRIPTION.endsWith("beans"))));
    assertEquals(Set.of("Coffee"), matching(all.filter(DESCRIPTION.iEndsWith("FEE"))));
    assertEquals(Set.of("Rent"), matching(all.filter(USER.in(List.of(ann)), CATEGORY.eq("home"))));
  }

  @Test
  void conditionsCombineLikeDjangosQObjects() {
    User ann = user(db, "ann");
    tx(db, ann, "1.00", "a", "food");
    tx(db, ann, "2.00", "b", "rent");
    tx(db, ann, "3.00", "c", "fun");
    TransactionQuerySet all = Transactions.objects(db);

    assertEquals(
        Set.of("a", "b"), matching(all.filter(CATEGORY.eq("food").or(CATEGORY.eq("rent")))));
    assertEquals(
        Set.of("b"),
        matching(
            all.filter(
                CATEGORY.eq("food").or(CATEGORY.eq("rent")).and(AMOUNT.gt(BigDecimal.ONE)))));
    assertEquals(Set.of("b", "c"), matching(all.filter(CATEGORY.eq("food").not())));
    assertEquals(
        Set.of("c"), matching(all.exclude(CATEGORY.eq("food")).exclude(CATEGORY.eq("rent"))));
    // exclude(a, b) is NOT (a AND b), as Django's exclude(a=.., b=..).
    assertEquals(
        Set.of("b", "c"),
        matching(all.exclude(CATEGORY.eq("food"), AMOUNT.eq(new BigDecimal("1.00")))));
    assertEquals(
        Set.of("a", "b", "c"),
        matching(all.filter(CATEGORY.eq("food").not().not().or(CATEGORY.ne("food")))));
  }

  @Test
  void excludeKeepsRowsWhereTheColumnIsNull() {
    User ann = user(db, "ann");
    Transaction t = tx(db, ann, "1.00", "a", "food");
    review(db, t, 4.0, null);
    review(db, t, 2.5, LocalDate.of(2025, 1, 1));
    review(db, t, null, null);

    List<Review> notFour = await(Reviews.objects(db).exclude(Reviews.RATING.eq(4.0)).aall());
    assertEquals(2, notFour.size(), "exclude(rating=4.0) keeps the NULL rating: " + notFour);
    assertTrue(notFour.stream().anyMatch(r -> r.rating() == null));
    assertEquals(2, await(Reviews.objects(db).filter(Reviews.RATING.ne(4.0)).acount()));
    assertEquals(
        2,
        await(
            Reviews.objects(db)
                .filter(Reviews.RATING.eq(4.0).or(Reviews.DUE.isNull(false)).not().not())
                .acount()));
    assertEquals(1, await(Reviews.objects(db).filter(Reviews.RATING.isNull(true)).acount()));
    assertEquals(2, await(Reviews.objects(db).filter(Reviews.RATING.isNull(false)).acount()));
    // NOT (rating > 3 OR due IS NOT NULL): only the row with neither.
    assertEquals(
        1,
        await(
            Reviews.objects(db)
                .exclude(Reviews.RATING.gt(3.0).or(Reviews.DUE.isNull(false)))
                .acount()));
  }

  @Test
  void anEmptyInMatchesNothingWithoutAnError() {
    User ann = user(db, "ann");
    tx(db, ann, "1.00", "a", "food");
    assertEquals(List.of(), await(Transactions.objects(db).filter(ID.in(List.of())).aall()));
    assertEquals(0, await(Transactions.objects(db).filter(CATEGORY.in(Set.of())).acount()));
    assertEquals(1, await(Transactions.objects(db).exclude(ID.in(List.of())).acount()));
  }

  @Test
  void orderByReplacesTheOrderingAndSlicesAreLimitAndOffset() {
    User ann = user(db, "ann");
    for (int i = 1; i <= 5; i++) {
      tx(db, ann, i + ".00", "t" + i, i % 2 == 0 ? "even" : "odd");
    }
    TransactionQuerySet qs =
        Transactions.objects(db).orderBy(CATEGORY.asc()).orderBy(AMOUNT.desc());
    assertEquals(
        List.of("t5", "t4", "t3", "t2", "t1"),
        await(qs.aall()).stream().map(Transaction::description).toList());
    assertEquals(
        List.of("t4", "t3"),
        await(qs.offset(1).limit(2).aall()).stream().map(Transaction::description).toList());
    assertEquals(
        List.of("t2", "t4", "t1", "t3", "t5"),
        await(Transactions.objects(db).orderBy(CATEGORY.asc(), AMOUNT.asc()).aall()).stream()
            .map(Transaction::description)
            .toList());
    assertEquals(List.of(), await(qs.limit(0).aall()));
    assertEquals(
        List.of("t1"), await(qs.offset(4).aall()).stream().map(Transaction::description).toList());
  }

  /** Django's {@code regex} and {@code iregex}, with what the three databases' syntaxes share. */
  @Test
  void regexAndIregexMatchOnEveryDatabase() {
    User ann = user(db, "ann");
    tx(db, ann, "1.00", "Card payment, Bakery", "food");
    tx(db, ann, "2.00", "card payment, bar", "food");
    tx(db, ann, "3.00", "Direct debit, 50% off", "rent");
    assertEquals(List.of("Card payment, Bakery"), descriptions(DESCRIPTION.regex("^Card")));
    assertEquals(
        List.of("Card payment, Bakery", "card payment, bar"),
        descriptions(DESCRIPTION.iRegex("^card payment, (bakery|bar)$")));
    assertEquals(List.of("Direct debit, 50% off"), descriptions(DESCRIPTION.regex("[0-9]+% o")));
    assertEquals(List.of(), descriptions(DESCRIPTION.regex("^card.*BAR$")));
    assertEquals(
        List.of("card payment, bar", "Direct debit, 50% off"),
        await(
                Transactions.objects(db)
                    .exclude(DESCRIPTION.regex("^C"))
                    .orderBy(AMOUNT.asc())
                    .aall())
            .stream()
            .map(Transaction::description)
            .toList());
  }

  @Test
  void aRegexTheDatabaseCannotCompileFailsTheFuture() {
    User ann = user(db, "ann");
    tx(db, ann, "1.00", "a", "food");
    dev.asyncmodel.conformance.fixture.Await.failure(
        Transactions.objects(db).filter(DESCRIPTION.regex("(unclosed")).aall(),
        dev.asyncmodel.DatabaseException.class);
    assertEquals(1L, await(Transactions.objects(db).acount()), "the database still answers");
  }

  private List<String> descriptions(dev.asyncmodel.Condition<Transaction> condition) {
    return await(Transactions.objects(db).filter(condition).orderBy(AMOUNT.asc()).aall()).stream()
        .map(Transaction::description)
        .toList();
  }

  /** Django's {@code nulls_first} / {@code nulls_last}: the same order on every database. */
  @Test
  void nullsFirstAndNullsLastPlaceNullsTheSameOnEveryDatabase() {
    List<Review> made = ratings();
    Review three = made.get(0);
    Review none = made.get(1);
    Review one = made.get(2);
    assertEquals(List.of(none, one, three), reviews(Reviews.RATING.asc().nullsFirst()));
    assertEquals(List.of(one, three, none), reviews(Reviews.RATING.asc().nullsLast()));
    assertEquals(List.of(none, three, one), reviews(Reviews.RATING.desc().nullsFirst()));
    assertEquals(List.of(three, one, none), reviews(Reviews.RATING.desc().nullsLast()));
  }

  /** Three reviews of one transaction, rated 3, not rated, and rated 1, in that order. */
  private List<Review> ratings() {
    User ann = user(db, "ann");
    Transaction t = tx(db, ann, "1.00", "t", "c");
    return List.of(review(db, t, 3.0, null), review(db, t, null, null), review(db, t, 1.0, null));
  }

  private List<Review> reviews(dev.asyncmodel.Ordering<Review> order) {
    return await(Reviews.objects(db).orderBy(order, Reviews.ID.asc()).aall());
  }

  /**
   * Django's {@code reverse()}: every term the other way, NULLs moved to the other end, an ordering
   * given later reversed too, and {@code afirst()} / {@code alast()} by primary key exchanged.
   */
  @Test
  void reverseRunsTheOrderingTheOtherWay() {
    List<Review> made = ratings();
    Review three = made.get(0);
    Review none = made.get(1);
    Review one = made.get(2);
    assertEquals(
        List.of(none, three, one),
        await(Reviews.objects(db).orderBy(Reviews.RATING.asc().nullsLast()).reverse().aall()));
    assertEquals(
        List.of(none, three, one),
        await(Reviews.objects(db).reverse().orderBy(Reviews.RATING.asc().nullsLast()).aall()),
        "an ordering after reverse() runs reversed, as in Django");
    assertEquals(
        List.of(one, three, none),
        await(
            Reviews.objects(db)
                .orderBy(Reviews.RATING.asc().nullsLast())
                .reverse()
                .reverse()
                .aall()));
    assertEquals(one, await(Reviews.objects(db).reverse().afirst()).orElseThrow());
    assertEquals(three, await(Reviews.objects(db).reverse().alast()).orElseThrow());
    assertEquals(
        none,
        await(Reviews.objects(db).orderBy(Reviews.RATING.asc().nullsLast()).reverse().afirst())
            .orElseThrow());
  }

  @Test
  void aQuerySetIsImmutableAndReusable() {
    User ann = user(db, "ann");
    tx(db, ann, "1.00", "a", "food");
    tx(db, ann, "2.00", "b", "rent");
    TransactionQuerySet all = Transactions.objects(db);
    TransactionQuerySet food = all.filter(CATEGORY.eq("food"));
    all.filter(CATEGORY.eq("rent"));
    food.orderBy(AMOUNT.desc()).limit(1);
    assertEquals(2, await(all.acount()));
    assertEquals(1, await(food.acount()));
    assertEquals(1, await(food.acount()), "the same QuerySet runs again");
  }

  @Test
  void patternLookupsMatchTheirTextLiterally() {
    User ann = user(db, "ann");
    String[] texts = {
      "50% off",
      "500 off",
      "a_b",
      "axb",
      "back\\slash",
      "backslash",
      "it's \"quoted\"",
      "emoji 🎉 ok"
    };
    for (String text : texts) {
      tx(db, ann, "1.00", text, "x");
    }
    TransactionQuerySet all = Transactions.objects(db);
    assertEquals(Set.of("50% off"), matching(all.filter(DESCRIPTION.contains("50%"))));
    assertEquals(Set.of("50% off"), matching(all.filter(DESCRIPTION.startsWith("50%"))));
    assertEquals(Set.of("a_b"), matching(all.filter(DESCRIPTION.contains("_"))));
    assertEquals(Set.of("a_b"), matching(all.filter(DESCRIPTION.iEndsWith("A_B"))));
    assertEquals(Set.of("back\\slash"), matching(all.filter(DESCRIPTION.contains("\\"))));
    assertEquals(Set.of("back\\slash"), matching(all.filter(DESCRIPTION.startsWith("back\\"))));
    assertEquals(Set.of("it's \"quoted\""), matching(all.filter(DESCRIPTION.contains("'s \"q"))));
    assertEquals(Set.of("emoji 🎉 ok"), matching(all.filter(DESCRIPTION.icontains("🎉"))));
    assertEquals(
        Set.of(), matching(all.filter(DESCRIPTION.contains("%"), DESCRIPTION.contains("5000"))));
    for (String text : texts) {
      assertEquals(
          text, await(all.aget(DESCRIPTION.eq(text))).description(), "round trip of " + text);
    }
  }
}
