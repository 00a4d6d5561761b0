package dev.asyncmodel;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.testmodels.Book;
import dev.asyncmodel.testmodels.BookQuerySet;
import dev.asyncmodel.testmodels.Books;
import dev.asyncmodel.testmodels.Offline;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

/**
 * Terminal methods never throw: misuse is a failed Future, decided before any statement runs. The
 * {@link Offline} database would fail any statement, so these failures come from the checks.
 */
class TerminalFailuresTest {
  private static BookQuerySet books() {
    return Books.objects(Offline.DATABASE);
  }

  private static <E extends Throwable> E failedWith(Class<E> type, Future<?> future) {
    assertTrue(future.failed(), "the Future should have failed already");
    return assertInstanceOf(type, future.cause());
  }

  private static void assertMentions(String expected, Throwable e) {
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void terminalMethodOnADatabaseNotFromConnectIsAFailedFuture() {
    assertMentions(
        "Not a Database from Database.connect",
        failedWith(IllegalArgumentException.class, books().aall()));
  }

  @Test
  void updateOfASliceIsAFailedFuture() {
    assertMentions(
        "slice",
        failedWith(IllegalStateException.class, books().limit(3).aupdate(Books.TITLE.set("x"))));
  }

  @Test
  void updateWithoutAssignmentsIsAFailedFuture() {
    assertMentions("assignment", failedWith(IllegalArgumentException.class, books().aupdate()));
  }

  @Test
  void deleteOfASliceIsAFailedFuture() {
    assertMentions(
        "limit or offset", failedWith(IllegalStateException.class, books().offset(2).adelete()));
  }

  @Test
  void lastOfASliceIsAFailedFuture() {
    assertMentions("slice", failedWith(IllegalStateException.class, books().limit(2).alast()));
  }

  @Test
  void latestAndEarliestOfASliceAreFailedFutures() {
    assertMentions(
        "slice", failedWith(IllegalStateException.class, books().limit(2).alatest(Books.ID)));
    assertMentions(
        "slice", failedWith(IllegalStateException.class, books().offset(2).aearliest(Books.ID)));
  }

  @Test
  void containsOfAnUnsavedRecordIsAFailedFuture() {
    Book unsaved = new Book(null, Ref.ofId(1L), null, "Dune", java.math.BigDecimal.ONE, null);
    assertMentions(
        "unsaved", failedWith(IllegalArgumentException.class, books().acontains(unsaved)));
    failedWith(NullPointerException.class, books().acontains(null));
  }

  @Test
  void inBulkOfASliceIsAFailedFuture() {
    assertMentions(
        "limit or offset",
        failedWith(IllegalStateException.class, books().limit(2).ainBulk(java.util.List.of(1L))));
    failedWith(NullPointerException.class, books().ainBulk(null));
  }
}
