package dev.asyncmodel.conformance.postgresql;

import static dev.asyncmodel.conformance.fixture.Await.await;
import static dev.asyncmodel.conformance.model.Transactions.AMOUNT;
import static dev.asyncmodel.conformance.model.Transactions.CREATED_AT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.asyncmodel.Aggregate;
import dev.asyncmodel.DateTimeExpression;
import dev.asyncmodel.Ref;
import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.PostgresBackend;
import dev.asyncmodel.conformance.model.Transaction;
import dev.asyncmodel.conformance.model.Transactions;
import dev.asyncmodel.conformance.model.User;
import dev.asyncmodel.conformance.model.Users;
import dev.asyncmodel.conformance.suite.ExpressionSuite;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The expression suite on PostgreSQL. */
class PostgresExpressionTest extends ExpressionSuite {
  @Override
  protected Backend backend() {
    return PostgresBackend.get();
  }

  /**
   * A {@code timestamp with time zone} is read in the session's time zone: the transforms must not
   * depend on it. The database's default zone is set to UTC+14 for the connections this test opens.
   */
  @Test
  void transformsAreInUtcWhateverTheSessionTimeZone() {
    setTimeZone("Pacific/Kiritimati");
    try {
      User ann = await(Users.objects(db).acreate(new User(null, "ann")));
      Instant lastOfJanuary = Instant.parse("2026-01-31T20:00:00Z"); // Feb 1st, 10:00 at UTC+14
      await(
          Transactions.objects(db)
              .acreate(
                  new Transaction(
                      null, Ref.of(ann), new BigDecimal("1.00"), "late", "x", lastOfJanuary)));
      // The connections of this test's Database read timestamps at UTC+14.
      assertEquals(
          "Pacific/Kiritimati",
          await(
                  Transactions.objects(db)
                      .raw(
                          "SELECT id, user_id, amount, current_setting('TimeZone') AS description,"
                              + " category, created_at FROM transaction")
                      .aall())
              .get(0)
              .description());
      assertEquals(1L, await(Transactions.objects(db).filter(CREATED_AT.month().eq(1)).acount()));
      assertEquals(1L, await(Transactions.objects(db).filter(CREATED_AT.day().eq(31)).acount()));
      assertEquals(1L, await(Transactions.objects(db).filter(CREATED_AT.hour().eq(20)).acount()));
      DateTimeExpression<Transaction, Instant> month = CREATED_AT.truncMonth();
      Aggregate<Transaction, BigDecimal> total = AMOUNT.sum();
      assertEquals(
          List.of(Instant.parse("2026-01-01T00:00:00Z")),
          await(Transactions.objects(db).values(month, total).aall(row -> row.get(month))));
    } finally {
      setTimeZone(null);
    }
  }

  /** The database's default zone, for connections opened after; null resets it. */
  private void setTimeZone(String zone) {
    String change =
        zone == null
            ? "format('ALTER DATABASE %I RESET timezone', current_database())"
            : "format('ALTER DATABASE %I SET timezone TO %L', current_database(), '" + zone + "')";
    backend().sql("DO $$ BEGIN EXECUTE " + change + "; END $$");
  }
}
