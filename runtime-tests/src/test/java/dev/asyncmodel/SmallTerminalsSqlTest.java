package dev.asyncmodel;

import static dev.asyncmodel.Rendered.array;
import static dev.asyncmodel.Rendered.bound;
import static dev.asyncmodel.Rendered.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.Rendered.Db;
import dev.asyncmodel.internal.Executor;
import dev.asyncmodel.internal.Statement;
import dev.asyncmodel.testmodels.Book;
import dev.asyncmodel.testmodels.BookQuerySet;
import dev.asyncmodel.testmodels.Books;
import dev.asyncmodel.testmodels.Offline;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The statements of {@code alatest}, {@code aearliest}, {@code acontains}, {@code ainBulk} and
 * {@code aexplain} on each dialect, rendered as the methods render them.
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

  private static Book saved(@Nullable Long id) {
    return new Book(
        id, Ref.ofId(1L), null, "Dune", BigDecimal.ONE, Instant.parse("2024-01-01T00:00:00Z"));
  }

  private static Statement latest(Db db, BookQuerySet qs, List<Field<Book>> fields) {
    return Executor.earliestStatement(db.dialect, Rendered.query(qs), fields, true);
  }

  private static Statement earliest(Db db, BookQuerySet qs, List<Field<Book>> fields) {
    return Executor.earliestStatement(db.dialect, Rendered.query(qs), fields, false);
  }

  private static Statement contains(Db db, BookQuerySet qs, Book record) {
    return Executor.containsStatement(db.dialect, Rendered.query(qs), record);
  }

  private static List<Statement> inBulk(Db db, BookQuerySet qs, List<Long> ids) {
    return Executor.inBulkStatements(db.dialect, Rendered.query(qs), ids);
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

  // ---------------------------------------------------------------------------------------------
  // acontains

  @ParameterizedTest
  @EnumSource
  void containsIsExistsWithThePrimaryKeyAfterTheFilters(Db db) {
    assertStatement(
        db.pick(
            "SELECT 1 FROM \"book\" WHERE \"title\" = $1 AND \"id\" = $2 LIMIT 1",
            "SELECT 1 FROM `book` WHERE `title` = CAST(? AS BINARY) AND `id` = ? LIMIT 1",
            "SELECT 1 FROM \"book\" WHERE \"title\" = ? AND \"id\" = ? LIMIT 1"),
        params("Dune", 7L),
        contains(db, books().filter(Books.TITLE.eq("Dune")).orderBy(Books.PRICE.asc()), saved(7L)));
  }

  @ParameterizedTest
  @EnumSource
  void containsOfASliceLooksInsideTheOrderedSlice(Db db) {
    assertStatement(
        db.pick(
            "SELECT 1 FROM (SELECT \"id\" FROM \"book\" WHERE \"title\" = $1"
                + " ORDER BY \"price\" DESC LIMIT 10 OFFSET $2) \"sliced\" WHERE \"id\" = $3",
            "SELECT 1 FROM (SELECT `id` FROM `book` WHERE `title` = CAST(? AS BINARY)"
                + " ORDER BY `price` DESC LIMIT 10 OFFSET ?) `sliced` WHERE `id` = ?",
            "SELECT 1 FROM (SELECT \"id\" FROM \"book\" WHERE \"title\" = ?"
                + " ORDER BY \"price\" DESC LIMIT 10 OFFSET ?) \"sliced\" WHERE \"id\" = ?"),
        params("Dune", 20L, 7L),
        contains(
            db,
            books().filter(Books.TITLE.eq("Dune")).orderBy(Books.PRICE.desc()).offset(20).limit(10),
            saved(7L)));
    assertStatement(
        db.pick(
            "SELECT 1 FROM (SELECT \"id\" FROM \"book\" OFFSET $1) \"sliced\" WHERE \"id\" = $2",
            "SELECT 1 FROM (SELECT `id` FROM `book` LIMIT 18446744073709551615 OFFSET ?)"
                + " `sliced` WHERE `id` = ?",
            "SELECT 1 FROM (SELECT \"id\" FROM \"book\" LIMIT -1 OFFSET ?) \"sliced\""
                + " WHERE \"id\" = ?"),
        params(5L, 8L),
        contains(db, books().offset(5), saved(8L)));
  }

  @Test
  void containsOfAnUnsavedRecordIsRefused() {
    IllegalArgumentException unsaved =
        assertThrows(
            IllegalArgumentException.class, () -> contains(Db.SQLITE, books(), saved(null)));
    assertEquals(
        "acontains() cannot be used on unsaved objects: this Book has no id", unsaved.getMessage());
  }

  // ---------------------------------------------------------------------------------------------
  // ainBulk

  @ParameterizedTest
  @EnumSource
  void inBulkIsOneUnorderedSelectOfTheDistinctIds(Db db) {
    List<Statement> statements =
        inBulk(
            db,
            books().filter(Books.TITLE.eq("Dune")).orderBy(Books.PRICE.asc()),
            List.of(3L, 1L, 3L, 2L));
    assertEquals(1, statements.size());
    assertStatement(
        selectBooks(db)
            + db.pick(
                " WHERE \"title\" = $1 AND \"id\" = ANY($2)",
                " WHERE `title` = CAST(? AS BINARY) AND `id` IN (?, ?, ?, ?)",
                " WHERE \"title\" = ? AND \"id\" IN (?, ?, ?, ?)"),
        // Where each id is a value of its own, the list is filled up to a power of two.
        db.pick(
            params("Dune", array(Long.class, 3L, 1L, 2L)),
            params("Dune", 3L, 1L, 2L, 2L),
            params("Dune", 3L, 1L, 2L, 2L)),
        statements.get(0));
    assertEquals(List.of(), inBulk(db, books(), List.of()));
  }

  @ParameterizedTest
  @EnumSource
  void listsOfNeighbouringLengthsShareOneStatement(Db db) {
    Statement five = inBulk(db, books(), List.of(1L, 2L, 3L, 4L, 5L)).get(0);
    Statement seven = inBulk(db, books(), List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L)).get(0);
    assertSame(five.sql(), seven.sql());
  }

  @ParameterizedTest
  @EnumSource
  void aLongListIsSplitWithinTheDatabasesLimitOnBoundValues(Db db) {
    // The filter binds 20,000 values of its own (on PostgreSQL, one array).
    List<String> titles = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      titles.add("t" + i);
    }
    List<Long> ids = new ArrayList<>();
    for (long id = 1; id <= 70_000; id++) {
      ids.add(id);
    }
    List<Statement> statements = inBulk(db, books().filter(Books.TITLE.in(titles)), ids);
    assertEquals(db.pick(1, 3, 9), statements.size());
    Set<Object> covered = new HashSet<>();
    for (Statement statement : statements) {
      assertTrue(
          statement.params().size() <= db.dialect.maxParams(),
          statement.params().size() + " values");
      for (Object value : statement.params()) {
        if (value instanceof Long id) {
          covered.add(id);
        } else if (value instanceof Object[] array && array[0] instanceof Long) {
          covered.addAll(List.of(array));
        }
      }
    }
    assertEquals(new HashSet<>(ids), covered);
  }

  @Test
  void inBulkRefusesASliceAndANullId() {
    IllegalStateException sliced =
        assertThrows(
            IllegalStateException.class, () -> inBulk(Db.MYSQL, books().limit(2), List.of(1L)));
    assertTrue(sliced.getMessage().contains("limit or offset"), sliced.getMessage());
    List<Long> withNull = new ArrayList<>();
    withNull.add(null);
    assertThrows(NullPointerException.class, () -> inBulk(Db.MYSQL, books(), withNull));
  }

  // ---------------------------------------------------------------------------------------------
  // aexplain

  @ParameterizedTest
  @EnumSource
  void explainPrefixesTheSelectOfAallAndBindsTheSameValues(Db db) {
    BookQuerySet qs =
        books().filter(Books.TITLE.eq("it's")).orderBy(Books.PRICE.desc()).offset(5).limit(10);
    Statement all = Rendered.select(db, qs);
    Statement explain = Executor.explainStatement(db.dialect, Rendered.query(qs));
    assertEquals(db.pick("EXPLAIN ", "EXPLAIN ", "EXPLAIN QUERY PLAN ") + all.sql(), explain.sql());
    assertEquals(params("it's", 5L), bound(explain));
  }
}
