package dev.asyncmodel;

import static dev.asyncmodel.Rendered.array;
import static dev.asyncmodel.Rendered.bound;
import static dev.asyncmodel.Rendered.params;
import static dev.asyncmodel.Rendered.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.Rendered.Db;
import dev.asyncmodel.internal.Statement;
import dev.asyncmodel.testmodels.Author;
import dev.asyncmodel.testmodels.BookQuerySet;
import dev.asyncmodel.testmodels.Books;
import dev.asyncmodel.testmodels.MemberQuerySet;
import dev.asyncmodel.testmodels.Members;
import dev.asyncmodel.testmodels.Offline;
import dev.asyncmodel.testmodels.Review;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The WHERE clause and bound values each lookup and combination renders, on each dialect. Where the
 * dialects differ, {@link Db#pick} takes what PostgreSQL, MySQL and SQLite render, in that order.
 */
class LookupSqlTest {
  private static BookQuerySet books() {
    return Books.objects(Offline.DATABASE);
  }

  private static MemberQuerySet members() {
    return Members.objects(Offline.DATABASE);
  }

  private static String selectBooksWhere(Db db) {
    return db.pick(
        "SELECT \"id\", \"author_id\", \"rating\", \"title\", \"price\", \"created_at\""
            + " FROM \"book\" WHERE ",
        "SELECT `id`, `author_id`, `rating`, `title`, `price`, `created_at` FROM `book` WHERE ",
        "SELECT \"id\", \"author_id\", \"rating\", \"title\", \"price\", \"created_at\""
            + " FROM \"book\" WHERE ");
  }

  private static String selectMembersWhere(Db db) {
    return db.pick(
        "SELECT \"id\", \"order\", \"favorite_id\" FROM \"user\" WHERE ",
        "SELECT `id`, `order`, `favorite_id` FROM `user` WHERE ",
        "SELECT \"id\", \"order\", \"favorite_id\" FROM \"user\" WHERE ");
  }

  /** {@code title} matched with LIKE against the first parameter. */
  private static String titleLike(Db db) {
    return db.pick(
        "\"title\" LIKE $1", "`title` LIKE CAST(? AS BINARY)", "\"title\" LIKE ? ESCAPE '\\'");
  }

  /** {@code title} matched with LIKE, ignoring case, against the first parameter. */
  private static String titleLikeIgnoringCase(Db db) {
    return db.pick(
        "\"title\" ILIKE $1",
        "UPPER(`title`) LIKE CAST(UPPER(?) AS BINARY)",
        "UPPER(\"title\") LIKE UPPER(?) ESCAPE '\\'");
  }

  /** Asserts the WHERE clause of the SELECT {@code aall()} runs, and its bound values. */
  private static void assertWhere(Db db, String where, List<Object> params, BookQuerySet qs) {
    assertWhere(selectBooksWhere(db) + where, params, select(db, qs));
  }

  private static void assertWhere(String sql, List<Object> params, Statement statement) {
    assertEquals(sql, statement.sql());
    assertEquals(params, bound(statement));
  }

  // ---------------------------------------------------------------------------------------------
  // One lookup each.

  @ParameterizedTest
  @EnumSource
  void eqComparesWithOnePlaceholder(Db db) {
    assertWhere(
        db,
        db.pick("\"title\" = $1", "`title` = CAST(? AS BINARY)", "\"title\" = ?"),
        params("Dune"),
        books().filter(Books.TITLE.eq("Dune")));
  }

  @ParameterizedTest
  @EnumSource
  void eqNullIsIsNullAndBindsNothing(Db db) {
    assertWhere(
        db,
        db.pick("\"rating\" IS NULL", "`rating` IS NULL", "\"rating\" IS NULL"),
        params(),
        books().filter(Books.RATING.eq((Double) null)));
  }

  @ParameterizedTest
  @EnumSource
  void neOnNotNullColumnIsPlainNegation(Db db) {
    assertWhere(
        db,
        db.pick("NOT (\"title\" = $1)", "NOT (`title` = CAST(? AS BINARY))", "NOT (\"title\" = ?)"),
        params("Dune"),
        books().filter(Books.TITLE.ne("Dune")));
  }

  @ParameterizedTest
  @EnumSource
  void neOnNullableColumnKeepsRowsWhereColumnIsNull(Db db) {
    assertWhere(
        db,
        db.pick(
            "NOT ((\"rating\" = $1 AND \"rating\" IS NOT NULL))",
            "NOT ((`rating` = ? AND `rating` IS NOT NULL))",
            "NOT ((\"rating\" = ? AND \"rating\" IS NOT NULL))"),
        params(4.0),
        books().filter(Books.RATING.ne(4.0)));
  }

  @ParameterizedTest
  @EnumSource
  void neNullIsIsNotNull(Db db) {
    assertWhere(
        db,
        db.pick("NOT (\"rating\" IS NULL)", "NOT (`rating` IS NULL)", "NOT (\"rating\" IS NULL)"),
        params(),
        books().filter(Books.RATING.ne((Double) null)));
  }

  @ParameterizedTest
  @EnumSource
  void orderingComparisonsRenderTheirOperators(Db db) {
    BigDecimal ten = new BigDecimal("10.00");
    // SQLite is given a decimal as its plain text, which the column's NUMERIC affinity converts.
    List<Object> bound = params(db.pick(ten, ten, "10.00"));
    assertWhere(
        db,
        db.pick("\"price\" > $1", "`price` > ?", "\"price\" > ?"),
        bound,
        books().filter(Books.PRICE.gt(ten)));
    assertWhere(
        db,
        db.pick("\"price\" >= $1", "`price` >= ?", "\"price\" >= ?"),
        bound,
        books().filter(Books.PRICE.gte(ten)));
    assertWhere(
        db,
        db.pick("\"price\" < $1", "`price` < ?", "\"price\" < ?"),
        bound,
        books().filter(Books.PRICE.lt(ten)));
    assertWhere(
        db,
        db.pick("\"price\" <= $1", "`price` <= ?", "\"price\" <= ?"),
        bound,
        books().filter(Books.PRICE.lte(ten)));
  }

  @ParameterizedTest
  @EnumSource
  void betweenBindsBothEndsInOrder(Db db) {
    BigDecimal low = new BigDecimal("1.00");
    BigDecimal high = new BigDecimal("9.99");
    assertWhere(
        db,
        db.pick(
            "\"price\" BETWEEN $1 AND $2", "`price` BETWEEN ? AND ?", "\"price\" BETWEEN ? AND ?"),
        db.pick(params(low, high), params(low, high), params("1.00", "9.99")),
        books().filter(Books.PRICE.between(low, high)));
  }

  @ParameterizedTest
  @EnumSource
  void inBindsTheValuesInOrderAsOneArrayOnPostgresqlAndOneEachElsewhere(Db db) {
    assertWhere(
        db,
        db.pick("\"id\" = ANY($1)", "`id` IN (?, ?, ?)", "\"id\" IN (?, ?, ?)"),
        db.pick(params(array(Long.class, 3L, 1L, 2L)), params(3L, 1L, 2L), params(3L, 1L, 2L)),
        books().filter(Books.ID.in(List.of(3L, 1L, 2L))));
  }

  @ParameterizedTest
  @EnumSource
  void inOnATextColumnComparesEachValueExactly(Db db) {
    assertWhere(
        db,
        db.pick(
            "\"title\" = ANY($1)",
            "`title` IN (CAST(? AS BINARY), CAST(? AS BINARY))",
            "\"title\" IN (?, ?)"),
        db.pick(
            params(array(String.class, "Dune", "Emma")),
            params("Dune", "Emma"),
            params("Dune", "Emma")),
        books().filter(Books.TITLE.in(List.of("Dune", "Emma"))));
  }

  @ParameterizedTest
  @EnumSource
  void inUnderExcludeStaysTwoValuedOnANullableColumn(Db db) {
    assertWhere(
        db,
        db.pick(
            "NOT ((\"rating\" = ANY($1) AND \"rating\" IS NOT NULL))",
            "NOT ((`rating` IN (?, ?) AND `rating` IS NOT NULL))",
            "NOT ((\"rating\" IN (?, ?) AND \"rating\" IS NOT NULL))"),
        db.pick(params(array(Double.class, 1.0, 2.0)), params(1.0, 2.0), params(1.0, 2.0)),
        books().exclude(Books.RATING.in(List.of(1.0, 2.0))));
  }

  @ParameterizedTest
  @EnumSource
  void emptyInMatchesNothingWithoutAParameter(Db db) {
    assertWhere(db, "1 = 0", params(), books().filter(Books.ID.in(List.of())));
  }

  @ParameterizedTest
  @EnumSource
  void inOfEmptyCollectionMatchesNothingAndBindsNothing(Db db) {
    assertWhere(db, "1 = 0", params(), books().filter(Books.ID.in(Set.of())));
  }

  @ParameterizedTest
  @EnumSource
  void inOfEmptyCollectionUnderExcludeMatchesEverything(Db db) {
    assertWhere(db, "NOT (1 = 0)", params(), books().exclude(Books.RATING.in(List.of())));
  }

  @Test
  void inRejectsANullValueNamingTheField() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> Books.ID.in(Arrays.asList(1L, null)));
    assertTrue(e.getMessage().contains("id"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource
  void isNullTrueAndFalseRenderWithoutParameters(Db db) {
    assertWhere(
        db,
        db.pick("\"rating\" IS NULL", "`rating` IS NULL", "\"rating\" IS NULL"),
        params(),
        books().filter(Books.RATING.isNull(true)));
    assertWhere(
        db,
        db.pick("\"rating\" IS NOT NULL", "`rating` IS NOT NULL", "\"rating\" IS NOT NULL"),
        params(),
        books().filter(Books.RATING.isNull(false)));
  }

  @ParameterizedTest
  @EnumSource
  void containsIsLikeWithWildcardsAroundTheText(Db db) {
    assertWhere(
        db,
        db.pick(
            "\"title\" LIKE $1", "`title` LIKE CAST(? AS BINARY)", "\"title\" LIKE ? ESCAPE '\\'"),
        params("%Dune%"),
        books().filter(Books.TITLE.contains("Dune")));
  }

  @ParameterizedTest
  @EnumSource
  void regexBindsThePatternAsItIsWithNoEscaping(Db db) {
    assertWhere(
        db,
        db.pick("\"title\" ~ $1", "`title` REGEXP BINARY ?", "\"title\" REGEXP ?"),
        params("^Du_e%$"),
        books().filter(Books.TITLE.regex("^Du_e%$")));
    assertWhere(
        db,
        db.pick("\"title\" ~* $1", "`title` REGEXP ?", "\"title\" REGEXP '(?iu)' || ?"),
        params("^du"),
        books().filter(Books.TITLE.iRegex("^du")));
  }

  @ParameterizedTest
  @EnumSource
  void icontainsIsIlikeOrLikeOfUppercasedSides(Db db) {
    assertWhere(
        db,
        db.pick(
            "\"title\" ILIKE $1",
            "UPPER(`title`) LIKE CAST(UPPER(?) AS BINARY)",
            "UPPER(\"title\") LIKE UPPER(?) ESCAPE '\\'"),
        params("%dune%"),
        books().filter(Books.TITLE.icontains("dune")));
  }

  @ParameterizedTest
  @EnumSource
  void startsWithPutsTheWildcardAfterTheText(Db db) {
    assertWhere(db, titleLike(db), params("Du%"), books().filter(Books.TITLE.startsWith("Du")));
    assertWhere(
        db,
        titleLikeIgnoringCase(db),
        params("du%"),
        books().filter(Books.TITLE.iStartsWith("du")));
  }

  @ParameterizedTest
  @EnumSource
  void endsWithPutsTheWildcardBeforeTheText(Db db) {
    assertWhere(db, titleLike(db), params("%ne"), books().filter(Books.TITLE.endsWith("ne")));
    assertWhere(
        db, titleLikeIgnoringCase(db), params("%NE"), books().filter(Books.TITLE.iEndsWith("NE")));
  }

  @ParameterizedTest
  @EnumSource
  void iEqComparesUppercasedBothSides(Db db) {
    assertWhere(
        db,
        db.pick(
            "UPPER(\"title\") = UPPER($1)",
            "UPPER(`title`) = CAST(UPPER(?) AS BINARY)",
            "UPPER(\"title\") = UPPER(?)"),
        params("dune"),
        books().filter(Books.TITLE.iEq("dune")));
  }

  @ParameterizedTest
  @EnumSource
  void patternLookupsEscapePercentUnderscoreAndBackslash(Db db) {
    assertWhere(
        db,
        titleLike(db),
        params("%50\\%\\_off\\\\%"),
        books().filter(Books.TITLE.contains("50%_off\\")));
    assertWhere(
        db,
        titleLikeIgnoringCase(db),
        params("100\\%%"),
        books().filter(Books.TITLE.iStartsWith("100%")));
    assertWhere(db, titleLike(db), params("%a\\_b"), books().filter(Books.TITLE.endsWith("a_b")));
  }

  @ParameterizedTest
  @EnumSource
  void iEqDoesNotEscapeLikeWildcards(Db db) {
    assertWhere(
        db,
        db.pick(
            "UPPER(\"title\") = UPPER($1)",
            "UPPER(`title`) = CAST(UPPER(?) AS BINARY)",
            "UPPER(\"title\") = UPPER(?)"),
        params("50%_off"),
        books().filter(Books.TITLE.iEq("50%_off")));
  }

  @Test
  void lookupWithNullValueFailsNamingTheField() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> Books.TITLE.contains(nullString()));
    assertTrue(e.getMessage().contains("title"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource
  void instantIsBoundAsEachDatabaseStoresItInUtc(Db db) {
    Instant at = Instant.parse("2024-05-01T12:30:00Z");
    assertWhere(
        db,
        db.pick("\"created_at\" >= $1", "`created_at` >= ?", "\"created_at\" >= ?"),
        params(
            db.pick(
                OffsetDateTime.of(2024, 5, 1, 12, 30, 0, 0, ZoneOffset.UTC),
                LocalDateTime.of(2024, 5, 1, 12, 30),
                "2024-05-01 12:30:00")),
        books().filter(Books.CREATED_AT.gte(at)));
  }

  // ---------------------------------------------------------------------------------------------
  // and / or / not, filter and exclude.

  @ParameterizedTest
  @EnumSource
  void andJoinsInParenthesesWithParametersInOrder(Db db) {
    assertWhere(
        db,
        db.pick(
            "(\"title\" = $1 AND \"rating\" > $2)",
            "(`title` = CAST(? AS BINARY) AND `rating` > ?)",
            "(\"title\" = ? AND \"rating\" > ?)"),
        params("Dune", 4.0),
        books().filter(Books.TITLE.eq("Dune").and(Books.RATING.gt(4.0))));
  }

  @ParameterizedTest
  @EnumSource
  void orJoinsInParentheses(Db db) {
    assertWhere(
        db,
        db.pick(
            "(\"title\" = $1 OR \"title\" = $2)",
            "(`title` = CAST(? AS BINARY) OR `title` = CAST(? AS BINARY))",
            "(\"title\" = ? OR \"title\" = ?)"),
        params("Dune", "Emma"),
        books().filter(Books.TITLE.eq("Dune").or(Books.TITLE.eq("Emma"))));
  }

  @ParameterizedTest
  @EnumSource
  void chainedAndsAndChainedOrsAreFlattened(Db db) {
    assertWhere(
        db,
        db.pick(
            "(\"id\" = $1 AND \"title\" = $2 AND \"rating\" = $3)",
            "(`id` = ? AND `title` = CAST(? AS BINARY) AND `rating` = ?)",
            "(\"id\" = ? AND \"title\" = ? AND \"rating\" = ?)"),
        params(1L, "Dune", 4.0),
        books().filter(Books.ID.eq(1L).and(Books.TITLE.eq("Dune")).and(Books.RATING.eq(4.0))));
    assertWhere(
        db,
        db.pick(
            "(\"id\" = $1 OR \"id\" = $2 OR \"id\" = $3)",
            "(`id` = ? OR `id` = ? OR `id` = ?)",
            "(\"id\" = ? OR \"id\" = ? OR \"id\" = ?)"),
        params(1L, 2L, 3L),
        books().filter(Books.ID.eq(1L).or(Books.ID.eq(2L).or(Books.ID.eq(3L)))));
  }

  @ParameterizedTest
  @EnumSource
  void mixedJunctionsNestInTheirOwnParentheses(Db db) {
    assertWhere(
        db,
        db.pick(
            "((\"id\" = $1 OR \"id\" = $2) AND \"title\" = $3)",
            "((`id` = ? OR `id` = ?) AND `title` = CAST(? AS BINARY))",
            "((\"id\" = ? OR \"id\" = ?) AND \"title\" = ?)"),
        params(1L, 2L, "Dune"),
        books().filter(Books.ID.eq(1L).or(Books.ID.eq(2L)).and(Books.TITLE.eq("Dune"))));
    assertWhere(
        db,
        db.pick(
            "(\"id\" = $1 OR (\"id\" = $2 AND \"title\" = $3))",
            "(`id` = ? OR (`id` = ? AND `title` = CAST(? AS BINARY)))",
            "(\"id\" = ? OR (\"id\" = ? AND \"title\" = ?))"),
        params(1L, 2L, "Dune"),
        books().filter(Books.ID.eq(1L).or(Books.ID.eq(2L).and(Books.TITLE.eq("Dune")))));
  }

  @ParameterizedTest
  @EnumSource
  void notOfAJunctionRendersEveryNullableLookupInsideTwoValued(Db db) {
    assertWhere(
        db,
        db.pick(
            "NOT (((\"rating\" = $1 AND \"rating\" IS NOT NULL) OR \"title\" = $2))",
            "NOT (((`rating` = ? AND `rating` IS NOT NULL) OR `title` = CAST(? AS BINARY)))",
            "NOT (((\"rating\" = ? AND \"rating\" IS NOT NULL) OR \"title\" = ?))"),
        params(4.0, "Dune"),
        books().filter(Books.RATING.eq(4.0).or(Books.TITLE.eq("Dune")).not()));
  }

  @ParameterizedTest
  @EnumSource
  void notOfNotIsTheConditionItself(Db db) {
    assertWhere(
        db,
        db.pick("\"rating\" = $1", "`rating` = ?", "\"rating\" = ?"),
        params(4.0),
        books().filter(Books.RATING.eq(4.0).not().not()));
  }

  @ParameterizedTest
  @EnumSource
  void filterArgumentsAndSuccessiveFiltersAreAnded(Db db) {
    assertWhere(
        db,
        db.pick(
            "\"title\" = $1 AND \"rating\" > $2 AND \"id\" < $3",
            "`title` = CAST(? AS BINARY) AND `rating` > ? AND `id` < ?",
            "\"title\" = ? AND \"rating\" > ? AND \"id\" < ?"),
        params("Dune", 4.0, 9L),
        books().filter(Books.TITLE.eq("Dune"), Books.RATING.gt(4.0)).filter(Books.ID.lt(9L)));
  }

  @ParameterizedTest
  @EnumSource
  void excludeOnNullableColumnRendersDjangosTwoValuedForm(Db db) {
    assertWhere(
        db,
        db.pick(
            "NOT ((\"rating\" = $1 AND \"rating\" IS NOT NULL))",
            "NOT ((`rating` = ? AND `rating` IS NOT NULL))",
            "NOT ((\"rating\" = ? AND \"rating\" IS NOT NULL))"),
        params(4.0),
        books().exclude(Books.RATING.eq(4.0)));
  }

  @ParameterizedTest
  @EnumSource
  void excludeOnNotNullColumnRendersPlainNot(Db db) {
    assertWhere(
        db,
        db.pick("NOT (\"title\" = $1)", "NOT (`title` = CAST(? AS BINARY))", "NOT (\"title\" = ?)"),
        params("Dune"),
        books().exclude(Books.TITLE.eq("Dune")));
  }

  @ParameterizedTest
  @EnumSource
  void excludeOfSeveralConditionsNegatesTheirConjunction(Db db) {
    assertWhere(
        db,
        db.pick(
            "NOT ((\"title\" = $1 AND (\"rating\" > $2 AND \"rating\" IS NOT NULL)))",
            "NOT ((`title` = CAST(? AS BINARY) AND (`rating` > ? AND `rating` IS NOT NULL)))",
            "NOT ((\"title\" = ? AND (\"rating\" > ? AND \"rating\" IS NOT NULL)))"),
        params("Dune", 4.0),
        books().exclude(Books.TITLE.eq("Dune"), Books.RATING.gt(4.0)));
  }

  @ParameterizedTest
  @EnumSource
  void excludeOfIsNullDoesNotAddAnotherNullTest(Db db) {
    assertWhere(
        db,
        db.pick("NOT (\"rating\" IS NULL)", "NOT (`rating` IS NULL)", "NOT (\"rating\" IS NULL)"),
        params(),
        books().exclude(Books.RATING.isNull(true)));
  }

  @ParameterizedTest
  @EnumSource
  void filterAndExcludeCombineInCallOrder(Db db) {
    assertWhere(
        db,
        db.pick(
            "\"title\" = $1 AND NOT ((\"rating\" < $2 AND \"rating\" IS NOT NULL))",
            "`title` = CAST(? AS BINARY) AND NOT ((`rating` < ? AND `rating` IS NOT NULL))",
            "\"title\" = ? AND NOT ((\"rating\" < ? AND \"rating\" IS NOT NULL))"),
        params("Dune", 2.0),
        books().filter(Books.TITLE.eq("Dune")).exclude(Books.RATING.lt(2.0)));
  }

  // ---------------------------------------------------------------------------------------------
  // Foreign keys and quoting.

  @ParameterizedTest
  @EnumSource
  void filterOnForeignKeyBindsIdOfRefOfId(Db db) {
    assertWhere(
        db,
        db.pick("\"author_id\" = $1", "`author_id` = ?", "\"author_id\" = ?"),
        params(7L),
        books().filter(Books.AUTHOR.eq(Ref.ofId(7L))));
  }

  @ParameterizedTest
  @EnumSource
  void filterOnForeignKeyBindsReferencedIdOfSavedRecord(Db db) {
    Author author = new Author(42L, "Ann", null);
    String where = db.pick("\"author_id\" = $1", "`author_id` = ?", "\"author_id\" = ?");
    assertWhere(db, where, params(42L), books().filter(Books.AUTHOR.eq(author)));
    assertWhere(db, where, params(42L), books().filter(Books.AUTHOR.eq(Ref.of(author))));
  }

  @ParameterizedTest
  @EnumSource
  void foreignKeyInBindsTheIdOfEachRecord(Db db) {
    assertWhere(
        db,
        db.pick("\"author_id\" = ANY($1)", "`author_id` IN (?, ?)", "\"author_id\" IN (?, ?)"),
        db.pick(params(array(Long.class, 1L, 2L)), params(1L, 2L), params(1L, 2L)),
        books()
            .filter(
                Books.AUTHOR.in(List.of(new Author(1L, "Ann", null), new Author(2L, "Bo", null)))));
  }

  @ParameterizedTest
  @EnumSource
  void foreignKeyEqNullRefIsIsNull(Db db) {
    assertWhere(
        selectMembersWhere(db)
            + db.pick(
                "\"favorite_id\" IS NULL", "`favorite_id` IS NULL", "\"favorite_id\" IS NULL"),
        params(),
        select(db, members().filter(Members.FAVORITE.eq((Ref<Review>) null))));
  }

  @ParameterizedTest
  @EnumSource
  void excludeOnNullableForeignKeyKeepsRowsWithoutAReference(Db db) {
    assertWhere(
        selectMembersWhere(db)
            + db.pick(
                "NOT ((\"favorite_id\" = $1 AND \"favorite_id\" IS NOT NULL))",
                "NOT ((`favorite_id` = ? AND `favorite_id` IS NOT NULL))",
                "NOT ((\"favorite_id\" = ? AND \"favorite_id\" IS NOT NULL))"),
        params(9L),
        select(db, members().exclude(Members.FAVORITE.eq(Ref.<Review>ofId(9L)))));
  }

  @Test
  void foreignKeyToUnsavedRecordFailsNamingTheModelWhenRendered() {
    BookQuerySet qs = books().filter(Books.AUTHOR.eq(new Author(null, "Ann", null)));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> select(qs));
    assertTrue(e.getMessage().contains("Author"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource
  void reservedWordsAsTableAndColumnNamesAreQuoted(Db db) {
    assertWhere(
        selectMembersWhere(db)
            + db.pick(
                "\"order\" > $1 ORDER BY \"order\" DESC",
                "`order` > ? ORDER BY `order` DESC",
                "\"order\" > ? ORDER BY \"order\" DESC"),
        params(3),
        select(db, members().filter(Members.ORDER.gt(3)).orderBy(Members.ORDER.desc())));
  }

  @ParameterizedTest
  @EnumSource
  void quoteDoublesEmbeddedQuotes(Db db) {
    assertEquals(
        db.pick("\"we\"\"ird\"", "`we``ird`", "\"we\"\"ird\""),
        db.dialect.quote(db.pick("we\"ird", "we`ird", "we\"ird")));
  }

  private static String nullString() {
    return null;
  }
}
