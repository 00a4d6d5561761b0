package dev.asyncmodel;

import static dev.asyncmodel.Rendered.bound;
import static dev.asyncmodel.Rendered.params;
import static dev.asyncmodel.Rendered.query;
import static dev.asyncmodel.Rendered.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.asyncmodel.Rendered.Db;
import dev.asyncmodel.internal.Statement;
import dev.asyncmodel.testmodels.Authors;
import dev.asyncmodel.testmodels.Books;
import dev.asyncmodel.testmodels.Members;
import dev.asyncmodel.testmodels.Offline;
import dev.asyncmodel.testmodels.Reviews;
import dev.asyncmodel.testmodels.TagLinks;
import dev.asyncmodel.testmodels.Tags;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Paths across foreign keys and {@code selectRelated}: the joins, aliases and values. */
class RelationSqlTest {
  @Test
  void aPathFiltersThroughAnInnerJoinAndQualifiesEveryColumn() {
    Statement statement =
        select(
            Books.objects(Offline.DATABASE)
                .filter(Books.AUTHOR.to(Authors.NAME).startsWith("F"), Books.RATING.gt(3.0))
                .orderBy(Books.AUTHOR.to(Authors.NAME).asc(), Books.ID.desc()));
    assertEquals(
        "SELECT \"book\".\"id\", \"book\".\"author_id\", \"book\".\"rating\", \"book\".\"title\","
            + " \"book\".\"price\", \"book\".\"created_at\" FROM \"book\" INNER JOIN \"author\" ON"
            + " (\"book\".\"author_id\" = \"author\".\"id\") WHERE \"author\".\"name\" LIKE $1"
            + " AND \"book\".\"rating\" > $2 ORDER BY \"author\".\"name\" ASC, \"book\".\"id\""
            + " DESC",
        statement.sql());
    assertEquals(params("F%", 3.0), bound(statement));
  }

  @Test
  void aPathIsOneObjectHoweverOftenItIsWritten() {
    assertSame(Books.AUTHOR.to(Authors.NAME), Books.AUTHOR.to(Authors.NAME));
    assertSame(
        Reviews.BOOK.to(Books.AUTHOR).to(Authors.NAME),
        Reviews.BOOK.to(Books.AUTHOR).to(Authors.NAME));
    assertEquals(
        "book__author__name (name)", Reviews.BOOK.to(Books.AUTHOR).to(Authors.NAME).toString());
  }

  @ParameterizedTest
  @EnumSource
  void aChainFromANullableKeyJoinsLeftFromThereOnWhereNullsAreKept(Db db) {
    var name = Members.FAVORITE.to(Reviews.BOOK).to(Books.AUTHOR).to(Authors.NAME);
    // isNull(true) keeps the rows without a favorite: LEFT OUTER from the nullable key on.
    String sql = select(db, Members.objects(Offline.DATABASE).filter(name.isNull(true))).sql();
    assertEquals(
        db.pick(
            "FROM \"user\" LEFT OUTER JOIN \"review\" ON (\"user\".\"favorite_id\" ="
                + " \"review\".\"id\") LEFT OUTER JOIN \"book\" ON (\"review\".\"book_id\" ="
                + " \"book\".\"id\") LEFT OUTER JOIN \"author\" ON (\"book\".\"author_id\" ="
                + " \"author\".\"id\") WHERE \"author\".\"name\" IS NULL",
            "FROM `user` LEFT OUTER JOIN `review` ON (`user`.`favorite_id` = `review`.`id`) LEFT"
                + " OUTER JOIN `book` ON (`review`.`book_id` = `book`.`id`) LEFT OUTER JOIN"
                + " `author` ON (`book`.`author_id` = `author`.`id`) WHERE `author`.`name` IS NULL",
            "FROM \"user\" LEFT OUTER JOIN \"review\" ON (\"user\".\"favorite_id\" ="
                + " \"review\".\"id\") LEFT OUTER JOIN \"book\" ON (\"review\".\"book_id\" ="
                + " \"book\".\"id\") LEFT OUTER JOIN \"author\" ON (\"book\".\"author_id\" ="
                + " \"author\".\"id\") WHERE \"author\".\"name\" IS NULL"),
        sql.substring(sql.indexOf("FROM")));
  }

  @Test
  void aConditionANullNeverMeetsKeepsItsJoinsInnerAndAnOrPromotesThem() {
    var name = Members.FAVORITE.to(Reviews.BOOK).to(Books.AUTHOR).to(Authors.NAME);
    String inner = select(Members.objects(Offline.DATABASE).filter(name.eq("x"))).sql();
    assertEquals(
        "FROM \"user\" INNER JOIN \"review\" ON (\"user\".\"favorite_id\" = \"review\".\"id\")"
            + " INNER JOIN \"book\" ON (\"review\".\"book_id\" = \"book\".\"id\") INNER JOIN"
            + " \"author\" ON (\"book\".\"author_id\" = \"author\".\"id\") WHERE \"author\".\"name\""
            + " = $1",
        inner.substring(inner.indexOf("FROM")));
    String or =
        select(Members.objects(Offline.DATABASE).filter(name.eq("x").or(Members.ORDER.eq(1))))
            .sql();
    assertEquals(
        "FROM \"user\" LEFT OUTER JOIN \"review\" ON (\"user\".\"favorite_id\" ="
            + " \"review\".\"id\") LEFT OUTER JOIN \"book\" ON (\"review\".\"book_id\" ="
            + " \"book\".\"id\") LEFT OUTER JOIN \"author\" ON (\"book\".\"author_id\" ="
            + " \"author\".\"id\") WHERE (\"author\".\"name\" = $1 OR \"user\".\"order\" = $2)",
        or.substring(or.indexOf("FROM")));
    // Ordered by, the rows without a favorite stay: LEFT OUTER, though a filter alone is INNER.
    String ordered =
        select(Members.objects(Offline.DATABASE).filter(name.eq("x")).orderBy(name.asc())).sql();
    assertEquals(
        "FROM \"user\" LEFT OUTER JOIN \"review\"",
        ordered.substring(ordered.indexOf("FROM"), ordered.indexOf(" ON")));
  }

  @ParameterizedTest
  @EnumSource
  void anUpdateByAnExistsReadsItsRowsThroughADerivedTableOnMysql(Db db) {
    Statement statement =
        Rendered.update(
            db,
            Authors.objects(Offline.DATABASE).filter(Books.AUTHOR.exists(Books.RATING.gt(4.0))),
            List.of(Authors.BIO.set("rated")));
    assertEquals(
        db.pick(
            "UPDATE \"author\" SET \"bio\" = $1 WHERE EXISTS (SELECT 1 FROM \"book\" \"U0\" WHERE"
                + " \"U0\".\"author_id\" = \"author\".\"id\" AND \"U0\".\"rating\" > $2)",
            "UPDATE `author` SET `bio` = ? WHERE `id` IN (SELECT * FROM (SELECT"
                + " `author`.`id` FROM `author` WHERE EXISTS (SELECT 1 FROM `book` `U0` WHERE"
                + " `U0`.`author_id` = `author`.`id` AND `U0`.`rating` > ?)) `subquery`)",
            "UPDATE \"author\" SET \"bio\" = ? WHERE EXISTS (SELECT 1 FROM \"book\" \"U0\" WHERE"
                + " \"U0\".\"author_id\" = \"author\".\"id\" AND \"U0\".\"rating\" > ?)"),
        statement.sql());
  }

  @Test
  void aPathIsOneObjectHoweverItIsSpelled() {
    assertSame(
        Reviews.BOOK.to(Books.AUTHOR).to(Authors.NAME),
        Reviews.BOOK.to(Books.AUTHOR.to(Authors.NAME)));
  }

  @Test
  void excludeAcrossANullableKeyKeepsTheRowsWithoutOne() {
    // Django: NOT (T.col = x AND T.col IS NOT NULL) over a LEFT OUTER JOIN.
    String sql =
        select(Members.objects(Offline.DATABASE).exclude(Members.FAVORITE.to(Reviews.STARS).eq(5)))
            .sql();
    assertEquals(
        "WHERE NOT ((\"review\".\"stars\" = $1 AND \"review\".\"stars\" IS NOT NULL))",
        sql.substring(sql.indexOf("WHERE")));
  }

  @Test
  void aSecondJoinOfOneTableHasAnAliasOfItsOwn() {
    Statement statement =
        select(
            TagLinks.objects(Offline.DATABASE)
                .filter(
                    TagLinks.TAG.to(Tags.LABEL).eq("dune"), TagLinks.PARENT.to(Tags.LABEL).eq("sf"))
                .selectRelated(TagLinks.TAG));
    assertEquals(
        "SELECT \"tag_link\".\"id\", \"tag_link\".\"tag_id\", \"tag_link\".\"parent_id\","
            + " \"tag\".\"id\", \"tag\".\"label\" FROM \"tag_link\" INNER JOIN \"tag\" ON"
            + " (\"tag_link\".\"tag_id\" = \"tag\".\"id\") INNER JOIN \"tag\" \"T3\" ON"
            + " (\"tag_link\".\"parent_id\" = \"T3\".\"id\") WHERE \"tag\".\"label\" = $1 AND"
            + " \"T3\".\"label\" = $2",
        statement.sql());
    assertEquals(params("dune", "sf"), bound(statement));
  }

  @Test
  void selectRelatedOfAChainListsEachModelsColumnsInOrder() {
    String sql =
        select(Reviews.objects(Offline.DATABASE).selectRelated(Reviews.BOOK.to(Books.AUTHOR)))
            .sql();
    assertEquals(
        "SELECT \"review\".\"id\", \"review\".\"book_id\", \"review\".\"body\","
            + " \"review\".\"stars\", \"book\".\"id\", \"book\".\"author_id\", \"book\".\"rating\","
            + " \"book\".\"title\", \"book\".\"price\", \"book\".\"created_at\", \"author\".\"id\","
            + " \"author\".\"name\", \"author\".\"bio\" FROM \"review\" INNER JOIN \"book\" ON"
            + " (\"review\".\"book_id\" = \"book\".\"id\") INNER JOIN \"author\" ON"
            + " (\"book\".\"author_id\" = \"author\".\"id\")",
        sql);
  }

  @Test
  void countAndExistsIgnoreSelectRelatedButJoinForTheirConditions() {
    var qs =
        Books.objects(Offline.DATABASE)
            .selectRelated(Books.AUTHOR)
            .filter(Books.AUTHOR.to(Authors.NAME).eq("Herbert"));
    assertEquals(
        "SELECT COUNT(*) FROM \"book\" INNER JOIN \"author\" ON (\"book\".\"author_id\" ="
            + " \"author\".\"id\") WHERE \"author\".\"name\" = $1",
        Rendered.count(qs).sql());
    assertEquals(
        "SELECT COUNT(*) FROM \"book\"",
        Rendered.count(Books.objects(Offline.DATABASE).selectRelated(Books.AUTHOR)).sql());
  }

  @ParameterizedTest
  @EnumSource
  void anUpdateAcrossARelationSelectsItsRowsThroughADerivedTable(Db db) {
    Statement statement =
        Rendered.update(
            db,
            Books.objects(Offline.DATABASE).filter(Books.AUTHOR.to(Authors.NAME).eq("Herbert")),
            List.of(Books.RATING.set(5.0)));
    assertEquals(
        db.pick(
            "UPDATE \"book\" SET \"rating\" = $1 WHERE \"id\" IN (SELECT * FROM (SELECT"
                + " \"book\".\"id\" FROM \"book\" INNER JOIN \"author\" ON (\"book\".\"author_id\""
                + " = \"author\".\"id\") WHERE \"author\".\"name\" = $2) \"subquery\")",
            "UPDATE `book` SET `rating` = ? WHERE `id` IN (SELECT * FROM (SELECT `book`.`id` FROM"
                + " `book` INNER JOIN `author` ON (`book`.`author_id` = `author`.`id`) WHERE"
                + " `author`.`name` = CAST(? AS BINARY)) `subquery`)",
            "UPDATE \"book\" SET \"rating\" = ? WHERE \"id\" IN (SELECT * FROM (SELECT"
                + " \"book\".\"id\" FROM \"book\" INNER JOIN \"author\" ON (\"book\".\"author_id\""
                + " = \"author\".\"id\") WHERE \"author\".\"name\" = ?) \"subquery\")"),
        statement.sql());
    assertEquals(params(5.0, "Herbert"), bound(statement));
  }

  @Test
  void valuesGroupByAPathAndNameItDjangosWay() {
    var amount = Books.PRICE.sum();
    var values = Books.objects(Offline.DATABASE).values(Books.AUTHOR.to(Authors.NAME), amount);
    assertEquals(
        "SELECT \"author\".\"name\", SUM(\"book\".\"price\") AS \"price__sum\" FROM \"book\""
            + " INNER JOIN \"author\" ON (\"book\".\"author_id\" = \"author\".\"id\") GROUP BY 1",
        values.statement(Db.POSTGRESQL.dialect).sql());
  }

  @Test
  void aHavingAcrossAKeyJoinsToo() {
    var count = Books.ID.count();
    var longest = Books.AUTHOR.to(Authors.NAME).length().max();
    var values = Books.objects(Offline.DATABASE).values(Books.TITLE, count).having(longest.gt(3));
    Statement statement = values.statement(Db.POSTGRESQL.dialect);
    assertEquals(
        "SELECT \"book\".\"title\", COUNT(\"book\".\"id\") AS \"id__count\" FROM \"book\""
            + " INNER JOIN \"author\" ON (\"book\".\"author_id\" = \"author\".\"id\") GROUP BY 1"
            + " HAVING MAX(LENGTH(\"author\".\"name\")) > $1",
        statement.sql());
    assertEquals(params(3), bound(statement));
  }

  @Test
  void theShapeOfAPathDiffersFromTheSameColumnOfTheModel() {
    // Book.title and Sequel.book.title are both index 3 of book: different statements.
    String own = select(Books.objects(Offline.DATABASE).filter(Books.ID.eq(1L))).sql();
    String across =
        select(Reviews.objects(Offline.DATABASE).filter(Reviews.BOOK.to(Books.ID).eq(1L))).sql();
    assertEquals(
        "SELECT \"id\", \"author_id\", \"rating\", \"title\", \"price\", \"created_at\" FROM \"book\" WHERE \"id\" = $1",
        own);
    assertEquals(
        "SELECT \"review\".\"id\", \"review\".\"book_id\", \"review\".\"body\","
            + " \"review\".\"stars\" FROM \"review\" INNER JOIN \"book\" ON (\"review\".\"book_id\""
            + " = \"book\".\"id\") WHERE \"book\".\"id\" = $1",
        across);
    // The same query with and without selectRelated are two statements, each cached.
    assertEquals(
        select(Reviews.objects(Offline.DATABASE).selectRelated(Reviews.BOOK)).sql(),
        select(Reviews.objects(Offline.DATABASE).selectRelated(Reviews.BOOK, Reviews.BOOK)).sql());
    assertEquals(
        "SELECT \"id\", \"book_id\", \"body\", \"stars\" FROM \"review\"",
        select(Reviews.objects(Offline.DATABASE)).sql());
    assertEquals(
        List.of(Reviews.BOOK),
        query(Reviews.objects(Offline.DATABASE).selectRelated(Reviews.BOOK, Reviews.BOOK))
            .related());
  }

  @ParameterizedTest
  @EnumSource
  void aReverseLookupIsACorrelatedExistsWithItsOwnAliases(Db db) {
    Statement statement =
        select(
            db,
            Authors.objects(Offline.DATABASE)
                .filter(Books.AUTHOR.exists(Books.RATING.gt(4.0), Books.TITLE.startsWith("D")))
                .exclude(Books.AUTHOR.exists(Books.PRICE.gt(java.math.BigDecimal.TEN))));
    assertEquals(
        db.pick(
            "SELECT \"id\", \"name\", \"bio\" FROM \"author\" WHERE EXISTS (SELECT 1 FROM \"book\""
                + " \"U0\" WHERE \"U0\".\"author_id\" = \"author\".\"id\" AND \"U0\".\"rating\" > $1"
                + " AND \"U0\".\"title\" LIKE $2) AND NOT (EXISTS (SELECT 1 FROM \"book\" \"U0\" WHERE"
                + " \"U0\".\"author_id\" = \"author\".\"id\" AND \"U0\".\"price\" > $3))",
            "SELECT `id`, `name`, `bio` FROM `author` WHERE EXISTS (SELECT 1 FROM `book` `U0` WHERE"
                + " `U0`.`author_id` = `author`.`id` AND `U0`.`rating` > ? AND `U0`.`title` LIKE"
                + " CAST(? AS BINARY)) AND NOT (EXISTS (SELECT 1 FROM `book` `U0` WHERE"
                + " `U0`.`author_id` = `author`.`id` AND `U0`.`price` > ?))",
            "SELECT \"id\", \"name\", \"bio\" FROM \"author\" WHERE EXISTS (SELECT 1 FROM \"book\""
                + " \"U0\" WHERE \"U0\".\"author_id\" = \"author\".\"id\" AND \"U0\".\"rating\" > ?"
                + " AND \"U0\".\"title\" LIKE ? ESCAPE '\\') AND NOT (EXISTS (SELECT 1 FROM \"book\""
                + " \"U0\" WHERE \"U0\".\"author_id\" = \"author\".\"id\" AND \"U0\".\"price\" > ?))"),
        statement.sql());
    assertEquals(
        params(
            4.0,
            "D%",
            db.pick(new java.math.BigDecimal("10"), new java.math.BigDecimal("10"), "10")),
        bound(statement));
  }

  @Test
  void existsNestsWithTheNextLetterAndFollowsAPathToItsKey() {
    String nested =
        select(
                Authors.objects(Offline.DATABASE)
                    .filter(Books.AUTHOR.exists(Reviews.BOOK.exists(Reviews.STARS.eq(5)))))
            .sql();
    assertEquals(
        "SELECT \"id\", \"name\", \"bio\" FROM \"author\" WHERE EXISTS (SELECT 1 FROM \"book\""
            + " \"U0\" WHERE \"U0\".\"author_id\" = \"author\".\"id\" AND EXISTS (SELECT 1 FROM"
            + " \"review\" \"V0\" WHERE \"V0\".\"book_id\" = \"U0\".\"id\" AND \"V0\".\"stars\" ="
            + " $1))",
        nested);
    String throughBooks =
        select(
                Authors.objects(Offline.DATABASE)
                    .filter(Reviews.BOOK.to(Books.AUTHOR).exists(Reviews.STARS.eq(5))))
            .sql();
    assertEquals(
        "SELECT \"id\", \"name\", \"bio\" FROM \"author\" WHERE EXISTS (SELECT 1 FROM \"review\""
            + " \"U0\" INNER JOIN \"book\" \"U1\" ON (\"U0\".\"book_id\" = \"U1\".\"id\") WHERE"
            + " \"U1\".\"author_id\" = \"author\".\"id\" AND \"U0\".\"stars\" = $1)",
        throughBooks);
  }

  @Test
  void existsInAJoinedStatementNamesTheRowAroundItByItsAlias() {
    String sql =
        select(
                Books.objects(Offline.DATABASE)
                    .filter(
                        Books.AUTHOR.to(Authors.NAME).eq("Herbert"),
                        Reviews.BOOK.exists(Reviews.STARS.gt(3))))
            .sql();
    assertEquals(
        "WHERE \"author\".\"name\" = $1 AND EXISTS (SELECT 1 FROM \"review\" \"U0\" WHERE"
            + " \"U0\".\"book_id\" = \"book\".\"id\" AND \"U0\".\"stars\" > $2)",
        sql.substring(sql.indexOf("WHERE")));
  }

  @Test
  void existsOfAQuerySetTakesItsConditionsAndRefusesASlice() {
    var rated = Books.objects(Offline.DATABASE).filter(Books.RATING.isNull(false));
    assertEquals(
        select(
                Authors.objects(Offline.DATABASE)
                    .filter(Books.AUTHOR.exists(Books.RATING.isNull(false))))
            .sql(),
        select(Authors.objects(Offline.DATABASE).filter(Books.AUTHOR.exists(rated))).sql());
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> Books.AUTHOR.exists(rated.limit(1)));
  }

  @ParameterizedTest
  @EnumSource
  void aPrefetchIsOneStatementOfTheKeysInTheQuerySetsOrder(Db db) {
    var ann = new dev.asyncmodel.testmodels.Author(1L, "Ann", null);
    var bob = new dev.asyncmodel.testmodels.Author(2L, "Bob", null);
    List<Statement> statements =
        dev.asyncmodel.internal.Executor.prefetchStatements(
            db.dialect,
            query(
                Books.objects(Offline.DATABASE)
                    .filter(Books.RATING.gt(3.0))
                    .orderBy(Books.TITLE.asc())),
            Books.AUTHOR,
            List.of(ann, bob, ann));
    assertEquals(1, statements.size());
    assertEquals(
        db.pick(
            "SELECT \"id\", \"author_id\", \"rating\", \"title\", \"price\", \"created_at\" FROM"
                + " \"book\" WHERE \"rating\" > $1 AND \"author_id\" = ANY($2) ORDER BY \"title\" ASC",
            "SELECT `id`, `author_id`, `rating`, `title`, `price`, `created_at` FROM `book` WHERE"
                + " `rating` > ? AND `author_id` IN (?, ?) ORDER BY `title` ASC",
            "SELECT \"id\", \"author_id\", \"rating\", \"title\", \"price\", \"created_at\" FROM"
                + " \"book\" WHERE \"rating\" > ? AND \"author_id\" IN (?, ?) ORDER BY \"title\" ASC"),
        statements.get(0).sql());
  }

  /** Tags under other tags: a many-to-many of a model with itself, through its links. */
  private static final ManyToMany<
          dev.asyncmodel.testmodels.Tag,
          dev.asyncmodel.testmodels.Tag,
          dev.asyncmodel.testmodels.TagLink>
      PARENTS =
          ManyToMany.through(
              TagLinks.TAG,
              TagLinks.PARENT,
              (tag, parent) -> new dev.asyncmodel.testmodels.TagLink(null, tag, parent));

  @Test
  void aManyToManyFiltersThroughItsLinksInOneStatement() {
    Statement has = select(Tags.objects(Offline.DATABASE).filter(PARENTS.has(Tags.LABEL.eq("sf"))));
    assertEquals(
        "SELECT \"id\", \"label\" FROM \"tag\" WHERE EXISTS (SELECT 1 FROM \"tag_link\" \"U0\""
            + " WHERE \"U0\".\"tag_id\" = \"tag\".\"id\" AND \"U0\".\"parent_id\" IN (SELECT"
            + " \"id\" FROM \"tag\" WHERE \"label\" = $1))",
        has.sql());
    assertEquals(params("sf"), bound(has));
    Statement of =
        select(
            Tags.objects(Offline.DATABASE)
                .filter(PARENTS.of(new dev.asyncmodel.testmodels.Tag(7L, "dune"))));
    assertEquals(
        "SELECT \"id\", \"label\" FROM \"tag\" WHERE EXISTS (SELECT 1 FROM \"tag_link\" \"U0\""
            + " WHERE \"U0\".\"parent_id\" = \"tag\".\"id\" AND \"U0\".\"tag_id\" = $1)",
        of.sql());
    assertEquals(params(7L), bound(of));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> ManyToMany.through(TagLinks.TAG, TagLinks.TAG, (a, b) -> null));
  }

  @ParameterizedTest
  @EnumSource
  void aCascadeThatWritesTheTableItReadsUsesADerivedTableOnMysql(Db db) {
    var plan =
        dev.asyncmodel.internal.Deletion.plan(
            db.dialect,
            query(
                dev.asyncmodel.testmodels.Nodes.objects(Offline.DATABASE)
                    .filter(dev.asyncmodel.testmodels.Nodes.NAME.eq("old"))));
    assertEquals(
        db.pick(
            "UPDATE \"node\" SET \"parent_id\" = NULL WHERE \"parent_id\" IN (SELECT \"id\" FROM"
                + " \"node\" WHERE \"name\" = $1)",
            "UPDATE `node` SET `parent_id` = NULL WHERE `parent_id` IN (SELECT * FROM (SELECT `id`"
                + " FROM `node` WHERE `name` = CAST(? AS BINARY)) `subquery`)",
            "UPDATE \"node\" SET \"parent_id\" = NULL WHERE \"parent_id\" IN (SELECT \"id\" FROM"
                + " \"node\" WHERE \"name\" = ?)"),
        plan.steps().get(0).sql());
  }

  @Test
  void anEmptyInOfAnExpressionReadsNoColumnAndJoinsNothing() {
    // Its shape names no column, so two such queries of one shape must render one SQL.
    String sql =
        select(
                Members.objects(Offline.DATABASE)
                    .filter(
                        Members.FAVORITE
                            .to(Reviews.BODY)
                            .lower()
                            .in(List.of())
                            .or(Members.ORDER.eq(1))))
            .sql();
    assertEquals(
        "SELECT \"id\", \"order\", \"favorite_id\" FROM \"user\" WHERE (1 = 0 OR \"order\" = $1)",
        sql);
  }

  @ParameterizedTest
  @EnumSource
  void anAggregateOfTheReferencingRowsIsACorrelatedSubqueryWithItsValuesInOrder(Db db) {
    var reviews = Reviews.BOOK.count(Reviews.STARS.gte(4));
    var spent = Books.AUTHOR.sum(Books.PRICE, Books.RATING.gt(3.0));
    Statement statement =
        Authors.objects(Offline.DATABASE)
            .filter(Books.AUTHOR.count().gt(1L))
            .values(Authors.NAME, spent)
            .orderBy(spent.desc())
            .statement(db.dialect);
    assertEquals(
        db.pick(
            "SELECT \"name\", (SELECT SUM(\"U0\".\"price\") FROM \"book\" \"U0\" WHERE"
                + " \"U0\".\"author_id\" = \"author\".\"id\" AND \"U0\".\"rating\" > $1) AS"
                + " \"book__price__sum\" FROM \"author\" WHERE (SELECT COUNT(*) FROM \"book\" \"U0\""
                + " WHERE \"U0\".\"author_id\" = \"author\".\"id\") > $2 ORDER BY"
                + " \"book__price__sum\" DESC",
            "SELECT `name`, (SELECT SUM(`U0`.`price`) FROM `book` `U0` WHERE `U0`.`author_id` ="
                + " `author`.`id` AND `U0`.`rating` > ?) AS `book__price__sum` FROM `author` WHERE"
                + " (SELECT COUNT(*) FROM `book` `U0` WHERE `U0`.`author_id` = `author`.`id`) > ?"
                + " ORDER BY `book__price__sum` DESC",
            "SELECT \"name\", (SELECT SUM(\"U0\".\"price\") FROM \"book\" \"U0\" WHERE"
                + " \"U0\".\"author_id\" = \"author\".\"id\" AND \"U0\".\"rating\" > ?) AS"
                + " \"book__price__sum\" FROM \"author\" WHERE (SELECT COUNT(*) FROM \"book\" \"U0\""
                + " WHERE \"U0\".\"author_id\" = \"author\".\"id\") > ? ORDER BY"
                + " \"book__price__sum\" DESC"),
        statement.sql());
    assertEquals(params(3.0, 1L), bound(statement));
    // Nested: authors by the reviews of their books.
    String nested =
        select(Authors.objects(Offline.DATABASE).filter(Books.AUTHOR.sum(reviews).gt(2L))).sql();
    assertEquals(
        "SELECT \"id\", \"name\", \"bio\" FROM \"author\" WHERE (SELECT SUM((SELECT COUNT(*)"
            + " FROM \"review\" \"V0\" WHERE \"V0\".\"book_id\" = \"U0\".\"id\" AND"
            + " \"V0\".\"stars\" >= $1)) FROM \"book\" \"U0\" WHERE \"U0\".\"author_id\" ="
            + " \"author\".\"id\") > $2",
        nested);
  }
}
