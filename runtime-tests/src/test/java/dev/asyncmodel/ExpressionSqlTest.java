package dev.asyncmodel;

import static dev.asyncmodel.Rendered.bound;
import static dev.asyncmodel.Rendered.params;
import static dev.asyncmodel.Rendered.select;
import static dev.asyncmodel.Rendered.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.asyncmodel.Rendered.Db;
import dev.asyncmodel.internal.Statement;
import dev.asyncmodel.testmodels.Book;
import dev.asyncmodel.testmodels.BookQuerySet;
import dev.asyncmodel.testmodels.Books;
import dev.asyncmodel.testmodels.Offline;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The SQL of expressions, transforms, aggregates and projections on each dialect: what {@code
 * docs/queries.md} shows. Where the dialects differ, {@link Db#pick} takes PostgreSQL's, MySQL's
 * and SQLite's, in that order.
 */
class ExpressionSqlTest {
  private static BookQuerySet books() {
    return Books.objects(Offline.DATABASE);
  }

  private static String where(Db db, Statement statement) {
    String sql = statement.sql();
    return sql.substring(sql.indexOf(" WHERE ") + 7);
  }

  private static Statement values(Db db, ValuesQuerySet<Book> values) {
    return values.statement(db.dialect);
  }

  @ParameterizedTest
  @EnumSource
  void anUpdateAssignsArithmeticOfTheColumn(Db db) {
    Statement statement =
        update(
            db,
            books().filter(Books.ID.eq(7L)),
            List.of(Books.PRICE.setTo(Books.PRICE.plus(new BigDecimal("-2.50")))));
    assertEquals(
        db.pick(
            "UPDATE \"book\" SET \"price\" = (\"price\" + $1) WHERE \"id\" = $2",
            "UPDATE `book` SET `price` = (`price` + ?) WHERE `id` = ?",
            "UPDATE \"book\" SET \"price\" = asyncmodel_fit_decimal((\"price\" + CAST(? AS"
                + " NUMERIC)), 10, 2) WHERE \"id\" = ?"),
        statement.sql());
    assertEquals(2, statement.params().size());
  }

  @ParameterizedTest
  @EnumSource
  void aFieldAgainstAnExpressionUnderNotTestsBothSidesForNull(Db db) {
    Statement statement =
        select(db, books().exclude(Books.RATING.gt(Books.RATING.times(2.0).minus(1.0))));
    assertEquals(
        db.pick(
            "NOT ((\"rating\" > ((\"rating\" * $1) - $2) AND \"rating\" IS NOT NULL AND"
                + " ((\"rating\" * $3) - $4) IS NOT NULL))",
            "NOT ((`rating` > ((`rating` * ?) - ?) AND `rating` IS NOT NULL AND ((`rating` * ?) -"
                + " ?) IS NOT NULL))",
            "NOT ((\"rating\" > ((\"rating\" * ?) - ?) AND \"rating\" IS NOT NULL AND"
                + " ((\"rating\" * ?) - ?) IS NOT NULL))"),
        where(db, statement));
    assertEquals(params(2.0, 1.0, 2.0, 1.0), bound(statement));
  }

  @ParameterizedTest
  @EnumSource
  void dateTransformsInUtc(Db db) {
    Statement statement =
        select(
            db,
            books()
                .filter(
                    Books.CREATED_AT.year().eq(2026),
                    Books.CREATED_AT.weekDay().eq(1),
                    Books.CREATED_AT.truncMonth().eq(Instant.parse("2026-02-01T00:00:00Z"))));
    assertEquals(
        db.pick(
            "CAST(EXTRACT(YEAR FROM (\"created_at\" AT TIME ZONE 'UTC')) AS integer) = $1"
                + " AND (CAST(EXTRACT(DOW FROM (\"created_at\" AT TIME ZONE 'UTC')) AS integer)"
                + " + 1) = $2"
                + " AND (DATE_TRUNC('month', (\"created_at\" AT TIME ZONE 'UTC')) AT TIME ZONE"
                + " 'UTC') = $3",
            "YEAR(`created_at`) = ? AND DAYOFWEEK(`created_at`) = ? AND"
                + " CAST(DATE_FORMAT(`created_at`, '%Y-%m-01 00:00:00') AS DATETIME(6)) = ?",
            "CAST(strftime('%Y', \"created_at\") AS INTEGER) = ? AND (CAST(strftime('%w',"
                + " \"created_at\") AS INTEGER) + 1) = ? AND strftime('%Y-%m-01 00:00:00',"
                + " \"created_at\") = ?"),
        where(db, statement));
  }

  @ParameterizedTest
  @EnumSource
  void textTransforms(Db db) {
    Statement statement =
        select(db, books().filter(Books.TITLE.lower().eq("dune"), Books.TITLE.length().gt(3)));
    assertEquals(
        db.pick(
            "LOWER(\"title\") = $1 AND LENGTH(\"title\") > $2",
            "LOWER(`title`) = CAST(? AS BINARY) AND CHAR_LENGTH(`title`) > ?",
            "LOWER(\"title\") = ? AND LENGTH(\"title\") > ?"),
        where(db, statement));
    assertEquals(params("dune", 3), bound(statement));
  }

  @ParameterizedTest
  @EnumSource
  void groupedProjectionGroupsByPositionAndOrdersByAlias(Db db) {
    Aggregate<Book, BigDecimal> total = Books.PRICE.sum();
    Aggregate<Book, Long> count = Books.ID.count();
    Statement statement =
        values(
            db,
            books()
                .filter(Books.RATING.isNull(false))
                .values(Books.TITLE, count, total)
                .having(total.gt(BigDecimal.TEN))
                .orderBy(total.desc().nullsLast(), Books.TITLE.asc())
                .limit(5));
    assertEquals(
        db.pick(
            "SELECT \"title\", COUNT(\"id\") AS \"id__count\", SUM(\"price\") AS \"price__sum\""
                + " FROM \"book\" WHERE \"rating\" IS NOT NULL GROUP BY 1 HAVING SUM(\"price\") >"
                + " $1 ORDER BY \"price__sum\" DESC NULLS LAST, \"title\" ASC LIMIT 5",
            "SELECT `title`, COUNT(`id`) AS `id__count`, SUM(`price`) AS `price__sum` FROM `book`"
                + " WHERE `rating` IS NOT NULL GROUP BY 1 HAVING SUM(`price`) > ? ORDER BY"
                + " `price__sum` IS NULL, `price__sum` DESC, `title` ASC LIMIT 5",
            "SELECT \"title\", COUNT(\"id\") AS \"id__count\", SUM(\"price\") AS \"price__sum\""
                + " FROM \"book\" WHERE \"rating\" IS NOT NULL GROUP BY 1 HAVING SUM(\"price\") >"
                + " CAST(? AS NUMERIC) ORDER BY \"price__sum\" DESC NULLS LAST, \"title\" ASC LIMIT"
                + " 5"),
        statement.sql());
    assertEquals(1, statement.params().size());
  }

  @ParameterizedTest
  @EnumSource
  void anExpressionSelectedWithAValueIsBoundOnceAndGroupedByPosition(Db db) {
    FloatExpression<Book, Double> boosted = Books.RATING.plus(0.5);
    Statement statement =
        values(db, books().values(boosted, Books.ID.count()).orderBy(boosted.asc()));
    assertEquals(
        db.pick(
            "SELECT (\"rating\" + $1) AS \"rating__plus\", COUNT(\"id\") AS \"id__count\" FROM"
                + " \"book\" GROUP BY 1 ORDER BY \"rating__plus\" ASC",
            "SELECT (`rating` + ?) AS `rating__plus`, COUNT(`id`) AS `id__count` FROM `book` GROUP"
                + " BY 1 ORDER BY `rating__plus` ASC",
            "SELECT (\"rating\" + ?) AS \"rating__plus\", COUNT(\"id\") AS \"id__count\" FROM"
                + " \"book\" GROUP BY 1 ORDER BY \"rating__plus\" ASC"),
        statement.sql());
    assertEquals(params(0.5), bound(statement));
  }

  @ParameterizedTest
  @EnumSource
  void anExpressionOrderingWithNullsIsBoundAsOftenAsItIsWritten(Db db) {
    Statement statement = select(db, books().orderBy(Books.RATING.times(2.0).desc().nullsFirst()));
    String sql = statement.sql();
    assertEquals(
        db.pick(
            " ORDER BY (\"rating\" * $1) DESC NULLS FIRST",
            " ORDER BY (`rating` * ?) IS NOT NULL, (`rating` * ?) DESC",
            " ORDER BY (\"rating\" * ?) DESC NULLS FIRST"),
        sql.substring(sql.indexOf(" ORDER BY ")));
    assertEquals(db.pick(params(2.0), params(2.0, 2.0), params(2.0)), bound(statement));
  }

  @ParameterizedTest
  @EnumSource
  void anAggregateOfASliceIsASubquery(Db db) {
    Statement statement =
        QuerySet.aggregating(
                Offline.DATABASE,
                Rendered.query(books().orderBy(Books.PRICE.desc()).limit(3)),
                List.of(Books.PRICE.sum()),
                null)
            .statement(db.dialect);
    assertEquals(
        db.pick(
            "SELECT SUM(\"price\") AS \"price__sum\" FROM (SELECT \"id\", \"author_id\","
                + " \"rating\", \"title\", \"price\", \"created_at\" FROM \"book\" ORDER BY"
                + " \"price\" DESC LIMIT 3) \"sliced\"",
            "SELECT SUM(`price`) AS `price__sum` FROM (SELECT `id`, `author_id`, `rating`,"
                + " `title`, `price`, `created_at` FROM `book` ORDER BY `price` DESC LIMIT 3)"
                + " `sliced`",
            "SELECT SUM(\"price\") AS \"price__sum\" FROM (SELECT \"id\", \"author_id\","
                + " \"rating\", \"title\", \"price\", \"created_at\" FROM \"book\" ORDER BY"
                + " \"price\" DESC LIMIT 3) \"sliced\""),
        statement.sql());
  }

  @ParameterizedTest
  @EnumSource
  void theSameShapeIsRenderedOnce(Db db) {
    Statement first =
        select(
            db,
            books().filter(Books.PRICE.plus(BigDecimal.ONE).gt(Books.PRICE.times(BigDecimal.TEN))));
    Statement second =
        select(
            db,
            books().filter(Books.PRICE.plus(BigDecimal.TEN).gt(Books.PRICE.times(BigDecimal.ONE))));
    assertSame(first.sql(), second.sql());
    Statement other = select(db, books().filter(Books.PRICE.minus(BigDecimal.ONE).gt(Books.PRICE)));
    assertEquals(false, first.sql().equals(other.sql()));
  }
}
