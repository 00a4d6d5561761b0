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
}
