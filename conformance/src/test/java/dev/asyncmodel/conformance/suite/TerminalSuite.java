package dev.asyncmodel.conformance.suite;

import static dev.asyncmodel.conformance.fixture.Await.await;
import static dev.asyncmodel.conformance.fixture.Await.failure;
import static dev.asyncmodel.conformance.model.Transactions.AMOUNT;
import static dev.asyncmodel.conformance.model.Transactions.CATEGORY;
import static dev.asyncmodel.conformance.model.Transactions.CREATED_AT;
import static dev.asyncmodel.conformance.model.Transactions.DESCRIPTION;
import static dev.asyncmodel.conformance.model.Transactions.ID;
import static dev.asyncmodel.conformance.model.Transactions.USER;
import static dev.asyncmodel.conformance.suite.Fixtures.review;
import static dev.asyncmodel.conformance.suite.Fixtures.tx;
import static dev.asyncmodel.conformance.suite.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asyncmodel.Created;
import dev.asyncmodel.DeleteResult;
import dev.asyncmodel.DoesNotExistException;
import dev.asyncmodel.FieldError;
import dev.asyncmodel.IntegrityException;
import dev.asyncmodel.MultipleObjectsReturnedException;
import dev.asyncmodel.ProtectedException;
import dev.asyncmodel.Ref;
import dev.asyncmodel.ValidationException;
import dev.asyncmodel.conformance.fixture.ConformanceTest;
import dev.asyncmodel.conformance.model.Account;
import dev.asyncmodel.conformance.model.Accounts;
import dev.asyncmodel.conformance.model.Invoice;
import dev.asyncmodel.conformance.model.Invoices;
import dev.asyncmodel.conformance.model.Note;
import dev.asyncmodel.conformance.model.Notes;
import dev.asyncmodel.conformance.model.Review;
import dev.asyncmodel.conformance.model.ReviewQuerySet;
import dev.asyncmodel.conformance.model.Reviews;
import dev.asyncmodel.conformance.model.Transaction;
import dev.asyncmodel.conformance.model.TransactionQuerySet;
import dev.asyncmodel.conformance.model.Transactions;
import dev.asyncmodel.conformance.model.User;
import dev.asyncmodel.conformance.model.Users;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Django's semantics of the eleven async terminal methods. */
public abstract class TerminalSuite extends ConformanceTest {

  @Test
  void afirstAndAlastOnAnUnorderedQuerySetOrderByPrimaryKey() {
    User ann = user(db, "ann");
    Transaction first = tx(db, ann, "5.00", "first", "b");
    tx(db, ann, "1.00", "middle", "a");
    Transaction last = tx(db, ann, "3.00", "last", "c");
    TransactionQuerySet all = Transactions.objects(db);
    assertEquals(Optional.of(first), await(all.afirst()));
    assertEquals(Optional.of(last), await(all.alast()));
    assertEquals(Optional.empty(), await(all.filter(CATEGORY.eq("none")).afirst()));
    assertEquals(Optional.empty(), await(all.filter(CATEGORY.eq("none")).alast()));
  }

  @Test
  void alastReversesTheOrdering() {
    User ann = user(db, "ann");
    tx(db, ann, "5.00", "big", "b");
    tx(db, ann, "1.00", "small", "a");
    tx(db, ann, "3.00", "mid", "c");
    TransactionQuerySet byAmount = Transactions.objects(db).orderBy(AMOUNT.desc());
    assertEquals("big", await(byAmount.afirst()).orElseThrow().description());
    assertEquals("small", await(byAmount.alast()).orElseThrow().description());
    TransactionQuerySet byCategory = Transactions.objects(db).orderBy(CATEGORY.asc(), AMOUNT.asc());
    assertEquals("small", await(byCategory.afirst()).orElseThrow().description());
    assertEquals("mid", await(byCategory.alast()).orElseThrow().description());
    failure(byAmount.limit(2).alast(), IllegalStateException.class);
  }

  @Test
  void agetFailsNamingTheModelWhenNoneOrSeveralMatch() {
    User ann = user(db, "ann");
    Transaction coffee = tx(db, ann, "1.00", "coffee", "food");
    tx(db, ann, "2.00", "tea", "food");
    TransactionQuerySet all = Transactions.objects(db);

    assertEquals(coffee, await(all.aget(ID.eq(coffee.id()))));
    assertEquals(coffee, await(all.filter(DESCRIPTION.eq("coffee")).aget()));
    assertEquals(coffee, await(all.aget(CATEGORY.eq("food"), AMOUNT.lt(new BigDecimal("2")))));

    DoesNotExistException none = failure(all.aget(ID.eq(-1L)), DoesNotExistException.class);
    assertEquals("Transaction", none.model());
    assertTrue(none.getMessage().contains("Transaction"), none.getMessage());

    MultipleObjectsReturnedException many =
        failure(all.aget(CATEGORY.eq("food")), MultipleObjectsReturnedException.class);
    assertEquals("Transaction", many.model());
    assertTrue(many.getMessage().contains("returned 2"), many.getMessage());
    assertEquals(
        "User",
        failure(Users.objects(db).aget(Users.USERNAME.eq("nobody")), DoesNotExistException.class)
            .model());
  }

  @Test
  void acountAndAexistsRespectLimitAndOffset() {
    User ann = user(db, "ann");
    for (int i = 0; i < 5; i++) {
      tx(db, ann, "1.00", "t" + i, "x");
    }
    TransactionQuerySet all = Transactions.objects(db);
    assertEquals(5, await(all.acount()));
    assertEquals(3, await(all.limit(3).acount()));
    assertEquals(2, await(all.offset(3).acount()));
    assertEquals(1, await(all.offset(4).limit(10).acount()));
    assertEquals(0, await(all.offset(5).acount()));
    assertEquals(0, await(all.limit(0).acount()));
    assertTrue(await(all.aexists()));
    assertTrue(await(all.offset(4).aexists()));
    assertFalse(await(all.offset(5).aexists()));
    assertFalse(await(all.limit(0).aexists()));
    assertFalse(await(all.filter(CATEGORY.eq("y")).aexists()));
  }

  @Test
  void acreateReturnsTheRecordWithItsIdAndCreationTime() {
    User ann = user(db, "ann");
    Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Transaction made = tx(db, ann, "12.50", "Coffee", "food");
    Instant after = Instant.now();
    assertNotNull(made.id());
    assertNotNull(made.createdAt());
    assertFalse(made.createdAt().isBefore(before));
    assertFalse(made.createdAt().isAfter(after));
    assertEquals(ann.id(), made.user().id());
    assertEquals(made, await(Transactions.objects(db).aget(ID.eq(made.id()))), "as stored");

    Instant given = Instant.parse("2020-02-29T12:34:56.123456Z");
    Transaction dated =
        await(
            Transactions.objects(db)
                .acreate(new Transaction(null, Ref.of(ann), BigDecimal.ONE, "dated", "x", given)));
    assertEquals(given, dated.createdAt(), "a given @AutoNowAdd value is kept");
    assertEquals(made.id() + 1, dated.id());
  }

  @Test
  void acreateRefusesNullsAndDuplicatesWithClearErrors() {
    user(db, "ann");
    ValidationException missing =
        failure(
            Transactions.objects(db)
                .acreate(new Transaction(null, Ref.ofId(1), BigDecimal.ONE, null, "x", null)),
            ValidationException.class);
    assertEquals(
        List.of(new FieldError("description", "null", "This field cannot be null.")),
        missing.errors());
    assertTrue(missing.getMessage().contains("Transaction.description"), missing.getMessage());
    IntegrityException duplicate =
        failure(Users.objects(db).acreate(new User(null, "ann")), IntegrityException.class);
    assertTrue(duplicate.uniqueViolation());
    assertEquals(1, await(Users.objects(db).acount()));
  }

  @Test
  void bigDecimalsRoundTripExactly() {
    User ann = user(db, "ann");
    for (String amount : List.of("0.01", "12345678.90", "-99999999.99", "0.00", "1.10")) {
      Transaction made = tx(db, ann, amount, amount, "x");
      Transaction read = await(Transactions.objects(db).aget(ID.eq(made.id())));
      assertEquals(new BigDecimal(amount), read.amount(), "amount " + amount);
      assertEquals(amount, read.amount().toPlainString());
      assertEquals(amount, Transactions.toJson(read).getString("amount"));
    }
    assertEquals(
        1,
        await(Transactions.objects(db).filter(AMOUNT.eq(new BigDecimal("12345678.9"))).acount()));
  }

  @Test
  void aupdateReturnsTheRowsMatched() {
    User ann = user(db, "ann");
    tx(db, ann, "1.00", "a", "food");
    tx(db, ann, "2.00", "b", "food");
    tx(db, ann, "3.00", "c", "rent");
    TransactionQuerySet food = Transactions.objects(db).filter(CATEGORY.eq("food"));
    assertEquals(2, await(food.aupdate(CATEGORY.set("groceries"))));
    assertEquals(0, await(food.aupdate(CATEGORY.set("groceries"))));
    TransactionQuerySet groceries = Transactions.objects(db).filter(CATEGORY.eq("groceries"));
    // Rows whose values do not change still count: matched, not changed.
    assertEquals(2, await(groceries.aupdate(CATEGORY.set("groceries"))));
    assertEquals(2, await(groceries.aupdate(AMOUNT.set(BigDecimal.TEN), DESCRIPTION.set("bulk"))));
    assertEquals(2, await(Transactions.objects(db).filter(DESCRIPTION.eq("bulk")).acount()));
    failure(groceries.limit(1).aupdate(CATEGORY.set("x")), IllegalStateException.class);
  }

  @Test
  void adeleteCountsEveryModelIncludingCascades() {
    User ann = user(db, "ann");
    User bob = user(db, "bob");
    Transaction a = tx(db, ann, "1.00", "a", "food");
    Transaction b = tx(db, ann, "2.00", "b", "food");
    Transaction c = tx(db, bob, "3.00", "c", "food");
    review(db, a, 1.0, null);
    review(db, a, 2.0, null);
    review(db, b, null, null);
    review(db, c, 5.0, null);

    DeleteResult gone = await(Users.objects(db).filter(Users.USERNAME.eq("ann")).adelete());
    assertEquals(6, gone.count());
    assertEquals(Map.of("User", 1L, "Transaction", 2L, "Review", 3L), gone.perModel());
    assertEquals(1, await(Users.objects(db).acount()));
    assertEquals(1, await(Transactions.objects(db).acount()));
    assertEquals(1, await(Reviews.objects(db).acount()));

    DeleteResult none = await(Users.objects(db).filter(Users.USERNAME.eq("zed")).adelete());
    assertEquals(0, none.count());
    assertEquals(Map.of(), none.perModel());

    DeleteResult reviewsOnly = await(Reviews.objects(db).adelete());
    assertEquals(new DeleteResult(1, Map.of("Review", 1L)), reviewsOnly);
    failure(Transactions.objects(db).limit(1).adelete(), IllegalStateException.class);
  }

  @Test
  void adeleteRespectsProtectAndSetNull() {
    Account acme = await(Accounts.objects(db).acreate(new Account(null, "acme")));
    Account solo = await(Accounts.objects(db).acreate(new Account(null, "solo")));
    await(Invoices.objects(db).acreate(new Invoice(null, Ref.of(acme))));
    Note note = await(Notes.objects(db).acreate(new Note(null, Ref.of(solo), "keep me")));

    failure(Accounts.objects(db).adelete(), ProtectedException.class);
    assertEquals(2, await(Accounts.objects(db).acount()), "nothing was deleted");
    assertEquals(
        Optional.of(Ref.ofId(solo.id())),
        Optional.ofNullable(await(Notes.objects(db).aget(Notes.ID.eq(note.id()))).account()));

    DeleteResult gone = await(Accounts.objects(db).filter(Accounts.NAME.eq("solo")).adelete());
    assertEquals(new DeleteResult(1, Map.of("Account", 1L)), gone);
    Note kept = await(Notes.objects(db).aget(Notes.ID.eq(note.id())));
    assertEquals(null, kept.account(), "SET_NULL cleared the reference");
    assertEquals("keep me", kept.text());

    Note linked = await(Notes.objects(db).acreate(new Note(null, Ref.of(acme), "linked")));
    assertEquals(
        1,
        await(Notes.objects(db).filter(Notes.ID.eq(linked.id())).aupdate(Notes.ACCOUNT.setNull())));
    assertEquals(2, await(Notes.objects(db).filter(Notes.ACCOUNT.isNull(true)).acount()));
  }

  @Test
  void agetOrCreateFindsOrCreates() {
    Created<User> made =
        await(Users.objects(db).agetOrCreate(new User(null, "ann"), Users.USERNAME));
    assertTrue(made.created());
    assertNotNull(made.object().id());
    Created<User> found =
        await(Users.objects(db).agetOrCreate(new User(null, "ann"), Users.USERNAME));
    assertFalse(found.created());
    assertEquals(made.object(), found.object());

    User ann = made.object();
    Transaction template = new Transaction(null, Ref.of(ann), BigDecimal.ONE, "d", "food", null);
    Created<Transaction> t1 =
        await(Transactions.objects(db).agetOrCreate(template, USER, CATEGORY));
    Created<Transaction> t2 =
        await(
            Transactions.objects(db)
                .agetOrCreate(
                    new Transaction(null, Ref.of(ann), BigDecimal.TEN, "other", "food", null),
                    USER,
                    CATEGORY));
    assertTrue(t1.created());
    assertFalse(t2.created());
    assertEquals(t1.object(), t2.object(), "the defaults of a found row are not applied");
  }

  @Test
  void agetOrCreateIsSafeUnderConcurrency() {
    assertOneRowFor64Racers(
        () -> Users.objects(db).agetOrCreate(new User(null, "racer"), Users.USERNAME));
  }

  /** 64 callers race on one new unique name: one row, one created it, all got its id. */
  private void assertOneRowFor64Racers(java.util.function.Supplier<Future<Created<User>>> call) {
    List<Future<Created<User>>> calls = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      calls.add(call.get());
    }
    int created = 0;
    Set<Long> ids = new HashSet<>();
    for (Future<Created<User>> each : calls) {
      Created<User> result = await(each);
      created += result.created() ? 1 : 0;
      ids.add(result.object().id());
    }
    assertEquals(1, created, "exactly one caller created the row");
    assertEquals(1, ids.size(), "every caller got the same row: " + ids);
    assertEquals(1, await(Users.objects(db).acount()));
  }

  /**
   * 64 callers upsert one new unique name at once: one row, one of them created it, all got its id,
   * and none failed. Under InnoDB's REPEATABLE READ the locking read of a missing row takes gap
   * locks on which the concurrent inserts deadlock (1213); the MySQL connections run READ
   * COMMITTED, as Django's do.
   */
  @Test
  void aupdateOrCreateIsSafeUnderConcurrency() {
    assertOneRowFor64Racers(
        () -> Users.objects(db).aupdateOrCreate(new User(null, "racer"), Users.USERNAME));
  }

  @Test
  void aupdateOrCreateUpdatesTheFoundRowOrCreatesOne() {
    User ann = user(db, "ann");
    Transaction template =
        new Transaction(null, Ref.of(ann), BigDecimal.ONE, "first", "food", null);
    Created<Transaction> made =
        await(Transactions.objects(db).aupdateOrCreate(template, USER, CATEGORY));
    assertTrue(made.created());

    Transaction change = new Transaction(null, Ref.of(ann), BigDecimal.TEN, "second", "food", null);
    Created<Transaction> updated =
        await(Transactions.objects(db).aupdateOrCreate(change, USER, CATEGORY));
    assertFalse(updated.created());
    assertEquals(made.object().id(), updated.object().id(), "the @Id is never written");
    assertEquals(
        made.object().createdAt(), updated.object().createdAt(), "a null @AutoNowAdd is kept");
    assertEquals(new BigDecimal("10.00"), updated.object().amount(), "at the column's scale");
    assertEquals("second", updated.object().description());
    Transaction stored = await(Transactions.objects(db).aget(ID.eq(made.object().id())));
    assertEquals(updated.object().description(), stored.description());
    assertEquals(updated.object(), stored, "the returned record is the stored row");
    assertEquals(made.object().createdAt(), stored.createdAt());
    assertEquals(1, await(Transactions.objects(db).acount()));

    Instant moved = Instant.parse("2021-06-01T00:00:00Z");
    Transaction redate = new Transaction(null, Ref.of(ann), BigDecimal.TEN, "third", "food", moved);
    await(Transactions.objects(db).aupdateOrCreate(redate, USER, CATEGORY));
    assertEquals(
        moved,
        await(Transactions.objects(db).aget(ID.eq(made.object().id()))).createdAt(),
        "a given @AutoNowAdd is written");
  }

  @Test
  void aupdateOrCreateLocksTheRowItUpdates() {
    String lockQuery = backend().lockProbe();
    assumeTrue(
        lockQuery != null,
        backend().name()
            + " has no row locks (a transaction holds the database's one write lock): skipped");
    User ann = user(db, "ann");
    // Inside an open transaction, aupdateOrCreate has selected the row FOR UPDATE (and, the
    // template holding nothing but the lookup, updated nothing); another connection that asks
    // for a conflicting lock without waiting must be refused.
    String refusal =
        await(
            db.atomic(
                t ->
                    Users.objects(t)
                        .aupdateOrCreate(new User(null, "ann"), Users.USERNAME)
                        .compose(
                            found -> {
                              assertFalse(found.created());
                              return vertx.executeBlocking(
                                  () -> {
                                    try {
                                      backend().sql(lockQuery, ann.id());
                                      return "the row was free";
                                    } catch (AssertionError e) {
                                      return String.valueOf(e.getCause());
                                    }
                                  });
                            })));
    assertNotEquals("the row was free", refusal, "the row is locked until the block ends");
    assertTrue(refusal.toLowerCase(java.util.Locale.ROOT).contains("lock"), refusal);
    assertEquals(
        List.of(List.of(ann.id())), backend().sql(lockQuery, ann.id()), "released after commit");
  }

  @Test
  void everyTerminalMethodFailsAfterClose() {
    User ann = user(db, "ann");
    await(db.close());
    TransactionQuerySet all = Transactions.objects(db);
    failure(all.aall(), IllegalStateException.class);
    failure(all.acount(), IllegalStateException.class);
    failure(all.aexists(), IllegalStateException.class);
    failure(all.afirst(), IllegalStateException.class);
    failure(all.alast(), IllegalStateException.class);
    failure(all.aget(ID.eq(1L)), IllegalStateException.class);
    failure(
        all.acreate(new Transaction(null, Ref.of(ann), BigDecimal.ONE, "x", "x", null)),
        IllegalStateException.class);
    failure(all.aupdate(CATEGORY.set("x")), IllegalStateException.class);
    failure(all.adelete(), IllegalStateException.class);
    failure(all.alatest(CREATED_AT), IllegalStateException.class);
    failure(all.aearliest(CREATED_AT), IllegalStateException.class);
    failure(Users.objects(db).acontains(ann), IllegalStateException.class);
    failure(all.ainBulk(List.of(1L)), IllegalStateException.class);
    failure(all.ainBulk(List.of()), IllegalStateException.class);
    failure(all.aexplain(), IllegalStateException.class);
    failure(all.abulkCreate(List.of()), IllegalStateException.class);
    failure(all.abulkUpdate(List.of(), CATEGORY), IllegalStateException.class);
    failure(all.aaggregate(AMOUNT.sum()), IllegalStateException.class);
    failure(all.values(CATEGORY).aall(), IllegalStateException.class);
    failure(Users.objects(db).agetOrCreate(ann, Users.USERNAME), IllegalStateException.class);
    failure(Users.objects(db).aupdateOrCreate(ann, Users.USERNAME), IllegalStateException.class);
    failure(db.atomic(t -> Users.objects(t).acount()), IllegalStateException.class);
    await(db.close()); // closing twice is harmless
  }

  @Test
  void latestFirstListOfTheSpec() {
    User ann = user(db, "ann");
    for (int i = 0; i < 60; i++) {
      tx(db, ann, "1.00", "t" + i, "x");
    }
    tx(db, user(db, "bob"), "1.00", "other", "x");
    List<Transaction> page =
        await(
            Transactions.objects(db)
                .filter(USER.eq(ann))
                .orderBy(CREATED_AT.desc(), ID.desc())
                .limit(50)
                .aall());
    assertEquals(50, page.size());
    assertEquals("t59", page.get(0).description());
    assertEquals("t10", page.get(49).description());
  }

  @Test
  void valuesThatTheColumnCannotHoldExactlyAreRefusedOnEveryBackend() {
    User ann = user(db, "ann");
    assertEquals(new BigDecimal("3.50"), tx(db, ann, "3.5", "scaled", "x").amount());
    assertEquals(new BigDecimal("3.50"), tx(db, ann, "3.500", "zeros", "x").amount());
    Transaction tooMuch =
        new Transaction(
            null, Ref.of(ann), new BigDecimal("123456789.005"), "d".repeat(201), "x", null);
    assertEquals(
        List.of(
            new FieldError(
                "amount", "max_digits", "Ensure that there are no more than 10 digits in total."),
            new FieldError(
                "description",
                "max_length",
                "Ensure this value has at most 200 characters (it has 201).")),
        Transactions.validate(tooMuch));
    ValidationException refused =
        failure(Transactions.objects(db).acreate(tooMuch), ValidationException.class);
    assertEquals(Transactions.validate(tooMuch), refused.errors());
    assertEquals(
        "max_decimal_places",
        failure(
                Transactions.objects(db)
                    .acreate(
                        new Transaction(
                            null, Ref.of(ann), new BigDecimal("1.005"), "x", "x", null)),
                ValidationException.class)
            .errors()
            .get(0)
            .code());
    assertEquals(
        "max_whole_digits",
        failure(
                Transactions.objects(db)
                    .acreate(
                        new Transaction(
                            null, Ref.of(ann), new BigDecimal("123456789"), "x", "x", null)),
                ValidationException.class)
            .errors()
            .get(0)
            .code());
    // Characters, not UTF-16 units: 50 emoji fit a varchar(50).
    String emoji = "🎉".repeat(50);
    assertEquals(emoji, tx(db, ann, "1.00", "party", emoji).category());
    failure(
        Transactions.objects(db).aupdate(AMOUNT.set(new BigDecimal("0.001"))),
        ValidationException.class);
    failure(
        Transactions.objects(db).aupdate(CATEGORY.set("c".repeat(51))), ValidationException.class);
    failure(
        Transactions.objects(db)
            .aupdateOrCreate(
                new Transaction(null, Ref.of(ann), BigDecimal.ONE, "x", "c".repeat(51), null),
                USER),
        ValidationException.class);
    assertEquals(3, await(Transactions.objects(db).acount()));
    assertEquals(
        List.of(),
        Transactions.validate(new Transaction(null, Ref.of(ann), BigDecimal.ONE, "", "", null)));
  }

  @Test
  void textEveryDatabaseCannotStoreAsItIsIsRefused() {
    User ann = user(db, "ann");
    Transaction nul = new Transaction(null, Ref.of(ann), BigDecimal.ONE, "a\u0000b", "x", null);
    assertEquals(
        "null_characters_not_allowed",
        failure(Transactions.objects(db).acreate(nul), ValidationException.class)
            .errors()
            .get(0)
            .code());
    Transaction broken =
        new Transaction(null, Ref.of(ann), BigDecimal.ONE, "half \uD83C emoji", "x", null);
    assertEquals("invalid_text", Transactions.validate(broken).get(0).code());
    assertEquals(0, await(Transactions.objects(db).acount()));
  }

  @Test
  void aupdateTakesAssignmentsBuiltAtRunTime() {
    User ann = user(db, "ann");
    Transaction t = tx(db, ann, "1.00", "a", "food");
    List<dev.asyncmodel.Assignment<Transaction>> changes = new ArrayList<>();
    changes.add(CATEGORY.set("rent"));
    changes.add(AMOUNT.set(new BigDecimal("2.50")));
    assertEquals(1, await(Transactions.objects(db).filter(ID.eq(t.id())).aupdate(changes)));
    Transaction read = await(Transactions.objects(db).aget(ID.eq(t.id())));
    assertEquals("rent", read.category());
    assertEquals(new BigDecimal("2.50"), read.amount());
    failure(Transactions.objects(db).aupdate(List.of()), IllegalArgumentException.class);
    assertTrue(db.toString().startsWith("Database[" + backend().name()), db.toString());
  }

  /** A transaction of {@code user}'s created at {@code at}. */
  private Transaction dated(User user, String amount, String description, Instant at) {
    return await(
        Transactions.objects(db)
            .acreate(
                new Transaction(null, Ref.of(user), new BigDecimal(amount), description, "x", at)));
  }

  @Test
  void alatestAndAearliestGetTheRowWithTheGreatestOrLeastValue() {
    TransactionQuerySet all = Transactions.objects(db);
    DoesNotExistException none = failure(all.alatest(CREATED_AT), DoesNotExistException.class);
    assertEquals("Transaction", none.model());
    assertEquals("Transaction matching query does not exist.", none.getMessage());
    failure(all.aearliest(CREATED_AT), DoesNotExistException.class);

    User ann = user(db, "ann");
    User bob = user(db, "bob");
    Instant t0 = Instant.parse("2024-03-01T10:00:00Z");
    Transaction middle = dated(ann, "9.00", "middle", t0);
    Transaction oldest = dated(ann, "1.00", "oldest", t0.minusSeconds(3600));
    Transaction newest = dated(bob, "5.00", "newest", t0.plusSeconds(60));
    Transaction bobsOldest = dated(bob, "2.00", "bob's oldest", t0.minusSeconds(60));

    assertEquals(newest, await(all.alatest(CREATED_AT)));
    assertEquals(oldest, await(all.aearliest(CREATED_AT)));
    assertEquals(middle, await(all.alatest(AMOUNT)));
    assertEquals(oldest, await(all.aearliest(AMOUNT)));
    // The QuerySet's filters apply; its ordering is replaced.
    TransactionQuerySet anns = all.filter(USER.eq(ann)).orderBy(AMOUNT.asc());
    assertEquals(middle, await(anns.alatest(CREATED_AT)));
    assertEquals(oldest, await(anns.aearliest(CREATED_AT)));
    assertEquals(bobsOldest, await(all.filter(USER.eq(bob)).aearliest(CREATED_AT)));
    failure(all.filter(CATEGORY.eq("none")).alatest(CREATED_AT), DoesNotExistException.class);
    failure(all.filter(CATEGORY.eq("none")).aearliest(CREATED_AT), DoesNotExistException.class);

    // As in Django, a slice cannot be reordered.
    IllegalStateException sliced =
        failure(all.limit(2).alatest(CREATED_AT), IllegalStateException.class);
    assertTrue(sliced.getMessage().contains("slice"), sliced.getMessage());
    failure(all.offset(1).aearliest(CREATED_AT), IllegalStateException.class);
  }

  @Test
  void alatestAndAearliestBreakTiesWithTheNextFields() {
    User ann = user(db, "ann");
    Instant t1 = Instant.parse("2024-03-01T10:00:00Z");
    Instant t2 = t1.plusSeconds(1);
    Transaction earlyBig = dated(ann, "9.00", "early big", t1);
    Transaction earlySmall = dated(ann, "2.00", "early small", t1);
    Transaction lateSmall = dated(ann, "1.00", "late small", t2);
    Transaction lateBig = dated(ann, "5.00", "late big", t2);
    Transaction earlySmallAgain = dated(ann, "2.00", "early small again", t1);
    TransactionQuerySet all = Transactions.objects(db);

    assertEquals(lateBig, await(all.alatest(CREATED_AT, AMOUNT)));
    assertEquals(earlySmall.amount(), await(all.aearliest(CREATED_AT, AMOUNT)).amount());
    // The first field decides; the next only among rows equal in it.
    assertEquals(earlyBig, await(all.alatest(AMOUNT, CREATED_AT)));
    assertEquals(lateSmall, await(all.aearliest(AMOUNT, CREATED_AT)));
    // Equal in both: the third decides.
    assertEquals(earlySmall, await(all.aearliest(CREATED_AT, AMOUNT, ID)));
    assertEquals(
        earlySmallAgain,
        await(all.filter(AMOUNT.eq(new BigDecimal("2.00"))).alatest(CREATED_AT, CATEGORY, ID)));
  }

  @Test
  void alatestAndAearliestPutNullsLastOnEveryDatabase() {
    User ann = user(db, "ann");
    Transaction t = tx(db, ann, "1.00", "t", "x");
    LocalDate january = LocalDate.of(2024, 1, 15);
    LocalDate june = LocalDate.of(2024, 6, 1);
    Review undatedLow = review(db, t, 1.0, null);
    Review januaryUnrated = review(db, t, null, january);
    Review juneRated = review(db, t, 4.0, june);
    Review juneUnrated = review(db, t, null, june);
    Review undatedHigh = review(db, t, 5.0, null);
    ReviewQuerySet all = Reviews.objects(db);

    // PostgreSQL sorts NULL above every value, MySQL and SQLite below: a plain ORDER BY would
    // give a review without a value to alatest on the one and to aearliest on the others.
    assertEquals(januaryUnrated, await(all.aearliest(Reviews.DUE)));
    assertEquals(june, await(all.alatest(Reviews.DUE)).due());
    assertEquals(undatedHigh, await(all.alatest(Reviews.RATING)));
    assertEquals(undatedLow, await(all.aearliest(Reviews.RATING)));
    // NULLs last in a field that breaks a tie too.
    assertEquals(juneRated, await(all.alatest(Reviews.DUE, Reviews.RATING)));
    assertEquals(juneRated, await(all.filter(Reviews.DUE.eq(june)).aearliest(Reviews.RATING)));
    assertEquals(
        juneUnrated,
        await(all.filter(Reviews.ID.ne(juneRated.id())).alatest(Reviews.DUE, Reviews.RATING)));
    // When no row has a value, a row without one is still the answer.
    Review undated = await(all.filter(Reviews.DUE.isNull(true)).alatest(Reviews.DUE));
    assertEquals(null, undated.due());
    assertEquals(null, await(all.filter(Reviews.DUE.isNull(true)).aearliest(Reviews.DUE)).due());
    // After reverse() the ordering runs the other way, NULLs first, as Django runs an ordering
    // given after its reverse().
    assertEquals(null, await(all.reverse().alatest(Reviews.DUE)).due());
    assertEquals(june, await(all.reverse().reverse().alatest(Reviews.DUE)).due());
  }

  @Test
  void acontainsFindsTheRecordByPrimaryKeyAmongTheFilteredRows() {
    User ann = user(db, "ann");
    Transaction food = tx(db, ann, "1.00", "food", "food");
    Transaction moreFood = tx(db, ann, "2.00", "more food", "food");
    Transaction rent = tx(db, ann, "3.00", "rent", "rent");
    TransactionQuerySet all = Transactions.objects(db);

    assertTrue(await(all.acontains(rent)));
    assertTrue(await(all.filter(CATEGORY.eq("food")).acontains(food)));
    assertFalse(await(all.filter(CATEGORY.eq("food")).acontains(rent)));
    assertFalse(await(all.exclude(ID.eq(food.id())).acontains(food)));
    assertFalse(await(all.filter(CATEGORY.eq("none")).acontains(food)));
    // Only the primary key is compared, as in Django.
    Transaction edited =
        new Transaction(food.id(), food.user(), BigDecimal.TEN, "edited", "other", null);
    assertTrue(await(all.filter(CATEGORY.eq("food")).acontains(edited)));
    await(all.filter(ID.eq(moreFood.id())).adelete());
    assertFalse(await(all.acontains(moreFood)));

    IllegalArgumentException unsaved =
        failure(
            all.acontains(new Transaction(null, Ref.of(ann), BigDecimal.ONE, "new", "x", null)),
            IllegalArgumentException.class);
    assertTrue(unsaved.getMessage().contains("unsaved"), unsaved.getMessage());
    failure(all.acontains(null), NullPointerException.class);
  }

  @Test
  void acontainsOnASliceLooksOnlyAtTheRowsOfTheSlice() {
    User ann = user(db, "ann");
    Transaction small = tx(db, ann, "1.00", "small", "food");
    Transaction middle = tx(db, ann, "2.00", "middle", "food");
    Transaction big = tx(db, ann, "3.00", "big", "rent");
    TransactionQuerySet byAmount = Transactions.objects(db).orderBy(AMOUNT.asc());

    assertTrue(await(byAmount.limit(1).acontains(small)));
    assertFalse(await(byAmount.limit(1).acontains(middle)));
    assertFalse(await(byAmount.offset(1).acontains(small)));
    assertTrue(await(byAmount.offset(1).acontains(big)));
    assertTrue(await(byAmount.offset(1).limit(1).acontains(middle)));
    assertFalse(await(byAmount.offset(1).limit(1).acontains(big)));
    assertFalse(await(byAmount.limit(0).acontains(small)));
    assertFalse(await(byAmount.offset(3).acontains(big)));
    // The ordering decides the slice, and the filters apply before it.
    assertTrue(await(byAmount.reverse().limit(1).acontains(big)));
    TransactionQuerySet topFood =
        Transactions.objects(db).filter(CATEGORY.eq("food")).orderBy(AMOUNT.desc()).limit(1);
    assertTrue(await(topFood.acontains(middle)));
    assertFalse(await(topFood.acontains(big)));
    assertFalse(await(topFood.acontains(small)));
  }

  @Test
  void ainBulkMapsEachIdFoundToItsRowInTheOrderOfTheIds() {
    User ann = user(db, "ann");
    Transaction a = tx(db, ann, "1.00", "a", "food");
    Transaction b = tx(db, ann, "2.00", "b", "rent");
    Transaction c = tx(db, ann, "3.00", "c", "food");
    TransactionQuerySet all = Transactions.objects(db);

    Map<Long, Transaction> found =
        await(all.orderBy(ID.asc()).ainBulk(List.of(c.id(), -5L, a.id(), c.id(), b.id())));
    assertEquals(List.of(c.id(), a.id(), b.id()), new ArrayList<>(found.keySet()));
    assertEquals(List.of(c, a, b), new ArrayList<>(found.values()));
    assertEquals(
        List.of(c.id(), a.id()),
        new ArrayList<>(
            await(all.filter(CATEGORY.eq("food")).ainBulk(List.of(c.id(), b.id(), a.id())))
                .keySet()));
    assertEquals(Map.of(), await(all.ainBulk(List.of())));
    assertEquals(Map.of(), await(all.ainBulk(List.of(-1L, -2L))));
    assertEquals(Map.of(), await(all.filter(CATEGORY.eq("none")).ainBulk(List.of(a.id()))));
    assertThrows(UnsupportedOperationException.class, () -> found.put(-1L, a));

    IllegalStateException sliced =
        failure(all.limit(5).ainBulk(List.of(a.id())), IllegalStateException.class);
    assertTrue(sliced.getMessage().contains("limit or offset"), sliced.getMessage());
    failure(all.offset(1).ainBulk(List.of()), IllegalStateException.class);
    List<Long> withNull = new ArrayList<>(List.of(a.id()));
    withNull.add(null);
    failure(all.ainBulk(withNull), NullPointerException.class);
  }

  /**
   * 70,000 ids: more than MySQL (65,535) or SQLite (32,766) may bind in one statement, so there
   * they are read in parts; the rows sit just before and after each boundary of a part (16,384 ids
   * on SQLite, 32,768 on MySQL) and at both ends. PostgreSQL binds them as one array.
   */
  @Test
  void ainBulkReadsAListLongerThanOneStatementMayBind() {
    User ann = user(db, "ann");
    List<Transaction> rows = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      rows.add(tx(db, ann, "1.00", "t" + i, i == 3 ? "rent" : "food"));
    }
    int[] positions = {0, 16_383, 16_384, 32_767, 32_768, 49_152, 65_536, 69_999};
    List<Long> ids = new ArrayList<>(70_000);
    for (int i = 0; i < 70_000; i++) {
      ids.add(-1L - i);
    }
    for (int k = 0; k < positions.length; k++) {
      ids.set(positions[k], rows.get(positions.length - 1 - k).id());
    }
    List<Long> expected = new ArrayList<>();
    for (int position : positions) {
      expected.add(ids.get(position));
    }
    TransactionQuerySet all = Transactions.objects(db);
    Map<Long, Transaction> found = await(all.ainBulk(ids));
    assertEquals(expected, new ArrayList<>(found.keySet()));
    for (Transaction row : rows) {
      assertEquals(row, found.get(row.id()));
    }
    // A filter binds a value of its own, beside the ids.
    List<Long> food = new ArrayList<>(expected);
    food.remove(rows.get(3).id());
    assertEquals(
        food, new ArrayList<>(await(all.filter(CATEGORY.eq("food")).ainBulk(ids)).keySet()));
  }

  @Test
  void aexplainShowsThePlanOfTheQueryWithItsValuesBound() {
    User ann = user(db, "ann");
    Transaction t = tx(db, ann, "1.00", "it's", "x");
    TransactionQuerySet all = Transactions.objects(db);

    // Inlined into the SQL, this value would end the string literal and break the statement.
    String plan =
        await(
            all.filter(DESCRIPTION.eq("it's \"quoted\" -- ;"), AMOUNT.gt(BigDecimal.ZERO))
                .orderBy(AMOUNT.desc())
                .limit(5)
                .aexplain());
    assertTrue(plan.toLowerCase(Locale.ROOT).contains("transaction"), plan);
    String byId = await(all.filter(ID.eq(t.id())).aexplain());
    String lower = byId.toLowerCase(Locale.ROOT);
    assertTrue(
        lower.contains("pkey") || lower.contains("primary"), "uses the primary key: " + byId);
    assertFalse(byId.contains("\n\n"), byId);
  }
}
