package dev.asyncmodel;

import static dev.asyncmodel.Rendered.bound;
import static dev.asyncmodel.Rendered.params;
import static dev.asyncmodel.Rendered.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.asyncmodel.Rendered.Db;
import dev.asyncmodel.internal.Statement;
import dev.asyncmodel.testmodels.Authors;
import dev.asyncmodel.testmodels.BookQuerySet;
import dev.asyncmodel.testmodels.Books;
import dev.asyncmodel.testmodels.Offline;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code fk.in(QuerySet)}: one statement, its values in placeholder order, on each dialect. */
class SubquerySqlTest {
  private static BookQuerySet books() {
    return Books.objects(Offline.DATABASE);
  }

  private static String where(Statement statement) {
    String sql = statement.sql();
    return sql.substring(sql.indexOf(" WHERE ") + 7);
  }

  @ParameterizedTest
  @EnumSource
  void aForeignKeyInAQuerySetIsASubqueryOfTheTargetsKeys(Db db) {
    Statement statement =
        select(
            db,
            books()
                .filter(
                    Books.TITLE.eq("Dune"),
                    Books.AUTHOR.in(
                        Authors.objects(Offline.DATABASE).filter(Authors.NAME.startsWith("F"))),
                    Books.RATING.gt(3.0)));
    assertEquals(
        db.pick(
            "\"title\" = $1 AND \"author_id\" IN (SELECT \"id\" FROM \"author\" WHERE \"name\""
                + " LIKE $2) AND \"rating\" > $3",
            "`title` = CAST(? AS BINARY) AND `author_id` IN (SELECT `id` FROM `author` WHERE"
                + " `name` LIKE CAST(? AS BINARY)) AND `rating` > ?",
            "\"title\" = ? AND \"author_id\" IN (SELECT \"id\" FROM \"author\" WHERE \"name\""
                + " LIKE ? ESCAPE '\\') AND \"rating\" > ?"),
        where(statement));
    assertEquals(params("Dune", "F%", 3.0), bound(statement));
  }

  @ParameterizedTest
  @EnumSource
  void aSlicedQuerySetIsADerivedTableWithItsOrderingAndSlice(Db db) {
    Statement statement =
        select(
            db,
            books()
                .filter(
                    Books.AUTHOR.in(
                        Authors.objects(Offline.DATABASE)
                            .orderBy(Authors.NAME.desc())
                            .offset(2)
                            .limit(5)))
                .offset(1));
    String sql = statement.sql();
    assertEquals(
        db.pick(
            "\"author_id\" IN (SELECT \"id\" FROM (SELECT \"id\" FROM \"author\" ORDER BY \"name\""
                + " DESC LIMIT 5 OFFSET $1) \"subquery\") OFFSET $2",
            "`author_id` IN (SELECT `id` FROM (SELECT `id` FROM `author` ORDER BY `name` DESC"
                + " LIMIT 5 OFFSET ?) `subquery`) LIMIT 18446744073709551615 OFFSET ?",
            "\"author_id\" IN (SELECT \"id\" FROM (SELECT \"id\" FROM \"author\" ORDER BY \"name\""
                + " DESC LIMIT 5 OFFSET ?) \"subquery\") LIMIT -1 OFFSET ?"),
        where(statement));
    assertEquals(params(2L, 1L), bound(statement));
  }

  @ParameterizedTest
  @EnumSource
  void anOffsetInsideTheSubqueryIsAnotherShapeThanOneOutside(Db db) {
    BookQuerySet inside =
        books().filter(Books.AUTHOR.in(Authors.objects(Offline.DATABASE).limit(3).offset(1)));
    BookQuerySet outside =
        books().filter(Books.AUTHOR.in(Authors.objects(Offline.DATABASE).limit(3))).offset(1);
    assertNotEquals(select(db, inside).sql(), select(db, outside).sql());
  }

  @ParameterizedTest
  @EnumSource
  void excludeTestsANullableKeyForNull(Db db) {
    Statement statement =
        select(
            db,
            Books.objects(Offline.DATABASE)
                .exclude(Books.AUTHOR.in(Authors.objects(Offline.DATABASE))));
    assertEquals(
        db.pick(
            "NOT (\"author_id\" IN (SELECT \"id\" FROM \"author\"))",
            "NOT (`author_id` IN (SELECT `id` FROM `author`))",
            "NOT (\"author_id\" IN (SELECT \"id\" FROM \"author\"))"),
        where(statement));
  }
}
