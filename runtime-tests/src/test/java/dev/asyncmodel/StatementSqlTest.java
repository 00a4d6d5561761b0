package dev.asyncmodel;

import static dev.asyncmodel.Rendered.bound;
import static dev.asyncmodel.Rendered.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.Rendered.Db;
import dev.asyncmodel.internal.Statement;
import dev.asyncmodel.testmodels.Author;
import dev.asyncmodel.testmodels.Book;
import dev.asyncmodel.testmodels.BookQuerySet;
import dev.asyncmodel.testmodels.Books;
import dev.asyncmodel.testmodels.Member;
import dev.asyncmodel.testmodels.Members;
import dev.asyncmodel.testmodels.Offline;
import dev.asyncmodel.testmodels.Review;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Whole SELECT, COUNT, EXISTS, UPDATE and INSERT statements, with their bound values, on each
 * dialect. Where the dialects differ, {@link Db#pick} takes what PostgreSQL, MySQL and SQLite
 * render, in that order.
 */
class StatementSqlTest {
  private static final String SELECT_BOOKS =
      "SELECT \"id\", \"author_id\", \"rating\", \"title\", \"price\", \"created_at\""
          + " FROM \"book\"";
  private static final String SELECT_BOOKS_MYSQL =
      "SELECT `id`, `author_id`, `rating`, `title`, `price`, `created_at` FROM `book`";

  private static BookQuerySet books() {
    return Books.objects(Offline.DATABASE);
  }

  /** The SELECT of every column of {@code book}, before its clauses. */
  private static String selectBooks(Db db) {
    return db.pick(SELECT_BOOKS, SELECT_BOOKS_MYSQL, SELECT_BOOKS);
  }

  private static void assertStatement(String sql, List<Object> params, Statement statement) {
    assertEquals(sql, statement.sql());
    assertEquals(params, bound(statement));
  }

  // ---------------------------------------------------------------------------------------------
  // SELECT

  @ParameterizedTest
  @EnumSource
  void selectOfAllRowsHasNoWhereClause(Db db) {
    assertStatement(selectBooks(db), params(), Rendered.select(db, books()));
  }

  @ParameterizedTest
  @EnumSource
  void selectWithOrderLimitAndOffsetWritesTheLimitAndBindsTheOffsetAfterTheFilterValues(Db db) {
    assertStatement(
        selectBooks(db)
            + db.pick(
                " WHERE \"rating\" >= $1 ORDER BY \"created_at\" DESC, \"id\" ASC LIMIT 10"
                    + " OFFSET $2",
                " WHERE `rating` >= ? ORDER BY `created_at` DESC, `id` ASC LIMIT 10 OFFSET ?",
                " WHERE \"rating\" >= ? ORDER BY \"created_at\" DESC, \"id\" ASC LIMIT 10"
                    + " OFFSET ?"),
        params(3.0, 20L),
        Rendered.select(
            db,
            books()
                .filter(Books.RATING.gte(3.0))
                .orderBy(Books.CREATED_AT.desc(), Books.ID.asc())
                .offset(20)
                .limit(10)));
  }

  @ParameterizedTest
  @EnumSource
  void orderByReplacesThePreviousOrdering(Db db) {
    assertStatement(
        selectBooks(db)
            + db.pick(
                " ORDER BY \"price\" DESC", " ORDER BY `price` DESC", " ORDER BY \"price\" DESC"),
        params(),
        Rendered.select(db, books().orderBy(Books.TITLE.asc()).orderBy(Books.PRICE.desc())));
  }

  @ParameterizedTest
  @EnumSource
  void nullsFirstAndLastAreStandardSqlOrATermBeforeTheColumnOnMysql(Db db) {
    assertStatement(
        selectBooks(db)
            + db.pick(
                " ORDER BY \"rating\" ASC NULLS LAST, \"title\" DESC NULLS FIRST",
                " ORDER BY `rating` IS NULL, `rating` ASC, `title` IS NOT NULL, `title` DESC",
                " ORDER BY \"rating\" ASC NULLS LAST, \"title\" DESC NULLS FIRST"),
        params(),
        Rendered.select(
            db, books().orderBy(Books.RATING.asc().nullsLast(), Books.TITLE.desc().nullsFirst())));
  }

  @ParameterizedTest
  @EnumSource
  void reverseFlipsEachTermAndItsNulls(Db db) {
    assertStatement(
        selectBooks(db)
            + db.pick(
                " ORDER BY \"rating\" DESC NULLS FIRST, \"title\" ASC",
                " ORDER BY `rating` IS NOT NULL, `rating` DESC, `title` ASC",
                " ORDER BY \"rating\" DESC NULLS FIRST, \"title\" ASC"),
        params(),
        Rendered.select(
            db, books().orderBy(Books.RATING.asc().nullsLast(), Books.TITLE.desc()).reverse()));
    assertThrows(IllegalStateException.class, () -> books().limit(5).reverse());
  }

  @ParameterizedTest
  @EnumSource
  void orderByWithNoArgumentClearsTheOrdering(Db db) {
    assertStatement(
        selectBooks(db),
        params(),
        Rendered.select(db, books().orderBy(Books.TITLE.asc()).orderBy()));
  }

  @ParameterizedTest
  @EnumSource
  void limitZeroIsWrittenAsLimitZero(Db db) {
    assertStatement(selectBooks(db) + " LIMIT 0", params(), Rendered.select(db, books().limit(0)));
  }

  @ParameterizedTest
  @EnumSource
  void offsetWithoutLimitRendersWhatEachDatabaseAccepts(Db db) {
    // MySQL and SQLite have no OFFSET without a LIMIT: each has its own "no limit".
    assertStatement(
        selectBooks(db)
            + db.pick(" OFFSET $1", " LIMIT 18446744073709551615 OFFSET ?", " LIMIT -1 OFFSET ?"),
        params(5L),
        Rendered.select(db, books().offset(5)));
  }

  @ParameterizedTest
  @EnumSource
  void laterLimitAndOffsetReplaceEarlierOnes(Db db) {
    assertStatement(
        selectBooks(db) + db.pick(" LIMIT 3 OFFSET $1", " LIMIT 3 OFFSET ?", " LIMIT 3 OFFSET ?"),
        params(4L),
        Rendered.select(db, books().limit(10).offset(20).limit(3).offset(4)));
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
    assertStatement(SELECT_BOOKS, params(), Rendered.select(all));
    assertStatement(SELECT_BOOKS + " WHERE \"title\" = $1", params("Dune"), Rendered.select(some));
  }

  // ---------------------------------------------------------------------------------------------
  // COUNT and EXISTS

  @ParameterizedTest
  @EnumSource
  void countWithoutSliceCountsTheTable(Db db) {
    assertStatement(
        db.pick(
            "SELECT COUNT(*) FROM \"book\" WHERE \"title\" = $1",
            "SELECT COUNT(*) FROM `book` WHERE `title` = CAST(? AS BINARY)",
            "SELECT COUNT(*) FROM \"book\" WHERE \"title\" = ?"),
        params("Dune"),
        Rendered.count(db, books().filter(Books.TITLE.eq("Dune"))));
    assertStatement(
        db.pick(
            "SELECT COUNT(*) FROM \"book\"",
            "SELECT COUNT(*) FROM `book`",
            "SELECT COUNT(*) FROM \"book\""),
        params(),
        Rendered.count(db, books()));
  }

  @ParameterizedTest
  @EnumSource
  void countIgnoresTheOrdering(Db db) {
    assertStatement(
        db.pick(
            "SELECT COUNT(*) FROM \"book\"",
            "SELECT COUNT(*) FROM `book`",
            "SELECT COUNT(*) FROM \"book\""),
        params(),
        Rendered.count(db, books().orderBy(Books.ID.desc())));
  }

  @ParameterizedTest
  @EnumSource
  void countOfASliceCountsASubquery(Db db) {
    assertStatement(
        db.pick(
            "SELECT COUNT(*) FROM (SELECT 1 AS \"one\" FROM \"book\" WHERE \"title\" = $1"
                + " LIMIT 5 OFFSET $2) \"sliced\"",
            "SELECT COUNT(*) FROM (SELECT 1 AS `one` FROM `book` WHERE `title` = CAST(? AS BINARY)"
                + " LIMIT 5 OFFSET ?) `sliced`",
            "SELECT COUNT(*) FROM (SELECT 1 AS \"one\" FROM \"book\" WHERE \"title\" = ?"
                + " LIMIT 5 OFFSET ?) \"sliced\""),
        params("Dune", 10L),
        Rendered.count(db, books().filter(Books.TITLE.eq("Dune")).offset(10).limit(5)));
  }

  @ParameterizedTest
  @EnumSource
  void countWithOnlyALimitOrOnlyAnOffsetCountsASubquery(Db db) {
    assertStatement(
        db.pick(
            "SELECT COUNT(*) FROM (SELECT 1 AS \"one\" FROM \"book\" LIMIT 5) \"sliced\"",
            "SELECT COUNT(*) FROM (SELECT 1 AS `one` FROM `book` LIMIT 5) `sliced`",
            "SELECT COUNT(*) FROM (SELECT 1 AS \"one\" FROM \"book\" LIMIT 5) \"sliced\""),
        params(),
        Rendered.count(db, books().limit(5)));
    assertStatement(
        db.pick(
            "SELECT COUNT(*) FROM (SELECT 1 AS \"one\" FROM \"book\" OFFSET $1) \"sliced\"",
            "SELECT COUNT(*) FROM (SELECT 1 AS `one` FROM `book`"
                + " LIMIT 18446744073709551615 OFFSET ?) `sliced`",
            "SELECT COUNT(*) FROM (SELECT 1 AS \"one\" FROM \"book\" LIMIT -1 OFFSET ?) \"sliced\""),
        params(10L),
        Rendered.count(db, books().offset(10)));
  }

  @ParameterizedTest
  @EnumSource
  void existsSelectsAtMostOneRow(Db db) {
    assertStatement(
        db.pick(
            "SELECT 1 FROM \"book\" WHERE \"title\" = $1 LIMIT 1",
            "SELECT 1 FROM `book` WHERE `title` = CAST(? AS BINARY) LIMIT 1",
            "SELECT 1 FROM \"book\" WHERE \"title\" = ? LIMIT 1"),
        params("Dune"),
        Rendered.exists(db, books().filter(Books.TITLE.eq("Dune"))));
  }

  @ParameterizedTest
  @EnumSource
  void existsOfASliceSkipsTheOffsetAndLooksAtOneRow(Db db) {
    assertStatement(
        db.pick(
            "SELECT 1 FROM \"book\" LIMIT 1 OFFSET $1",
            "SELECT 1 FROM `book` LIMIT 1 OFFSET ?",
            "SELECT 1 FROM \"book\" LIMIT 1 OFFSET ?"),
        params(10L),
        Rendered.exists(db, books().offset(10).limit(5)));
  }

  @ParameterizedTest
  @EnumSource
  void existsAfterLimitZeroLooksAtNoRow(Db db) {
    assertStatement(
        db.pick(
            "SELECT 1 FROM \"book\" LIMIT 0",
            "SELECT 1 FROM `book` LIMIT 0",
            "SELECT 1 FROM \"book\" LIMIT 0"),
        params(),
        Rendered.exists(db, books().limit(0)));
  }

  // ---------------------------------------------------------------------------------------------
  // UPDATE

  @ParameterizedTest
  @EnumSource
  void updateBindsAssignmentsThenFilterValues(Db db) {
    Author author = new Author(7L, "Ann", null);
    assertStatement(
        db.pick(
            "UPDATE \"book\" SET \"title\" = $1, \"rating\" = $2 WHERE \"author_id\" = $3",
            "UPDATE `book` SET `title` = ?, `rating` = ? WHERE `author_id` = ?",
            "UPDATE \"book\" SET \"title\" = ?, \"rating\" = ? WHERE \"author_id\" = ?"),
        params("Dune", null, 7L),
        Rendered.update(
            db,
            books().filter(Books.AUTHOR.eq(author)),
            List.of(Books.TITLE.set("Dune"), Books.RATING.set(null))));
  }

  @ParameterizedTest
  @EnumSource
  void updateWithoutFilterHasNoWhereClause(Db db) {
    BigDecimal price = new BigDecimal("9.50");
    assertStatement(
        db.pick(
            "UPDATE \"book\" SET \"price\" = $1",
            "UPDATE `book` SET `price` = ?",
            "UPDATE \"book\" SET \"price\" = ?"),
        params(db.pick(price, price, "9.50")),
        Rendered.update(db, books(), List.of(Books.PRICE.set(price))));
  }

  @ParameterizedTest
  @EnumSource
  void updateOfAForeignKeyBindsTheReferencedId(Db db) {
    assertStatement(
        db.pick(
            "UPDATE \"book\" SET \"author_id\" = $1 WHERE \"id\" = $2",
            "UPDATE `book` SET `author_id` = ? WHERE `id` = ?",
            "UPDATE \"book\" SET \"author_id\" = ? WHERE \"id\" = ?"),
        params(3L, 1L),
        Rendered.update(
            db,
            books().filter(Books.ID.eq(1L)),
            List.of(Books.AUTHOR.set(new Author(3L, "Cy", null)))));
    assertStatement(
        db.pick(
            "UPDATE \"user\" SET \"favorite_id\" = $1",
            "UPDATE `user` SET `favorite_id` = ?",
            "UPDATE \"user\" SET \"favorite_id\" = ?"),
        params((Object) null),
        Rendered.update(
            db,
            Members.objects(Offline.DATABASE),
            List.of(Members.FAVORITE.set((Ref<Review>) null))));
  }

  @ParameterizedTest
  @EnumSource
  void updateEncodesValuesForTheDialect(Db db) {
    Instant at = Instant.parse("2024-01-02T03:04:05.123456Z");
    assertStatement(
        db.pick(
            "UPDATE \"book\" SET \"created_at\" = $1",
            "UPDATE `book` SET `created_at` = ?",
            "UPDATE \"book\" SET \"created_at\" = ?"),
        params(
            db.pick(
                OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000, ZoneOffset.UTC),
                LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000),
                "2024-01-02 03:04:05.123456")),
        Rendered.update(db, books(), List.of(Books.CREATED_AT.set(at))));
  }

  // ---------------------------------------------------------------------------------------------
  // INSERT

  @ParameterizedTest
  @EnumSource
  void insertLeavesOutANullIdAndReturnsTheGeneratedOneWhereTheDatabaseCan(Db db) {
    // MySQL and SQLite have no RETURNING here: the id comes from the driver after the INSERT.
    Book book =
        new Book(
            null,
            Ref.ofId(7L),
            null,
            "Dune",
            new BigDecimal("9.5"),
            Instant.parse("2024-01-02T03:04:05Z"));
    BigDecimal price = new BigDecimal("9.50");
    assertStatement(
        db.pick(
            "INSERT INTO \"book\" (\"author_id\", \"rating\", \"title\", \"price\","
                + " \"created_at\") VALUES ($1, $2, $3, $4, $5) RETURNING \"id\"",
            "INSERT INTO `book` (`author_id`, `rating`, `title`, `price`, `created_at`)"
                + " VALUES (?, ?, ?, ?, ?)",
            "INSERT INTO \"book\" (\"author_id\", \"rating\", \"title\", \"price\","
                + " \"created_at\") VALUES (?, ?, ?, ?, ?)"),
        db.pick(
            params(
                7L, null, "Dune", price, OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC)),
            params(7L, null, "Dune", price, LocalDateTime.of(2024, 1, 2, 3, 4, 5)),
            params(7L, null, "Dune", "9.50", "2024-01-02 03:04:05")),
        Rendered.insert(db, book));
  }

  @ParameterizedTest
  @EnumSource
  void insertWithAnIdWritesTheId(Db db) {
    assertStatement(
        db.pick(
            "INSERT INTO \"user\" (\"id\", \"order\", \"favorite_id\") VALUES ($1, $2, $3)"
                + " RETURNING \"id\"",
            "INSERT INTO `user` (`id`, `order`, `favorite_id`) VALUES (?, ?, ?)",
            "INSERT INTO \"user\" (\"id\", \"order\", \"favorite_id\") VALUES (?, ?, ?)"),
        params(5L, 3, null),
        Rendered.insert(db, new Member(5L, 3, null)));
  }
}
