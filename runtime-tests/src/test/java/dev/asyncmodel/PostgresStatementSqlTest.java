package dev.asyncmodel;

import static dev.asyncmodel.Rendered.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.internal.Statement;
import dev.asyncmodel.testmodels.Author;
import dev.asyncmodel.testmodels.BookQuerySet;
import dev.asyncmodel.testmodels.Books;
import dev.asyncmodel.testmodels.Members;
import dev.asyncmodel.testmodels.Offline;
import dev.asyncmodel.testmodels.Review;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole SELECT, COUNT, EXISTS and UPDATE statements on PostgreSQL, with their bound values. */
class PostgresStatementSqlTest {
  private static final String COLUMNS =
      "\"id\", \"author_id\", \"rating\", \"title\", \"price\", \"created_at\"";

  private static BookQuerySet books() {
    return Books.objects(Offline.DATABASE);
  }

  private static void assertStatement(String sql, List<Object> params, Statement statement) {
    assertEquals(sql, statement.sql());
    assertEquals(params, statement.params());
  }

  // ---------------------------------------------------------------------------------------------
  // SELECT

  @Test
  void selectOfAllRowsHasNoWhereClause() {
    assertStatement("SELECT " + COLUMNS + " FROM \"book\"", params(), Rendered.select(books()));
  }

  @Test
  void selectWithOrderLimitAndOffsetWritesTheLimitAndBindsTheOffsetAfterTheFilterValues() {
    assertStatement(
        "SELECT "
            + COLUMNS
            + " FROM \"book\" WHERE \"rating\" >= $1"
            + " ORDER BY \"created_at\" DESC, \"id\" ASC LIMIT 10 OFFSET $2",
        params(3.0, 20L),
        Rendered.select(
            books()
                .filter(Books.RATING.gte(3.0))
                .orderBy(Books.CREATED_AT.desc(), Books.ID.asc())
                .offset(20)
                .limit(10)));
  }

  @Test
  void orderByReplacesThePreviousOrdering() {
    assertStatement(
        "SELECT " + COLUMNS + " FROM \"book\" ORDER BY \"price\" DESC",
        params(),
        Rendered.select(books().orderBy(Books.TITLE.asc()).orderBy(Books.PRICE.desc())));
  }

  @Test
  void orderByWithNoArgumentClearsTheOrdering() {
    assertStatement(
        "SELECT " + COLUMNS + " FROM \"book\"",
        params(),
        Rendered.select(books().orderBy(Books.TITLE.asc()).orderBy()));
  }

  @Test
  void limitZeroIsWrittenAsLimitZero() {
    assertStatement(
        "SELECT " + COLUMNS + " FROM \"book\" LIMIT 0",
        params(),
        Rendered.select(books().limit(0)));
  }

  @Test
  void offsetAloneRendersNoLimit() {
    assertStatement(
        "SELECT " + COLUMNS + " FROM \"book\" OFFSET $1",
        params(5L),
        Rendered.select(books().offset(5)));
  }

  @Test
  void laterLimitAndOffsetReplaceEarlierOnes() {
    assertStatement(
        "SELECT " + COLUMNS + " FROM \"book\" LIMIT 3 OFFSET $1",
        params(4L),
        Rendered.select(books().limit(10).offset(20).limit(3).offset(4)));
  }

  @Test
  void negativeLimitOrOffsetIsRejected() {
    IllegalArgumentException limit =
        assertThrows(IllegalArgumentException.class, () -> books().limit(-1));
    assertTrue(limit.getMessage().contains("limit"), limit.getMessage());
    IllegalArgumentException offset =
        assertThrows(IllegalArgumentException.class, () -> books().offset(-1));
    assertTrue(offset.getMessage().contains("offset"), offset.getMessage());
  }

  @Test
  void chainMethodsLeaveTheOriginalQuerySetUnchanged() {
    BookQuerySet all = books();
    BookQuerySet some = all.filter(Books.TITLE.eq("Dune"));
    some.orderBy(Books.ID.asc()).limit(1);
    assertStatement("SELECT " + COLUMNS + " FROM \"book\"", params(), Rendered.select(all));
    assertStatement(
        "SELECT " + COLUMNS + " FROM \"book\" WHERE \"title\" = $1",
        params("Dune"),
        Rendered.select(some));
  }

  // ---------------------------------------------------------------------------------------------
  // COUNT and EXISTS

  @Test
  void countWithoutSliceCountsTheTable() {
    assertStatement(
        "SELECT COUNT(*) FROM \"book\" WHERE \"title\" = $1",
        params("Dune"),
        Rendered.count(books().filter(Books.TITLE.eq("Dune"))));
    assertStatement("SELECT COUNT(*) FROM \"book\"", params(), Rendered.count(books()));
  }

  @Test
  void countIgnoresTheOrdering() {
    assertStatement(
        "SELECT COUNT(*) FROM \"book\"",
        params(),
        Rendered.count(books().orderBy(Books.ID.desc())));
  }

  @Test
  void countOfASliceCountsASubquery() {
    assertStatement(
        "SELECT COUNT(*) FROM (SELECT 1 AS \"one\" FROM \"book\" WHERE \"title\" = $1"
            + " LIMIT 5 OFFSET $2) \"sliced\"",
        params("Dune", 10L),
        Rendered.count(books().filter(Books.TITLE.eq("Dune")).offset(10).limit(5)));
  }

  @Test
  void countWithOnlyALimitOrOnlyAnOffsetCountsASubquery() {
    assertStatement(
        "SELECT COUNT(*) FROM (SELECT 1 AS \"one\" FROM \"book\" LIMIT 5) \"sliced\"",
        params(),
        Rendered.count(books().limit(5)));
    assertStatement(
        "SELECT COUNT(*) FROM (SELECT 1 AS \"one\" FROM \"book\" OFFSET $1) \"sliced\"",
        params(10L),
        Rendered.count(books().offset(10)));
  }

  @Test
  void existsSelectsAtMostOneRow() {
    assertStatement(
        "SELECT 1 FROM \"book\" WHERE \"title\" = $1 LIMIT 1",
        params("Dune"),
        Rendered.exists(books().filter(Books.TITLE.eq("Dune"))));
  }

  @Test
  void existsOfASliceSkipsTheOffsetAndLooksAtOneRow() {
    assertStatement(
        "SELECT 1 FROM \"book\" LIMIT 1 OFFSET $1",
        params(10L),
        Rendered.exists(books().offset(10).limit(5)));
  }

  @Test
  void existsAfterLimitZeroLooksAtNoRow() {
    assertStatement("SELECT 1 FROM \"book\" LIMIT 0", params(), Rendered.exists(books().limit(0)));
  }

  // ---------------------------------------------------------------------------------------------
  // UPDATE

  @Test
  void updateBindsAssignmentsThenFilterValues() {
    Author author = new Author(7L, "Ann", null);
    assertStatement(
        "UPDATE \"book\" SET \"title\" = $1, \"rating\" = $2 WHERE \"author_id\" = $3",
        params("Dune", null, 7L),
        Rendered.update(
            books().filter(Books.AUTHOR.eq(author)),
            List.of(Books.TITLE.set("Dune"), Books.RATING.set(null))));
  }

  @Test
  void updateWithoutFilterHasNoWhereClause() {
    BigDecimal price = new BigDecimal("9.50");
    assertStatement(
        "UPDATE \"book\" SET \"price\" = $1",
        params(price),
        Rendered.update(books(), List.of(Books.PRICE.set(price))));
  }

  @Test
  void updateOfAForeignKeyBindsTheReferencedId() {
    assertStatement(
        "UPDATE \"book\" SET \"author_id\" = $1 WHERE \"id\" = $2",
        params(3L, 1L),
        Rendered.update(
            books().filter(Books.ID.eq(1L)),
            List.of(Books.AUTHOR.set(new Author(3L, "Cy", null)))));
    assertStatement(
        "UPDATE \"user\" SET \"favorite_id\" = $1",
        params((Object) null),
        Rendered.update(
            Members.objects(Offline.DATABASE), List.of(Members.FAVORITE.set((Ref<Review>) null))));
  }

  @Test
  void updateEncodesValuesForTheDialect() {
    Instant at = Instant.parse("2024-01-02T03:04:05.123456Z");
    assertStatement(
        "UPDATE \"book\" SET \"created_at\" = $1",
        params(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000, ZoneOffset.UTC)),
        Rendered.update(books(), List.of(Books.CREATED_AT.set(at))));
  }
}
