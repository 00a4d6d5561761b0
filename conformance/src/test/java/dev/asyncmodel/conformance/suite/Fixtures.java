package dev.asyncmodel.conformance.suite;

import static dev.asyncmodel.conformance.fixture.Await.await;

import dev.asyncmodel.Database;
import dev.asyncmodel.Ref;
import dev.asyncmodel.conformance.model.Review;
import dev.asyncmodel.conformance.model.Reviews;
import dev.asyncmodel.conformance.model.Transaction;
import dev.asyncmodel.conformance.model.Transactions;
import dev.asyncmodel.conformance.model.User;
import dev.asyncmodel.conformance.model.Users;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Rows the suites create through asyncmodel itself. */
final class Fixtures {
  private Fixtures() {}

  static User user(Database db, String username) {
    return await(Users.objects(db).acreate(new User(null, username)));
  }

  static Transaction tx(
      Database db, User user, String amount, String description, String category) {
    return await(
        Transactions.objects(db)
            .acreate(
                new Transaction(
                    null, Ref.of(user), new BigDecimal(amount), description, category, null)));
  }

  static Review review(
      Database db, Transaction transaction, @Nullable Double rating, @Nullable LocalDate due) {
    return await(Reviews.objects(db).acreate(new Review(null, Ref.of(transaction), rating, due)));
  }

  /** Three users and five transactions: the ledger the relation suites query. */
  record Ledger(User ann, User amy, User bob, List<Transaction> all) {}

  /**
   * @param db where to create it
   * @return ann's two transactions (food 10.00, rent 20.00), amy's one (food 5.00) and bob's two
   *     (food 7.00, rent 30.00), in that order
   */
  static Ledger ledger(Database db) {
    User ann = user(db, "ann");
    User amy = user(db, "amy");
    User bob = user(db, "bob");
    return new Ledger(
        ann,
        amy,
        bob,
        List.of(
            tx(db, ann, "10.00", "a1", "food"),
            tx(db, ann, "20.00", "a2", "rent"),
            tx(db, amy, "5.00", "m1", "food"),
            tx(db, bob, "7.00", "b1", "food"),
            tx(db, bob, "30.00", "b2", "rent")));
  }
}
