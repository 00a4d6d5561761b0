package dev.asyncmodel;

import static dev.asyncmodel.Rendered.bound;
import static dev.asyncmodel.Rendered.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.Rendered.Db;
import dev.asyncmodel.internal.Executor;
import dev.asyncmodel.internal.Statement;
import dev.asyncmodel.testmodels.Book;
import dev.asyncmodel.testmodels.BookQuerySet;
import dev.asyncmodel.testmodels.Books;
import dev.asyncmodel.testmodels.Offline;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The statements of {@code alatest} and {@code aearliest} on each dialect, rendered as the methods
 * render them.
 */
class SmallTerminalsSqlTest {
  private static final String PG_COLUMNS =
      "SELECT \"id\", \"author_id\", \"rating\", \"title\", \"price\", \"created_at\""
          + " FROM \"book\"";
  private static final String MY_COLUMNS =
      "SELECT `id`, `author_id`, `rating`, `title`, `price`, `created_at` FROM `book`";

  private static BookQuerySet books() {
    return Books.objects(Offline.DATABASE);
  }

  private static String selectBooks(Db db) {
    return db.pick(PG_COLUMNS, MY_COLUMNS, PG_COLUMNS);
  }

  private static Statement latest(Db db, BookQuerySet qs, List<Field<Book>> fields) {
    return Executor.earliestStatement(db.dialect, Rendered.query(qs), fields, true);
  }

  private static Statement earliest(Db db, BookQuerySet qs, List<Field<Book>> fields) {
    return Executor.earliestStatement(db.dialect, Rendered.query(qs), fields, false);
  }

  private static void assertStatement(String sql, List<Object> params, Statement statement) {
    assertEquals(sql, statement.sql());
    assertEquals(params, bound(statement));
  }

  // ---------------------------------------------------------------------------------------------
  // alatest and aearliest

  @ParameterizedTest
  @EnumSource
  void latestOrdersDescendingAndReadsOneRowReplacingTheOrdering(Db db) {
    assertStatement(
        selectBooks(db)
            + db.pick(
                " WHERE \"title\" = $1 ORDER BY \"created_at\" DESC, \"id\" DESC LIMIT 1",
                " WHERE `title` = CAST(? AS BINARY) ORDER BY `created_at` DESC, `id` DESC LIMIT 1",
                " WHERE \"title\" = ? ORDER BY \"created_at\" DESC, \"id\" DESC LIMIT 1"),
        params("Dune"),
        latest(
            db,
            books().filter(Books.TITLE.eq("Dune")).orderBy(Books.PRICE.asc()),
            List.of(Books.CREATED_AT, Books.ID)));
  }

  @ParameterizedTest
  @EnumSource
  void aNullableFieldPutsItsNullsLastBothWays(Db db) {
    assertStatement(
        selectBooks(db)
            + db.pick(
                " ORDER BY \"rating\" DESC NULLS LAST, \"title\" DESC LIMIT 1",
                " ORDER BY `rating` IS NULL, `rating` DESC, `title` DESC LIMIT 1",
                " ORDER BY \"rating\" DESC NULLS LAST, \"title\" DESC LIMIT 1"),
        params(),
        latest(db, books(), List.of(Books.RATING, Books.TITLE)));
    assertStatement(
        selectBooks(db)
            + db.pick(
                " ORDER BY \"rating\" ASC NULLS LAST LIMIT 1",
                " ORDER BY `rating` IS NULL, `rating` ASC LIMIT 1",
                " ORDER BY \"rating\" ASC NULLS LAST LIMIT 1"),
        params(),
        earliest(db, books(), List.of(Books.RATING)));
  }

  @ParameterizedTest
  @EnumSource
  void afterReverseLatestRunsTheOtherWayAsInDjango(Db db) {
    assertStatement(
        selectBooks(db)
            + db.pick(
                " ORDER BY \"rating\" ASC NULLS FIRST LIMIT 1",
                " ORDER BY `rating` IS NOT NULL, `rating` ASC LIMIT 1",
                " ORDER BY \"rating\" ASC NULLS FIRST LIMIT 1"),
        params(),
        latest(db, books().reverse(), List.of(Books.RATING)));
  }

  @Test
  void latestAndEarliestRefuseASlice() {
    IllegalStateException limited =
        assertThrows(
            IllegalStateException.class,
            () -> latest(Db.POSTGRESQL, books().limit(3), List.of(Books.ID)));
    assertTrue(limited.getMessage().contains("slice"), limited.getMessage());
    assertThrows(
        IllegalStateException.class,
        () -> earliest(Db.POSTGRESQL, books().offset(3), List.of(Books.ID)));
  }
}
