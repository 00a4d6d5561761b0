package dev.asyncmodel.conformance.suite;

import static dev.asyncmodel.conformance.fixture.Await.await;
import static dev.asyncmodel.conformance.model.Transactions.AMOUNT;
import static dev.asyncmodel.conformance.model.Transactions.CATEGORY;
import static dev.asyncmodel.conformance.model.Transactions.ID;
import static dev.asyncmodel.conformance.model.Transactions.USER;
import static dev.asyncmodel.conformance.suite.Fixtures.review;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.asyncmodel.Ref;
import dev.asyncmodel.conformance.fixture.ConformanceTest;
import dev.asyncmodel.conformance.model.Account;
import dev.asyncmodel.conformance.model.Accounts;
import dev.asyncmodel.conformance.model.Note;
import dev.asyncmodel.conformance.model.Notes;
import dev.asyncmodel.conformance.model.Review;
import dev.asyncmodel.conformance.model.Reviews;
import dev.asyncmodel.conformance.model.Transaction;
import dev.asyncmodel.conformance.model.TransactionQuerySet;
import dev.asyncmodel.conformance.model.Transactions;
import dev.asyncmodel.conformance.model.User;
import dev.asyncmodel.conformance.model.UserQuerySet;
import dev.asyncmodel.conformance.model.Users;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Django's {@code filter(fk__in=QuerySet)}: a foreign key tested against the rows of another
 * QuerySet in one statement, with that QuerySet's filters and slice.
 */
public abstract class SubquerySuite extends ConformanceTest {
  private User ann;
  private User amy;
  private User bob;
  private List<Transaction> all;

  private void ledger() {
    Fixtures.Ledger ledger = Fixtures.ledger(db);
    ann = ledger.ann();
    amy = ledger.amy();
    bob = ledger.bob();
    all = ledger.all();
  }

  private static List<Long> ids(List<Transaction> rows) {
    return rows.stream().map(Transaction::id).sorted().toList();
  }

  private List<Long> idsOf(TransactionQuerySet qs) {
    return ids(await(qs.aall()));
  }

  private List<Long> idsWhere(Set<Long> users) {
    return ids(all.stream().filter(t -> users.contains(t.user().id())).toList());
  }

  private UserQuerySet usersStartingWithA() {
    return Users.objects(db).filter(Users.USERNAME.startsWith("a"));
  }

  @Test
  void aForeignKeyInAQuerySetIsOneStatementWithItsFilters() {
    ledger();
    assertEquals(
        idsWhere(Set.of(ann.id(), amy.id())),
        idsOf(Transactions.objects(db).filter(USER.in(usersStartingWithA()))));
    // Values before, inside and after the subquery keep their places.
    assertEquals(
        ids(
            all.stream()
                .filter(t -> t.user().id() != bob.id().longValue())
                .filter(
                    t -> t.category().equals("food") && t.amount().compareTo(BigDecimal.ONE) > 0)
                .toList()),
        idsOf(
            Transactions.objects(db)
                .filter(
                    AMOUNT.gt(BigDecimal.ONE),
                    USER.in(usersStartingWithA()),
                    CATEGORY.eq("food"))));
    assertEquals(
        List.of(),
        idsOf(
            Transactions.objects(db)
                .filter(USER.in(Users.objects(db).filter(Users.USERNAME.eq("nobody"))))));
    assertEquals(
        3L, await(Transactions.objects(db).filter(USER.in(usersStartingWithA())).acount()));
  }

  @Test
  void excludeOfASubquery() {
    ledger();
    assertEquals(
        idsWhere(Set.of(bob.id())),
        idsOf(Transactions.objects(db).exclude(USER.in(usersStartingWithA()))));
    // A nullable key: exclude keeps the rows without a reference, as Django does.
    Account open = await(Accounts.objects(db).acreate(new Account(null, "open")));
    Account closed = await(Accounts.objects(db).acreate(new Account(null, "closed")));
    Note onOpen = await(Notes.objects(db).acreate(new Note(null, Ref.of(open), "o")));
    Note onClosed = await(Notes.objects(db).acreate(new Note(null, Ref.of(closed), "c")));
    Note loose = await(Notes.objects(db).acreate(new Note(null, null, "l")));
    var closedAccounts = Accounts.objects(db).filter(Accounts.NAME.eq("closed"));
    assertEquals(
        Set.of(onClosed.id()),
        await(Notes.objects(db).filter(Notes.ACCOUNT.in(closedAccounts)).aall()).stream()
            .map(Note::id)
            .collect(Collectors.toSet()));
    assertEquals(
        Set.of(onOpen.id(), loose.id()),
        await(Notes.objects(db).exclude(Notes.ACCOUNT.in(closedAccounts)).aall()).stream()
            .map(Note::id)
            .collect(Collectors.toSet()));
  }

  @Test
  void aSlicedQuerySetIsReadWithItsOrderingAndSlice() {
    ledger();
    // Users by username descending: bob, ann, amy; the second and third.
    UserQuerySet middleAndLast =
        Users.objects(db).orderBy(Users.USERNAME.desc()).offset(1).limit(2);
    assertEquals(
        idsWhere(Set.of(ann.id(), amy.id())),
        idsOf(Transactions.objects(db).filter(USER.in(middleAndLast))));
    UserQuerySet first = Users.objects(db).orderBy(Users.USERNAME.asc()).limit(1);
    assertEquals(
        idsWhere(Set.of(amy.id())),
        idsOf(Transactions.objects(db).filter(USER.in(first), AMOUNT.gt(BigDecimal.ZERO))));
  }

  @Test
  void subqueriesNestAndWorkInUpdatesAndDeletes() {
    ledger();
    Review r1 = review(db, all.get(0), 4.0, null);
    review(db, all.get(3), 2.0, null);
    Review r3 = review(db, all.get(2), null, null);
    // Reviews of transactions of users whose name starts with "a": two levels.
    assertEquals(
        Set.of(r1.id(), r3.id()),
        await(
                Reviews.objects(db)
                    .filter(
                        Reviews.TRANSACTION.in(
                            Transactions.objects(db).filter(USER.in(usersStartingWithA()))))
                    .aall())
            .stream()
            .map(Review::id)
            .collect(Collectors.toSet()));
    assertEquals(
        2L,
        await(
            Transactions.objects(db)
                .filter(USER.in(Users.objects(db).filter(Users.USERNAME.eq("bob"))))
                .aupdate(CATEGORY.set("bob's"))));
    assertEquals(2L, await(Transactions.objects(db).filter(CATEGORY.eq("bob's")).acount()));
    assertEquals(
        3L,
        await(Transactions.objects(db).filter(USER.in(usersStartingWithA())).adelete())
            .perModel()
            .get("Transaction"));
    assertEquals(idsWhere(Set.of(bob.id())), idsOf(Transactions.objects(db).orderBy(ID.asc())));
  }
}
