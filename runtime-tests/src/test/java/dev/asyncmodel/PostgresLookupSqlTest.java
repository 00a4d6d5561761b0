package dev.asyncmodel;

import static dev.asyncmodel.Rendered.params;
import static dev.asyncmodel.Rendered.select;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The WHERE clause and bound values each lookup and combination renders on PostgreSQL. */
class PostgresLookupSqlTest {
  private static final String BOOKS =
      "SELECT \"id\", \"author_id\", \"rating\", \"title\", \"price\", \"created_at\""
          + " FROM \"book\" WHERE ";

  private static BookQuerySet books() {
    return Books.objects(Offline.DATABASE);
  }

  private static void assertWhere(String where, List<Object> params, Statement statement) {
    assertEquals(BOOKS + where, statement.sql());
    assertEquals(params, statement.params());
  }

  // ---------------------------------------------------------------------------------------------
  // One lookup each.

  @Test
  void eqComparesWithOnePlaceholder() {
    assertWhere("\"title\" = $1", params("Dune"), select(books().filter(Books.TITLE.eq("Dune"))));
  }

  @Test
  void eqNullIsIsNullAndBindsNothing() {
    assertWhere("\"rating\" IS NULL", params(), select(books().filter(Books.RATING.eq(null))));
  }

  @Test
  void neOnNotNullColumnIsPlainNegation() {
    assertWhere(
        "NOT (\"title\" = $1)", params("Dune"), select(books().filter(Books.TITLE.ne("Dune"))));
  }

  @Test
  void neOnNullableColumnKeepsRowsWhereColumnIsNull() {
    assertWhere(
        "NOT ((\"rating\" = $1 AND \"rating\" IS NOT NULL))",
        params(4.0),
        select(books().filter(Books.RATING.ne(4.0))));
  }

  @Test
  void neNullIsIsNotNull() {
    assertWhere(
        "NOT (\"rating\" IS NULL)", params(), select(books().filter(Books.RATING.ne(null))));
  }

  @Test
  void orderingComparisonsRenderTheirOperators() {
    BigDecimal ten = new BigDecimal("10.00");
    assertWhere("\"price\" > $1", params(ten), select(books().filter(Books.PRICE.gt(ten))));
    assertWhere("\"price\" >= $1", params(ten), select(books().filter(Books.PRICE.gte(ten))));
    assertWhere("\"price\" < $1", params(ten), select(books().filter(Books.PRICE.lt(ten))));
    assertWhere("\"price\" <= $1", params(ten), select(books().filter(Books.PRICE.lte(ten))));
  }

  @Test
  void betweenBindsBothEndsInOrder() {
    BigDecimal low = new BigDecimal("1.00");
    BigDecimal high = new BigDecimal("9.99");
    assertWhere(
        "\"price\" BETWEEN $1 AND $2",
        params(low, high),
        select(books().filter(Books.PRICE.between(low, high))));
  }

  @Test
  void inBindsTheValuesAsOneArrayInOrder() {
    Statement statement = select(books().filter(Books.ID.in(List.of(3L, 1L, 2L))));
    assertEquals(BOOKS + "\"id\" = ANY($1)", statement.sql());
    assertEquals(1, statement.params().size());
    assertArrayEquals(new Long[] {3L, 1L, 2L}, (Object[]) statement.params().get(0));
  }

  @Test
  void inUnderExcludeStaysTwoValuedOnANullableColumn() {
    Statement statement = select(books().exclude(Books.RATING.in(List.of(1.0, 2.0))));
    assertEquals(
        BOOKS + "NOT ((\"rating\" = ANY($1) AND \"rating\" IS NOT NULL))", statement.sql());
    assertArrayEquals(new Double[] {1.0, 2.0}, (Object[]) statement.params().get(0));
  }

  @Test
  void emptyInMatchesNothingWithoutAParameter() {
    assertWhere("1 = 0", params(), select(books().filter(Books.ID.in(List.of()))));
  }

  @Test
  void inOfEmptyCollectionMatchesNothingAndBindsNothing() {
    assertWhere("1 = 0", params(), select(books().filter(Books.ID.in(Set.of()))));
  }

  @Test
  void inOfEmptyCollectionUnderExcludeMatchesEverything() {
    assertWhere("NOT (1 = 0)", params(), select(books().exclude(Books.RATING.in(List.of()))));
  }

  @Test
  void inRejectsANullValueNamingTheField() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> Books.ID.in(Arrays.asList(1L, null)));
    assertTrue(e.getMessage().contains("id"), e.getMessage());
  }

  @Test
  void isNullTrueAndFalseRenderWithoutParameters() {
    assertWhere("\"rating\" IS NULL", params(), select(books().filter(Books.RATING.isNull(true))));
    assertWhere(
        "\"rating\" IS NOT NULL", params(), select(books().filter(Books.RATING.isNull(false))));
  }

  @Test
  void containsIsLikeWithWildcardsAroundTheText() {
    assertWhere(
        "\"title\" LIKE $1",
        params("%Dune%"),
        select(books().filter(Books.TITLE.contains("Dune"))));
  }

  @Test
  void icontainsIsIlike() {
    assertWhere(
        "\"title\" ILIKE $1",
        params("%dune%"),
        select(books().filter(Books.TITLE.icontains("dune"))));
  }

  @Test
  void startsWithPutsTheWildcardAfterTheText() {
    assertWhere(
        "\"title\" LIKE $1", params("Du%"), select(books().filter(Books.TITLE.startsWith("Du"))));
    assertWhere(
        "\"title\" ILIKE $1", params("du%"), select(books().filter(Books.TITLE.iStartsWith("du"))));
  }

  @Test
  void endsWithPutsTheWildcardBeforeTheText() {
    assertWhere(
        "\"title\" LIKE $1", params("%ne"), select(books().filter(Books.TITLE.endsWith("ne"))));
    assertWhere(
        "\"title\" ILIKE $1", params("%NE"), select(books().filter(Books.TITLE.iEndsWith("NE"))));
  }

  @Test
  void iEqComparesUppercasedBothSides() {
    assertWhere(
        "UPPER(\"title\") = UPPER($1)",
        params("dune"),
        select(books().filter(Books.TITLE.iEq("dune"))));
  }

  @Test
  void patternLookupsEscapePercentUnderscoreAndBackslash() {
    assertWhere(
        "\"title\" LIKE $1",
        params("%50\\%\\_off\\\\%"),
        select(books().filter(Books.TITLE.contains("50%_off\\"))));
    assertWhere(
        "\"title\" ILIKE $1",
        params("100\\%%"),
        select(books().filter(Books.TITLE.iStartsWith("100%"))));
    assertWhere(
        "\"title\" LIKE $1", params("%a\\_b"), select(books().filter(Books.TITLE.endsWith("a_b"))));
  }

  @Test
  void iEqDoesNotEscapeLikeWildcards() {
    assertWhere(
        "UPPER(\"title\") = UPPER($1)",
        params("50%_off"),
        select(books().filter(Books.TITLE.iEq("50%_off"))));
  }

  @Test
  void lookupWithNullValueFailsNamingTheField() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> Books.TITLE.contains(nullString()));
    assertTrue(e.getMessage().contains("title"), e.getMessage());
  }

  @Test
  void instantIsBoundAsUtcOffsetDateTime() {
    Instant at = Instant.parse("2024-05-01T12:30:00Z");
    assertWhere(
        "\"created_at\" >= $1",
        params(OffsetDateTime.of(2024, 5, 1, 12, 30, 0, 0, ZoneOffset.UTC)),
        select(books().filter(Books.CREATED_AT.gte(at))));
  }

  // ---------------------------------------------------------------------------------------------
  // and / or / not, filter and exclude.

  @Test
  void andJoinsInParenthesesWithParametersInOrder() {
    assertWhere(
        "(\"title\" = $1 AND \"rating\" > $2)",
        params("Dune", 4.0),
        select(books().filter(Books.TITLE.eq("Dune").and(Books.RATING.gt(4.0)))));
  }

  @Test
  void orJoinsInParentheses() {
    assertWhere(
        "(\"title\" = $1 OR \"title\" = $2)",
        params("Dune", "Emma"),
        select(books().filter(Books.TITLE.eq("Dune").or(Books.TITLE.eq("Emma")))));
  }

  @Test
  void chainedAndsAndChainedOrsAreFlattened() {
    assertWhere(
        "(\"id\" = $1 AND \"title\" = $2 AND \"rating\" = $3)",
        params(1L, "Dune", 4.0),
        select(
            books().filter(Books.ID.eq(1L).and(Books.TITLE.eq("Dune")).and(Books.RATING.eq(4.0)))));
    assertWhere(
        "(\"id\" = $1 OR \"id\" = $2 OR \"id\" = $3)",
        params(1L, 2L, 3L),
        select(books().filter(Books.ID.eq(1L).or(Books.ID.eq(2L).or(Books.ID.eq(3L))))));
  }

  @Test
  void mixedJunctionsNestInTheirOwnParentheses() {
    assertWhere(
        "((\"id\" = $1 OR \"id\" = $2) AND \"title\" = $3)",
        params(1L, 2L, "Dune"),
        select(books().filter(Books.ID.eq(1L).or(Books.ID.eq(2L)).and(Books.TITLE.eq("Dune")))));
    assertWhere(
        "(\"id\" = $1 OR (\"id\" = $2 AND \"title\" = $3))",
        params(1L, 2L, "Dune"),
        select(books().filter(Books.ID.eq(1L).or(Books.ID.eq(2L).and(Books.TITLE.eq("Dune"))))));
  }

  @Test
  void notOfAJunctionRendersEveryNullableLookupInsideTwoValued() {
    assertWhere(
        "NOT (((\"rating\" = $1 AND \"rating\" IS NOT NULL) OR \"title\" = $2))",
        params(4.0, "Dune"),
        select(books().filter(Books.RATING.eq(4.0).or(Books.TITLE.eq("Dune")).not())));
  }

  @Test
  void notOfNotIsTheConditionItself() {
    assertWhere(
        "\"rating\" = $1", params(4.0), select(books().filter(Books.RATING.eq(4.0).not().not())));
  }

  @Test
  void filterArgumentsAndSuccessiveFiltersAreAnded() {
    assertWhere(
        "\"title\" = $1 AND \"rating\" > $2 AND \"id\" < $3",
        params("Dune", 4.0, 9L),
        select(
            books().filter(Books.TITLE.eq("Dune"), Books.RATING.gt(4.0)).filter(Books.ID.lt(9L))));
  }

  @Test
  void excludeOnNullableColumnRendersDjangosTwoValuedForm() {
    assertWhere(
        "NOT ((\"rating\" = $1 AND \"rating\" IS NOT NULL))",
        params(4.0),
        select(books().exclude(Books.RATING.eq(4.0))));
  }

  @Test
  void excludeOnNotNullColumnRendersPlainNot() {
    assertWhere(
        "NOT (\"title\" = $1)", params("Dune"), select(books().exclude(Books.TITLE.eq("Dune"))));
  }

  @Test
  void excludeOfSeveralConditionsNegatesTheirConjunction() {
    assertWhere(
        "NOT ((\"title\" = $1 AND (\"rating\" > $2 AND \"rating\" IS NOT NULL)))",
        params("Dune", 4.0),
        select(books().exclude(Books.TITLE.eq("Dune"), Books.RATING.gt(4.0))));
  }

  @Test
  void excludeOfIsNullDoesNotAddAnotherNullTest() {
    assertWhere(
        "NOT (\"rating\" IS NULL)", params(), select(books().exclude(Books.RATING.isNull(true))));
  }

  @Test
  void filterAndExcludeCombineInCallOrder() {
    assertWhere(
        "\"title\" = $1 AND NOT ((\"rating\" < $2 AND \"rating\" IS NOT NULL))",
        params("Dune", 2.0),
        select(books().filter(Books.TITLE.eq("Dune")).exclude(Books.RATING.lt(2.0))));
  }

  // ---------------------------------------------------------------------------------------------
  // Foreign keys and quoting.

  @Test
  void filterOnForeignKeyBindsIdOfRefOfId() {
    assertWhere(
        "\"author_id\" = $1", params(7L), select(books().filter(Books.AUTHOR.eq(Ref.ofId(7L)))));
  }

  @Test
  void filterOnForeignKeyBindsReferencedIdOfSavedRecord() {
    Author author = new Author(42L, "Ann", null);
    assertWhere("\"author_id\" = $1", params(42L), select(books().filter(Books.AUTHOR.eq(author))));
    assertWhere(
        "\"author_id\" = $1", params(42L), select(books().filter(Books.AUTHOR.eq(Ref.of(author)))));
  }

  @Test
  void foreignKeyInBindsTheIdOfEachRecord() {
    Statement statement =
        select(
            books()
                .filter(
                    Books.AUTHOR.in(
                        List.of(new Author(1L, "Ann", null), new Author(2L, "Bo", null)))));
    assertEquals(BOOKS + "\"author_id\" = ANY($1)", statement.sql());
    assertArrayEquals(new Long[] {1L, 2L}, (Object[]) statement.params().get(0));
  }

  @Test
  void foreignKeyEqNullRefIsIsNull() {
    assertEquals(
        "SELECT \"id\", \"order\", \"favorite_id\" FROM \"user\" WHERE \"favorite_id\" IS NULL",
        select(Members.objects(Offline.DATABASE).filter(Members.FAVORITE.eq((Ref<Review>) null)))
            .sql());
  }

  @Test
  void excludeOnNullableForeignKeyKeepsRowsWithoutAReference() {
    Statement statement =
        select(
            Members.objects(Offline.DATABASE).exclude(Members.FAVORITE.eq(Ref.<Review>ofId(9L))));
    assertEquals(
        "SELECT \"id\", \"order\", \"favorite_id\" FROM \"user\""
            + " WHERE NOT ((\"favorite_id\" = $1 AND \"favorite_id\" IS NOT NULL))",
        statement.sql());
    assertEquals(params(9L), statement.params());
  }

  @Test
  void foreignKeyToUnsavedRecordFailsNamingTheModelWhenRendered() {
    BookQuerySet qs = books().filter(Books.AUTHOR.eq(new Author(null, "Ann", null)));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> select(qs));
    assertTrue(e.getMessage().contains("Author"), e.getMessage());
  }

  @Test
  void reservedWordsAsTableAndColumnNamesAreQuoted() {
    Statement statement =
        select(
            Members.objects(Offline.DATABASE)
                .filter(Members.ORDER.gt(3))
                .orderBy(Members.ORDER.desc()));
    assertEquals(
        "SELECT \"id\", \"order\", \"favorite_id\" FROM \"user\" WHERE \"order\" > $1"
            + " ORDER BY \"order\" DESC",
        statement.sql());
    assertEquals(params(3), statement.params());
  }

  @Test
  void quoteDoublesEmbeddedQuotes() {
    assertEquals("\"we\"\"ird\"", Rendered.PG.quote("we\"ird"));
  }

  private static String nullString() {
    return null;
  }
}
