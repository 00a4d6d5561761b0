package dev.asyncmodel;

import static dev.asyncmodel.Rendered.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.Rendered.Db;
import dev.asyncmodel.internal.Statement;
import dev.asyncmodel.testmodels.Author;
import dev.asyncmodel.testmodels.BookQuerySet;
import dev.asyncmodel.testmodels.Books;
import dev.asyncmodel.testmodels.Offline;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rendered-SQL cache: a query built again with other values reuses the SQL text rendered the
 * first time; a query of another shape gets its own.
 */
class ShapeCacheTest {
  private static BookQuerySet books() {
    return Books.objects(Offline.DATABASE);
  }

  @Test
  void sameShapeWithOtherValuesReusesTheSameSqlString() {
    Statement first =
        Rendered.select(
            books().filter(Books.TITLE.eq("Dune"), Books.RATING.gt(3.0)).orderBy(Books.ID.asc()));
    Statement second =
        Rendered.select(
            books().filter(Books.TITLE.eq("Emma"), Books.RATING.gt(4.5)).orderBy(Books.ID.asc()));
    assertSame(first.sql(), second.sql());
    assertEquals(params("Dune", 3.0), first.params());
    assertEquals(params("Emma", 4.5), second.params());
  }

  @Test
  void sameLimitWithOtherOffsetsReusesTheSameSqlString() {
    Statement first = Rendered.select(books().limit(50).offset(20));
    Statement second = Rendered.select(books().limit(50).offset(100));
    assertSame(first.sql(), second.sql());
    assertEquals(params(20L), first.params());
    assertEquals(params(100L), second.params());
  }

  @Test
  void anotherLimitIsAnotherShapeWrittenIntoTheSql() {
    Statement ten = Rendered.select(books().limit(10));
    Statement fifty = Rendered.select(books().limit(50));
    assertNotEquals(ten.sql(), fifty.sql());
    assertTrue(fifty.sql().endsWith(" LIMIT 50"), fifty.sql());
    assertEquals(params(), fifty.params());
  }

  @Test
  void patternLookupsWithOtherTextReuseTheSameSqlString() {
    Statement first = Rendered.select(books().filter(Books.TITLE.icontains("dune")));
    Statement second = Rendered.select(books().filter(Books.TITLE.icontains("50%")));
    assertSame(first.sql(), second.sql());
    assertEquals(params("%dune%"), first.params());
    assertEquals(params("%50\\%%"), second.params());
  }

  @Test
  void foreignKeyByRecordAndByIdShareOneShape() {
    Statement byRecord =
        Rendered.select(books().filter(Books.AUTHOR.eq(new Author(1L, "Ann", null))));
    Statement byId = Rendered.select(books().filter(Books.AUTHOR.eq(Ref.ofId(2L))));
    assertSame(byRecord.sql(), byId.sql());
    assertEquals(params(1L), byRecord.params());
    assertEquals(params(2L), byId.params());
  }

  @Test
  void countExistsAndUpdateAreCachedToo() {
    assertSame(
        Rendered.count(books().filter(Books.ID.eq(1L)).limit(3)).sql(),
        Rendered.count(books().filter(Books.ID.eq(2L)).limit(3)).sql());
    assertSame(
        Rendered.exists(books().filter(Books.ID.eq(1L))).sql(),
        Rendered.exists(books().filter(Books.ID.eq(2L))).sql());
    assertSame(
        Rendered.update(books().filter(Books.ID.eq(1L)), List.of(Books.TITLE.set("a"))).sql(),
        Rendered.update(books().filter(Books.ID.eq(2L)), List.of(Books.TITLE.set("b"))).sql());
  }

  @Test
  void otherLookupOnTheSameFieldIsAnotherShape() {
    assertNotEquals(
        Rendered.select(books().filter(Books.RATING.gt(3.0))).sql(),
        Rendered.select(books().filter(Books.RATING.gte(3.0))).sql());
  }

  @Test
  void sameLookupOnAnotherFieldIsAnotherShape() {
    assertNotEquals(
        Rendered.select(books().filter(Books.ID.eq(1L))).sql(),
        Rendered.select(books().filter(Books.AUTHOR.eq(Ref.ofId(1L)))).sql());
  }

  @Test
  void filterAndExcludeOfTheSameLookupAreDifferentShapes() {
    assertNotEquals(
        Rendered.select(books().filter(Books.RATING.eq(1.0))).sql(),
        Rendered.select(books().exclude(Books.RATING.eq(1.0))).sql());
  }

  @Test
  void andOfTwoFiltersAndOrOfThemAreDifferentShapes() {
    assertNotEquals(
        Rendered.select(books().filter(Books.ID.eq(1L).and(Books.ID.eq(2L)))).sql(),
        Rendered.select(books().filter(Books.ID.eq(1L).or(Books.ID.eq(2L)))).sql());
  }

  @Test
  void eqNullIsAnotherShapeThanEqOfAValue() {
    assertNotEquals(
        Rendered.select(books().filter(Books.RATING.eq((Double) null))).sql(),
        Rendered.select(books().filter(Books.RATING.eq(1.0))).sql());
  }

  @Test
  void orderingAndSlicingArePartOfTheShape() {
    String plain = Rendered.select(books()).sql();
    String ascending = Rendered.select(books().orderBy(Books.ID.asc())).sql();
    String descending = Rendered.select(books().orderBy(Books.ID.desc())).sql();
    String limited = Rendered.select(books().limit(5)).sql();
    String offset = Rendered.select(books().offset(5)).sql();
    assertEquals(
        5, List.of(plain, ascending, descending, limited, offset).stream().distinct().count());
  }

  @Test
  void inOfEverySizeIsOneShapeOnPostgresqlButAnEmptyInIsAnother() {
    Statement two = Rendered.select(books().filter(Books.ID.in(List.of(1L, 2L))));
    Statement three = Rendered.select(books().filter(Books.ID.in(List.of(1L, 2L, 3L))));
    Statement none = Rendered.select(books().filter(Books.ID.in(List.of())));
    assertSame(two.sql(), three.sql());
    assertNotEquals(two.sql(), none.sql());
    assertSame(two.sql(), Rendered.select(books().filter(Books.ID.in(List.of(8L)))).sql());
  }

  @ParameterizedTest
  @EnumSource(names = {"MYSQL", "SQLITE"})
  void inOfEachSizeIsAShapeOfItsOwnWhereEachValueHasAPlaceholder(Db db) {
    Statement two = Rendered.select(db, books().filter(Books.ID.in(List.of(1L, 2L))));
    Statement three = Rendered.select(db, books().filter(Books.ID.in(List.of(1L, 2L, 3L))));
    assertNotEquals(two.sql(), three.sql());
    assertSame(two.sql(), Rendered.select(db, books().filter(Books.ID.in(List.of(8L, 9L)))).sql());
    assertEquals(
        params(8L, 9L), Rendered.select(db, books().filter(Books.ID.in(List.of(8L, 9L)))).params());
  }

  @Test
  void eachDialectRendersAndCachesItsOwnSql() {
    Statement postgresql = Rendered.select(Db.POSTGRESQL, books().filter(Books.ID.eq(1L)));
    Statement mysql = Rendered.select(Db.MYSQL, books().filter(Books.ID.eq(1L)));
    Statement sqlite = Rendered.select(Db.SQLITE, books().filter(Books.ID.eq(1L)));
    assertTrue(postgresql.sql().endsWith("WHERE \"id\" = $1"), postgresql.sql());
    assertTrue(mysql.sql().endsWith("WHERE `id` = ?"), mysql.sql());
    assertTrue(sqlite.sql().endsWith("WHERE \"id\" = ?"), sqlite.sql());
    assertSame(sqlite.sql(), Rendered.select(Db.SQLITE, books().filter(Books.ID.eq(2L))).sql());
  }

  @Test
  void countOfASliceIsAnotherShapeThanCountOfAllRows() {
    assertNotEquals(Rendered.count(books()).sql(), Rendered.count(books().limit(5)).sql());
  }

  @Test
  void nestingIsPartOfTheShape() {
    Condition<dev.asyncmodel.testmodels.Book> a = Books.ID.eq(1L);
    Condition<dev.asyncmodel.testmodels.Book> b = Books.RATING.gt(2.0);
    Condition<dev.asyncmodel.testmodels.Book> c = Books.TITLE.eq("c");
    String orThenAnd = Rendered.select(books().filter(a.or(b).and(c))).sql();
    String orOfAnd = Rendered.select(books().filter(a.or(b.and(c)))).sql();
    String notOfOr = Rendered.select(books().filter(a.or(b).not().and(c))).sql();
    String orOfNot = Rendered.select(books().filter(a.not().or(b).and(c))).sql();
    assertEquals(4, List.of(orThenAnd, orOfAnd, notOfOr, orOfNot).stream().distinct().count());
    assertTrue(
        orThenAnd.contains("(\"id\" = $1 OR \"rating\" > $2) AND \"title\" = $3"), orThenAnd);
  }

  @Test
  void aCachedShapeKeepsItsSqlWhileManyOtherShapesAreBuilt() throws Exception {
    Statement first = Rendered.select(books().filter(Books.TITLE.eq("Dune")).limit(7));
    for (int i = 0; i < 200; i++) {
      Rendered.select(books().filter(Books.RATING.gt(1.0 * i)).limit(1000 + i));
      Rendered.count(books().offset(i + 1));
    }
    // Built again on another thread, whose shapes are written elsewhere, and on this one.
    AtomicReference<Statement> elsewhere = new AtomicReference<>();
    Thread other =
        new Thread(
            () ->
                elsewhere.set(
                    Rendered.select(books().filter(Books.TITLE.eq("Bleak House")).limit(7))));
    other.start();
    other.join();
    Statement again = Rendered.select(books().filter(Books.TITLE.eq("Emma")).limit(7));
    assertSame(first.sql(), again.sql());
    assertSame(first.sql(), elsewhere.get().sql());
    assertTrue(first.sql().endsWith("WHERE \"title\" = $1 LIMIT 7"), first.sql());
    assertEquals(params("Emma"), again.params());
    assertEquals(params("Bleak House"), elsewhere.get().params());
  }
}
