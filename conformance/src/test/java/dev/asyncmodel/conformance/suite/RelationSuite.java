package dev.asyncmodel.conformance.suite;

import static dev.asyncmodel.conformance.fixture.Await.await;
import static dev.asyncmodel.conformance.fixture.Await.failure;
import static dev.asyncmodel.conformance.model.Transactions.AMOUNT;
import static dev.asyncmodel.conformance.model.Transactions.CATEGORY;
import static dev.asyncmodel.conformance.model.Transactions.ID;
import static dev.asyncmodel.conformance.model.Transactions.USER;
import static dev.asyncmodel.conformance.model.UserGroup.GROUPS;
import static dev.asyncmodel.conformance.suite.Fixtures.review;
import static dev.asyncmodel.conformance.suite.Fixtures.tx;
import static dev.asyncmodel.conformance.suite.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.Database;
import dev.asyncmodel.Ref;
import dev.asyncmodel.StringField;
import dev.asyncmodel.ValuesRow;
import dev.asyncmodel.conformance.fixture.ConformanceTest;
import dev.asyncmodel.conformance.fixture.StatementLog;
import dev.asyncmodel.conformance.model.Account;
import dev.asyncmodel.conformance.model.Accounts;
import dev.asyncmodel.conformance.model.Cities;
import dev.asyncmodel.conformance.model.City;
import dev.asyncmodel.conformance.model.Countries;
import dev.asyncmodel.conformance.model.Country;
import dev.asyncmodel.conformance.model.Folder;
import dev.asyncmodel.conformance.model.Folders;
import dev.asyncmodel.conformance.model.Group;
import dev.asyncmodel.conformance.model.Groups;
import dev.asyncmodel.conformance.model.Note;
import dev.asyncmodel.conformance.model.Notes;
import dev.asyncmodel.conformance.model.Profile;
import dev.asyncmodel.conformance.model.Profiles;
import dev.asyncmodel.conformance.model.Review;
import dev.asyncmodel.conformance.model.Reviews;
import dev.asyncmodel.conformance.model.Transaction;
import dev.asyncmodel.conformance.model.Transactions;
import dev.asyncmodel.conformance.model.Transfer;
import dev.asyncmodel.conformance.model.Transfers;
import dev.asyncmodel.conformance.model.User;
import dev.asyncmodel.conformance.model.UserGroups;
import dev.asyncmodel.conformance.model.Users;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Forward relations: Django's {@code select_related} and lookups across foreign keys ({@code
 * user__username}), with what Django's rules give for the same rows computed in the test from the
 * rows themselves.
 */
public abstract class RelationSuite extends ConformanceTest {
  private static final StringField<Transaction> OWNER = USER.to(Users.USERNAME);

  private User ann;
  private User amy;
  private User bob;
  private List<Transaction> all;
  private Map<Long, User> users;

  private void ledger() {
    Fixtures.Ledger ledger = Fixtures.ledger(db);
    ann = ledger.ann();
    amy = ledger.amy();
    bob = ledger.bob();
    all = ledger.all();
    users = new HashMap<>();
    for (User u : List.of(ann, amy, bob)) {
      users.put(u.id(), u);
    }
  }

  private String owner(Transaction t) {
    return users.get(t.user().id()).username();
  }

  /** What {@code body} returns, and the statements it sent. */
  private <X> X counted(List<String> log, java.util.function.Function<Database, X> body) {
    Database logging = Database.connect(vertx, StatementLog.logging(backend().url()));
    try {
      Object[] result = new Object[1];
      log.addAll(StatementLog.statements(() -> result[0] = body.apply(logging)));
      @SuppressWarnings("unchecked")
      X x = (X) result[0];
      return x;
    } finally {
      await(logging.close());
    }
  }

  @Test
  void selectRelatedLoadsEachOwnerInTheSameStatement() {
    ledger();
    List<String> log = new java.util.ArrayList<>();
    List<Transaction> rows =
        counted(
            log,
            logging ->
                await(
                    Transactions.objects(logging)
                        .selectRelated(USER)
                        .orderBy(ID.asc())
                        .limit(50)
                        .aall()));
    assertEquals(1, log.size(), String.join("\n", log));
    assertEquals(all, rows);
    for (Transaction t : rows) {
      User loaded = t.user().model().orElseThrow();
      assertEquals(users.get(t.user().id()), loaded);
    }
    // Without it, the reference holds only the id.
    assertTrue(await(Transactions.objects(db).aall()).get(0).user().model().isEmpty());
  }

  @Test
  void selectRelatedWorksForEveryTerminalThatReadsRecords() {
    ledger();
    var qs = Transactions.objects(db).selectRelated(USER);
    Transaction first = await(qs.orderBy(ID.asc()).afirst()).orElseThrow();
    assertEquals("ann", first.user().model().orElseThrow().username());
    Transaction got = await(qs.aget(ID.eq(all.get(3).id())));
    assertEquals("bob", got.user().model().orElseThrow().username());
    Transaction latest = await(qs.alatest(ID));
    assertEquals("bob", latest.user().model().orElseThrow().username());
    Map<Long, Transaction> bulk = await(qs.ainBulk(List.of(all.get(2).id())));
    assertEquals("amy", bulk.get(all.get(2).id()).user().model().orElseThrow().username());
    // Ignored where no record is read, as Django ignores it.
    assertEquals(5L, await(qs.acount()));
    assertTrue(await(qs.aexists()));
  }

  @Test
  void aChainLoadsEveryRecordAlongIt() {
    ledger();
    Review r1 = review(db, all.get(0), 4.0, null);
    Review r2 = review(db, all.get(3), 2.0, null);
    List<Review> reviews =
        await(
            Reviews.objects(db)
                .selectRelated(Reviews.TRANSACTION.to(USER))
                .orderBy(Reviews.ID.asc())
                .aall());
    assertEquals(List.of(r1, r2), reviews);
    Transaction t = reviews.get(1).transaction().model().orElseThrow();
    assertEquals(all.get(3), t);
    assertEquals(bob, t.user().model().orElseThrow());
  }

  @Test
  void aNullableKeyIsLoadedWhereItIsSetAndKeepsTheRowsWhereItIsNot() {
    Account open = await(Accounts.objects(db).acreate(new Account(null, "open")));
    Note onOpen = await(Notes.objects(db).acreate(new Note(null, Ref.of(open), "o")));
    Note loose = await(Notes.objects(db).acreate(new Note(null, null, "l")));
    List<Note> notes =
        await(Notes.objects(db).selectRelated(Notes.ACCOUNT).orderBy(Notes.ID.asc()).aall());
    assertEquals(2, notes.size());
    assertEquals(open, notes.get(0).account().model().orElseThrow());
    assertEquals(onOpen.id(), notes.get(0).id());
    assertNull(notes.get(1).account());
    assertEquals(loose.id(), notes.get(1).id());
  }

  @Test
  void twoKeysToOneTableAreJoinedTwice() {
    Account a = await(Accounts.objects(db).acreate(new Account(null, "a")));
    Account b = await(Accounts.objects(db).acreate(new Account(null, "b")));
    Transfer ab =
        await(
            Transfers.objects(db)
                .acreate(new Transfer(null, Ref.of(a), Ref.of(b), new BigDecimal("1.00"))));
    Transfer ba =
        await(
            Transfers.objects(db)
                .acreate(new Transfer(null, Ref.of(b), Ref.of(a), new BigDecimal("2.00"))));
    Transfer out =
        await(
            Transfers.objects(db)
                .acreate(new Transfer(null, Ref.of(a), null, new BigDecimal("3.00"))));
    List<Transfer> found =
        await(
            Transfers.objects(db)
                .filter(
                    Transfers.SOURCE.to(Accounts.NAME).eq("a"),
                    Transfers.TARGET.to(Accounts.NAME).eq("b"))
                .selectRelated(Transfers.SOURCE, Transfers.TARGET)
                .aall());
    assertEquals(List.of(ab), found);
    assertEquals(a, found.get(0).source().model().orElseThrow());
    assertEquals(b, Objects.requireNonNull(found.get(0).target()).model().orElseThrow());
    // exclude across the nullable key keeps the transfer without a target, as Django does.
    assertEquals(
        List.of(ba.id(), out.id()),
        await(
                Transfers.objects(db)
                    .exclude(Transfers.TARGET.to(Accounts.NAME).eq("b"))
                    .orderBy(Transfers.ID.asc())
                    .aall())
            .stream()
            .map(Transfer::id)
            .toList());
    // alatest across the nullable key: a row with a value wins, on every database.
    assertEquals(ab, await(Transfers.objects(db).alatest(Transfers.TARGET.to(Accounts.NAME))));
    // A filter that a NULL never meets joins INNER, which FOR UPDATE can lock on PostgreSQL.
    assertEquals(
        List.of(ab),
        await(
            db.atomic(
                tx ->
                    Transfers.objects(tx)
                        .filter(Transfers.TARGET.to(Accounts.NAME).eq("b"))
                        .selectForUpdate()
                        .aall())));
    // isNull across the nullable key: no target row.
    assertEquals(
        List.of(out.id()),
        await(Transfers.objects(db).filter(Transfers.TARGET.to(Accounts.NAME).isNull(true)).aall())
            .stream()
            .map(Transfer::id)
            .toList());
  }

  @Test
  void lookupsAcrossAKeyFilterExcludeAndOrder() {
    ledger();
    assertEquals(
        all.stream().filter(t -> owner(t).startsWith("a")).map(Transaction::id).sorted().toList(),
        ids(
            await(
                Transactions.objects(db).filter(OWNER.startsWith("a")).orderBy(ID.asc()).aall())));
    assertEquals(
        all.stream()
            .filter(t -> !(owner(t).equals("ann") && t.category().equals("rent")))
            .map(Transaction::id)
            .sorted()
            .toList(),
        ids(
            await(
                Transactions.objects(db)
                    .exclude(OWNER.eq("ann"), CATEGORY.eq("rent"))
                    .orderBy(ID.asc())
                    .aall())));
    // Ordered by the owner's name, then by amount, descending.
    assertEquals(
        all.stream()
            .sorted(
                Comparator.comparing(this::owner)
                    .thenComparing(Transaction::amount, Comparator.reverseOrder()))
            .map(Transaction::id)
            .toList(),
        ids(await(Transactions.objects(db).orderBy(OWNER.asc(), AMOUNT.desc()).aall())));
    assertEquals(2L, await(Transactions.objects(db).filter(OWNER.eq("bob")).acount()));
    assertFalse(await(Transactions.objects(db).filter(OWNER.eq("zoe")).aexists()));
    // A path through two keys: reviews of ann's transactions.
    Review r = review(db, all.get(1), 5.0, null);
    review(db, all.get(4), 1.0, null);
    assertEquals(
        List.of(r),
        await(
            Reviews.objects(db)
                .filter(Reviews.TRANSACTION.to(USER).to(Users.USERNAME).eq("ann"))
                .aall()));
  }

  @Test
  void valuesAndAggregatesGroupByAFieldAcrossAKey() {
    ledger();
    var total = AMOUNT.sum();
    List<ValuesRow<Transaction>> rows =
        await(Transactions.objects(db).values(OWNER, total).orderBy(OWNER.asc()).aall());
    Map<String, BigDecimal> expected = new TreeMap<>();
    for (Transaction t : all) {
      expected.merge(owner(t), t.amount(), BigDecimal::add);
    }
    Map<String, BigDecimal> actual = new TreeMap<>();
    for (ValuesRow<Transaction> row : rows) {
      actual.put(row.get(OWNER), row.get(total));
    }
    assertEquals(expected, actual);
    assertEquals(List.of("amy", "ann", "bob"), rows.stream().map(row -> row.get(OWNER)).toList());
    // Django's key for the path.
    assertEquals(
        Map.of("user__username", "amy", "amount__sum", new BigDecimal("5.00")),
        rows.get(0).toMap());
    // An aggregate of a field across a key: the longest owner name among food rows.
    assertEquals(
        java.util.Optional.of(3),
        await(
            Transactions.objects(db).filter(CATEGORY.eq("food")).aaggregate(OWNER.length().max())));
  }

  @Test
  void updateAndDeleteSelectTheirRowsAcrossAKey() {
    ledger();
    long updated =
        await(Transactions.objects(db).filter(OWNER.eq("bob")).aupdate(CATEGORY.set("moved")));
    assertEquals(2L, updated);
    assertEquals(
        List.of(all.get(3).id(), all.get(4).id()),
        ids(await(Transactions.objects(db).filter(CATEGORY.eq("moved")).orderBy(ID.asc()).aall())));
    review(db, all.get(0), 3.0, null);
    var deleted = await(Transactions.objects(db).filter(OWNER.eq("ann")).adelete());
    assertEquals(3L, deleted.count()); // two transactions and the review they cascade to
    assertEquals(
        List.of(all.get(2).id(), all.get(3).id(), all.get(4).id()),
        ids(await(Transactions.objects(db).orderBy(ID.asc()).aall())));
  }

  @Test
  void aFieldAcrossAKeyIsNeverWritten() {
    ledger();
    IllegalArgumentException e =
        failure(
            Transactions.objects(db).aupdate(Transactions.USER.to(Users.USERNAME).set("x")),
            IllegalArgumentException.class);
    assertTrue(e.getMessage().contains("user__username"), e.getMessage());
    failure(
        Transactions.objects(db)
            .aupdate(CATEGORY.setTo(Transactions.USER.to(Users.USERNAME).upper())),
        IllegalArgumentException.class);
    // Nor in an upsert: the conflict's fields are the model's own.
    failure(
        Transactions.objects(db)
            .abulkCreate(
                List.of(new Transaction(null, Ref.of(ann), BigDecimal.TEN, "x", "y", null)),
                dev.asyncmodel.BulkCreate.updateConflicts(
                    List.of(Transactions.USER.to(Users.USERNAME)), List.of(ID))),
        IllegalArgumentException.class);
    assertEquals(5L, await(Transactions.objects(db).acount()));
    assertEquals(
        List.of("amy", "ann", "bob"),
        await(Users.objects(db).orderBy(Users.USERNAME.asc()).aall()).stream()
            .map(User::username)
            .toList());
    assertEquals(
        all.stream().map(Transaction::category).toList(),
        await(Transactions.objects(db).orderBy(ID.asc()).aall()).stream()
            .map(Transaction::category)
            .toList());
  }

  private List<String> usernames(List<User> rows) {
    return rows.stream().map(User::username).toList();
  }

  private List<String> usersWhere(java.util.function.Predicate<List<Transaction>> test) {
    return List.of(ann, amy, bob).stream()
        .filter(
            u -> test.test(all.stream().filter(t -> t.user().id() == u.id().longValue()).toList()))
        .map(User::username)
        .sorted()
        .toList();
  }

  @Test
  void reverseLookupsMatchOneReferencingRowPerCallAsDjangoSays() {
    ledger();
    BigDecimal fifteen = new BigDecimal("15.00");
    // filter(transaction__amount__gt=15, transaction__category="food"): the same transaction.
    assertEquals(
        usersWhere(
            txs ->
                txs.stream()
                    .anyMatch(
                        t -> t.amount().compareTo(fifteen) > 0 && t.category().equals("food"))),
        usernames(
            await(
                Users.objects(db)
                    .filter(USER.exists(AMOUNT.gt(fifteen), CATEGORY.eq("food")))
                    .orderBy(Users.USERNAME.asc())
                    .aall())));
    // filter(transaction__amount__gt=15).filter(transaction__category="food"): maybe two rows.
    assertEquals(
        usersWhere(
            txs ->
                txs.stream().anyMatch(t -> t.amount().compareTo(fifteen) > 0)
                    && txs.stream().anyMatch(t -> t.category().equals("food"))),
        usernames(
            await(
                Users.objects(db)
                    .filter(USER.exists(AMOUNT.gt(fifteen)))
                    .filter(USER.exists(CATEGORY.eq("food")))
                    .orderBy(Users.USERNAME.asc())
                    .aall())));
    // Each user once, however many of its rows match (Django's join would repeat ann).
    assertEquals(
        List.of("amy", "ann", "bob"),
        usernames(
            await(
                Users.objects(db)
                    .filter(USER.exists(AMOUNT.gt(BigDecimal.ONE)))
                    .orderBy(Users.USERNAME.asc())
                    .aall())));
    // exclude(transaction__category="rent"): users with no rent at all.
    assertEquals(
        usersWhere(txs -> txs.stream().noneMatch(t -> t.category().equals("rent"))),
        usernames(await(Users.objects(db).exclude(USER.exists(CATEGORY.eq("rent"))).aall())));
    // Exists(OuterRef) of a QuerySet, and a user without any row.
    User zoe = user(db, "zoe");
    assertEquals(
        List.of(zoe.username()), usernames(await(Users.objects(db).exclude(USER.exists()).aall())));
    assertEquals(
        usersWhere(txs -> txs.stream().anyMatch(t -> t.description().startsWith("b"))),
        usernames(
            await(
                Users.objects(db)
                    .filter(
                        USER.exists(
                            Transactions.objects(db)
                                .filter(Transactions.DESCRIPTION.startsWith("b"))))
                    .aall())));
    assertEquals(3L, await(Users.objects(db).filter(USER.exists()).acount()));
  }

  @Test
  void aReverseLookupThroughTwoKeysAndInsideAForwardOne() {
    ledger();
    review(db, all.get(1), 5.0, null); // ann's
    review(db, all.get(3), 1.0, null); // bob's
    // Users with a transaction that has a review rated over 3: nested EXISTS.
    assertEquals(
        List.of("ann"),
        usernames(
            await(
                Users.objects(db)
                    .filter(USER.exists(Reviews.TRANSACTION.exists(Reviews.RATING.gt(3.0))))
                    .aall())));
    // The same through a path to the key: reviews whose transaction's user is the row.
    assertEquals(
        List.of("ann"),
        usernames(
            await(
                Users.objects(db)
                    .filter(Reviews.TRANSACTION.to(USER).exists(Reviews.RATING.gt(3.0)))
                    .aall())));
    // Reviewed transactions of users whose name starts with "a": EXISTS in a statement that
    // joins, correlated to the joined statement's own table.
    assertEquals(
        List.of(all.get(1).id()),
        ids(
            await(
                Transactions.objects(db)
                    .filter(OWNER.startsWith("a"), Reviews.TRANSACTION.exists())
                    .aall())));
  }

  @Test
  void deletingByAReverseLookupReadsTheKeysBeforeTheCascade() {
    ledger();
    // Users with a rent: ann and bob; deleting them cascades to their transactions first, which
    // must not change which users go.
    var deleted = await(Users.objects(db).filter(USER.exists(CATEGORY.eq("rent"))).adelete());
    assertEquals(2L + 4L, deleted.count());
    assertEquals(List.of("amy"), usernames(await(Users.objects(db).aall())));
    assertEquals(List.of(all.get(2).id()), ids(await(Transactions.objects(db).aall())));
    // And an update by one: one statement.
    assertEquals(
        1L,
        await(
            Users.objects(db)
                .filter(USER.exists(CATEGORY.eq("food")))
                .aupdate(Users.USERNAME.set("amelia"))));
    assertEquals(List.of("amelia"), usernames(await(Users.objects(db).aall())));
  }

  @Test
  void aDeleteWhoseSubqueryReadsWhatTheCascadeDeletesReadsItsKeysFirst() {
    ledger();
    review(db, all.get(1), 5.0, null); // ann's
    review(db, all.get(4), 1.0, null); // bob's
    // Transactions of users with a well-rated review: the cascade deletes the reviews first.
    var owners =
        Users.objects(db).filter(Reviews.TRANSACTION.to(USER).exists(Reviews.RATING.gt(3.0)));
    var deleted = await(Transactions.objects(db).filter(USER.in(owners)).adelete());
    assertEquals(3L, deleted.count()); // ann's two transactions and the review
    assertEquals(
        List.of(all.get(2).id(), all.get(3).id(), all.get(4).id()),
        ids(await(Transactions.objects(db).orderBy(ID.asc()).aall())));
    assertEquals(1L, await(Reviews.objects(db).acount()));
  }

  @Test
  void prefetchReadsEverySetInOneStatement() {
    ledger();
    User zoe = user(db, "zoe");
    List<User> page = await(Users.objects(db).orderBy(Users.ID.asc()).aall());
    List<String> log = new java.util.ArrayList<>();
    var sets =
        counted(
            log,
            logging ->
                await(
                    Transactions.objects(logging)
                        .filter(AMOUNT.gt(new BigDecimal("6.00")))
                        .orderBy(AMOUNT.desc())
                        .selectRelated(USER)
                        .aprefetch(USER, page)));
    assertEquals(1, log.size(), String.join("\n", log));
    for (User u : page) {
      List<Transaction> expected =
          all.stream()
              .filter(t -> t.user().id() == u.id().longValue())
              .filter(t -> t.amount().compareTo(new BigDecimal("6.00")) > 0)
              .sorted(Comparator.comparing(Transaction::amount).reversed())
              .toList();
      assertEquals(expected, sets.of(u), u.username());
      for (Transaction t : sets.of(u)) {
        assertEquals(u, t.user().model().orElseThrow());
      }
    }
    assertEquals(List.of(), sets.of(zoe));
    assertEquals(page.stream().map(User::id).toList(), List.copyOf(sets.asMap().keySet()));
    // No target, no statement.
    List<String> none = new java.util.ArrayList<>();
    counted(none, logging -> await(Transactions.objects(logging).aprefetch(USER, List.of())));
    assertEquals(List.of(), none);
  }

  @Test
  void aLongPrefetchIsChunkedWithinTheDatabasesLimit() {
    User ann = user(db, "ann");
    tx(db, ann, "1.00", "x", "food");
    // More targets than SQLite and MySQL bind in one statement: unsaved ids are fine to look for.
    List<User> many = new java.util.ArrayList<>();
    for (long id = 1; id <= 70_000; id++) {
      many.add(new User(id, "u" + id));
    }
    var sets = await(Transactions.objects(db).aprefetch(USER, many));
    assertEquals(70_000, sets.asMap().size());
    assertEquals(1, sets.of(ann).size());
    assertEquals(List.of(), sets.of(Ref.ofId(69_999L)));
  }

  @Test
  void aUniqueForeignKeyIsDjangosOneToOne() {
    ledger();
    Profile annProfile =
        await(Profiles.objects(db).acreate(new Profile(null, Ref.of(ann), "likes tea")));
    await(Profiles.objects(db).acreate(new Profile(null, Ref.of(bob), "likes maps")));
    // A second profile for one user breaks the UNIQUE constraint, and nothing is written.
    failure(
        Profiles.objects(db).acreate(new Profile(null, Ref.of(ann), "again")),
        dev.asyncmodel.IntegrityException.class);
    assertEquals(2L, await(Profiles.objects(db).acount()));
    // The reverse accessor, user.profile: at most one row, empty for a user without one.
    assertEquals(
        java.util.Optional.of(annProfile),
        await(Profiles.objects(db).agetOptional(Profiles.USER.eq(ann))));
    assertEquals(
        java.util.Optional.empty(),
        await(Profiles.objects(db).agetOptional(Profiles.USER.eq(amy))));
    // Both ways across it: profiles by their user's name, users by their profile.
    assertEquals(
        List.of(annProfile),
        await(Profiles.objects(db).filter(Profiles.USER.to(Users.USERNAME).eq("ann")).aall()));
    assertEquals(
        List.of("ann"),
        usernames(
            await(
                Users.objects(db)
                    .filter(Profiles.USER.exists(Profiles.BIO.contains("tea")))
                    .aall())));
    // selectRelated from the profile, and a prefetch of at most one per user.
    Profile loaded =
        await(
            Profiles.objects(db)
                .selectRelated(Profiles.USER)
                .aget(Profiles.ID.eq(annProfile.id())));
    assertEquals(ann, loaded.user().model().orElseThrow());
    var sets = await(Profiles.objects(db).aprefetch(Profiles.USER, List.of(ann, amy, bob)));
    assertEquals(List.of(annProfile), sets.of(ann));
    assertEquals(List.of(), sets.of(amy));
    // Deleting the user deletes its profile, as on_delete=CASCADE does.
    await(Users.objects(db).filter(Users.ID.eq(ann.id())).adelete());
    assertEquals(1L, await(Profiles.objects(db).acount()));
  }

  @Test
  void aManyToManyThroughItsLinksTable() {
    ledger();
    Group admins = await(Groups.objects(db).acreate(new Group(null, "admins")));
    Group editors = await(Groups.objects(db).acreate(new Group(null, "editors")));
    Group readers = await(Groups.objects(db).acreate(new Group(null, "readers")));
    assertEquals(2, await(GROUPS.aadd(db, ann, List.of(admins, editors, admins))));
    assertEquals(0, await(GROUPS.aadd(db, ann, List.of(editors))));
    assertEquals(1, await(GROUPS.aadd(db, bob, List.of(readers))));
    assertEquals(0, await(GROUPS.aadd(db, amy, List.of())));
    assertEquals(3L, await(UserGroups.objects(db).acount()));
    // user.groups.all(), ordered as any QuerySet.
    assertEquals(
        List.of(editors, admins),
        await(Groups.objects(db).filter(GROUPS.of(ann)).orderBy(Groups.NAME.desc()).aall()));
    // filter(groups__name__in=...) and the same-row rule: one group must match both.
    assertEquals(
        List.of("ann"),
        usernames(
            await(
                Users.objects(db)
                    .filter(GROUPS.has(Groups.NAME.startsWith("e"), Groups.NAME.endsWith("s")))
                    .aall())));
    assertEquals(
        List.of(),
        usernames(
            await(
                Users.objects(db)
                    .filter(GROUPS.has(Groups.NAME.eq("admins"), Groups.NAME.eq("readers")))
                    .aall())));
    assertEquals(List.of("amy"), usernames(await(Users.objects(db).exclude(GROUPS.has()).aall())));
    // The links' keys are NOT NULL, as in Django's tables.
    IllegalArgumentException nullable =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () ->
                dev.asyncmodel.ManyToMany.through(
                    Transfers.SOURCE, Transfers.TARGET, (a, b) -> null));
    assertTrue(nullable.getMessage().contains("nullable"), nullable.getMessage());
    // The other side: group.user_set.
    assertEquals(
        List.of("bob"),
        usernames(await(Users.objects(db).filter(GROUPS.reversed().of(readers)).aall())));
    // Every user's groups in one statement.
    List<String> log = new java.util.ArrayList<>();
    var sets = counted(log, logging -> await(GROUPS.aprefetch(logging, List.of(ann, amy, bob))));
    assertEquals(1, log.size(), String.join("\n", log));
    assertEquals(List.of(admins, editors), sets.of(ann));
    assertEquals(List.of(), sets.of(amy));
    assertEquals(List.of(readers), sets.of(bob));
    // set keeps what stays, removes and adds the rest; a user's deletion removes its links.
    assertEquals(
        List.of(editors.id(), readers.id()),
        await(GROUPS.aset(db, ann, List.of(editors, readers))));
    assertEquals(
        List.of(editors, readers),
        await(Groups.objects(db).filter(GROUPS.of(ann)).orderBy(Groups.ID.asc()).aall()));
    await(Users.objects(db).filter(Users.ID.eq(ann.id())).adelete());
    assertEquals(1L, await(UserGroups.objects(db).acount()));
    assertEquals(1L, await(GROUPS.aclear(db, bob)));
    assertEquals(0L, await(UserGroups.objects(db).acount()));
    assertEquals(3L, await(Groups.objects(db).acount()));
  }

  @Test
  void anIntegerKeyIsDjangosAutoField() {
    assertEquals(
        List.of(
            backend().name().equals("mysql") ? "int(11)" : "integer",
            backend().name().equals("mysql") ? "int(11)" : "integer"),
        backend().columnTypes("city").subList(0, 2).stream()
            .map(t -> t.toLowerCase(java.util.Locale.ROOT))
            .map(t -> t.equals("int") ? "int(11)" : t)
            .toList(),
        "an Integer id and a key to one are integer columns");
    Country france = await(Countries.objects(db).acreate(new Country(null, "France")));
    Country spain = await(Countries.objects(db).acreate(new Country(null, "Spain")));
    assertEquals(Integer.class, france.id().getClass());
    List<Country> more =
        await(
            Countries.objects(db)
                .abulkCreate(List.of(new Country(null, "Italy"), new Country(null, "Peru"))));
    assertEquals(
        List.of(Integer.class, Integer.class), more.stream().map(c -> c.id().getClass()).toList());
    assertEquals(
        more,
        await(
            Countries.objects(db)
                .filter(Countries.ID.in(List.of(more.get(0).id(), more.get(1).id())))
                .orderBy(Countries.ID.asc())
                .aall()));
    City paris = await(Cities.objects(db).acreate(new City(null, Ref.of(france), "Paris")));
    City lyon = await(Cities.objects(db).acreate(new City(null, Ref.of(france), "Lyon")));
    City madrid = await(Cities.objects(db).acreate(new City(null, Ref.of(spain), "Madrid")));
    assertEquals(france, await(Countries.objects(db).aget(Countries.ID.eq(france.id()))));
    assertEquals(
        Map.of(france.id().longValue(), france),
        await(Countries.objects(db).ainBulk(List.of(france.id().longValue()))));
    assertTrue(await(Countries.objects(db).limit(5).acontains(spain)));
    // Across the key, both ways, loaded and prefetched.
    assertEquals(
        List.of(lyon, paris),
        await(
            Cities.objects(db)
                .filter(Cities.COUNTRY.to(Countries.NAME).eq("France"))
                .orderBy(Cities.NAME.asc())
                .aall()));
    assertEquals(
        List.of(spain),
        await(
            Countries.objects(db).filter(Cities.COUNTRY.exists(Cities.NAME.eq("Madrid"))).aall()));
    City loaded =
        await(Cities.objects(db).selectRelated(Cities.COUNTRY).aget(Cities.ID.eq(madrid.id())));
    assertEquals(spain, loaded.country().model().orElseThrow());
    assertEquals(
        List.of(paris, lyon),
        await(
                Cities.objects(db)
                    .orderBy(Cities.ID.asc())
                    .aprefetch(Cities.COUNTRY, List.of(france)))
            .of(france));
    // get_or_create, update and a cascading delete by an Integer key.
    var created =
        await(Countries.objects(db).agetOrCreate(new Country(null, "Spain"), Countries.NAME));
    assertEquals(spain, created.object());
    assertEquals(
        1L,
        await(
            Countries.objects(db)
                .filter(Countries.ID.eq(spain.id()))
                .aupdate(Countries.NAME.set("España"))));
    var deleted = await(Countries.objects(db).filter(Countries.ID.eq(france.id())).adelete());
    assertEquals(3L, deleted.count());
    assertEquals(List.of(madrid), await(Cities.objects(db).aall()));
  }

  @Test
  void deletingFromATreeSelectsItsRowsBeforeTheChildrenAreDetached() {
    Folder root = await(Folders.objects(db).acreate(new Folder(null, null, "root")));
    Folder child = await(Folders.objects(db).acreate(new Folder(null, Ref.of(root), "child")));
    Folder leaf = await(Folders.objects(db).acreate(new Folder(null, Ref.of(child), "leaf")));
    // Django collects the roots first: the child loses its parent and stays.
    var deleted = await(Folders.objects(db).filter(Folders.PARENT.isNull(true)).adelete());
    assertEquals(1L, deleted.count());
    assertEquals(
        List.of(new Folder(child.id(), null, "child"), leaf),
        await(Folders.objects(db).orderBy(Folders.ID.asc()).aall()));
    // The same across the key to itself, which MySQL reads through a derived table.
    await(Folders.objects(db).filter(Folders.PARENT.to(Folders.NAME).eq("child")).adelete());
    assertEquals(
        List.of("child"), await(Folders.objects(db).aall()).stream().map(Folder::name).toList());
  }

  @Test
  void aggregatesOfTheReferencingRowsAreValuesOfEachRow() {
    ledger();
    User zoe = user(db, "zoe");
    review(db, all.get(0), 4.0, null);
    review(db, all.get(0), 2.0, null);
    review(db, all.get(3), 5.0, null);
    // Users with more than one transaction: Django's annotate(n=Count(...)).filter(n__gt=1).
    assertEquals(
        List.of("ann", "bob"),
        usernames(
            await(
                Users.objects(db)
                    .filter(USER.count().gt(1L))
                    .orderBy(Users.USERNAME.asc())
                    .aall())));
    // Each user's food count and total, zero and empty where nothing references it.
    var food = USER.count(CATEGORY.eq("food"));
    var total = USER.sum(AMOUNT);
    List<ValuesRow<User>> rows =
        await(
            Users.objects(db)
                .values(Users.USERNAME, food, total)
                .orderBy(food.desc(), Users.USERNAME.asc())
                .aall());
    List<String> expected = new java.util.ArrayList<>();
    for (User u : List.of(ann, amy, bob, zoe)) {
      List<Transaction> mine =
          all.stream().filter(t -> t.user().id() == u.id().longValue()).toList();
      long foodCount = mine.stream().filter(t -> t.category().equals("food")).count();
      BigDecimal sum =
          mine.isEmpty()
              ? null
              : mine.stream().map(Transaction::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
      expected.add(u.username() + " " + foodCount + " " + sum);
    }
    expected.sort(
        Comparator.comparing((String line) -> -Long.parseLong(line.split(" ")[1]))
            .thenComparing(line -> line.split(" ")[0]));
    assertEquals(
        expected,
        rows.stream()
            .map(r -> r.get(Users.USERNAME) + " " + r.get(food) + " " + r.get(total))
            .toList());
    assertEquals(
        Map.of("username", "zoe", "transaction__count", 0L, "transaction__amount__sum", "null"),
        rows.get(rows.size() - 1).toMap().entrySet().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    Map.Entry::getKey, e -> e.getValue() == null ? "null" : e.getValue())));
    // Max, min and avg: the latest transaction first, a user without one last.
    var last = USER.max(Transactions.CREATED_AT);
    List<String> byLast =
        usernames(await(Users.objects(db).orderBy(last.desc().nullsLast()).aall()));
    List<String> expectedByLast =
        all.stream()
            .sorted(Comparator.comparing(Transaction::createdAt).reversed())
            .map(this::owner)
            .distinct()
            .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
    expectedByLast.add("zoe");
    assertEquals(expectedByLast, byLast);
    var biggest = USER.max(AMOUNT);
    var smallest = USER.min(AMOUNT, CATEGORY.eq("food"));
    var average = USER.avg(AMOUNT);
    List<ValuesRow<User>> stats =
        await(
            Users.objects(db)
                .values(Users.USERNAME, biggest, smallest, average)
                .orderBy(Users.USERNAME.asc())
                .aall());
    List<String> expectedStats = new java.util.ArrayList<>();
    for (User u : List.of(amy, ann, bob, zoe)) {
      List<BigDecimal> amounts =
          all.stream()
              .filter(t -> t.user().id() == u.id().longValue())
              .map(Transaction::amount)
              .toList();
      List<BigDecimal> foodAmounts =
          all.stream()
              .filter(t -> t.user().id() == u.id().longValue() && t.category().equals("food"))
              .map(Transaction::amount)
              .toList();
      expectedStats.add(
          u.username()
              + " "
              + amounts.stream().max(Comparator.naturalOrder()).orElse(null)
              + " "
              + foodAmounts.stream().min(Comparator.naturalOrder()).orElse(null)
              + " "
              + (amounts.isEmpty()
                  ? null
                  : amounts.stream()
                      .reduce(BigDecimal.ZERO, BigDecimal::add)
                      .divide(
                          BigDecimal.valueOf(amounts.size()),
                          6,
                          java.math.RoundingMode.HALF_EVEN)));
    }
    assertEquals(
        expectedStats,
        stats.stream()
            .map(
                r ->
                    r.get(Users.USERNAME)
                        + " "
                        + r.get(biggest)
                        + " "
                        + r.get(smallest)
                        + " "
                        + r.get(average))
            .toList());
    // Nested: users by the reviews of their transactions.
    assertEquals(
        List.of("ann"),
        usernames(
            await(Users.objects(db).filter(USER.sum(Reviews.TRANSACTION.count()).gt(1L)).aall())));
  }

  private static List<Long> ids(List<Transaction> rows) {
    return rows.stream().map(Transaction::id).toList();
  }
}
