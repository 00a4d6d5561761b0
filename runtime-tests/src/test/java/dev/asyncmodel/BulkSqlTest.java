package dev.asyncmodel;

import static dev.asyncmodel.Rendered.bound;
import static dev.asyncmodel.Rendered.params;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.asyncmodel.Rendered.Db;
import dev.asyncmodel.internal.ColumnValues;
import dev.asyncmodel.internal.Compiler;
import dev.asyncmodel.internal.Compiler.Returning;
import dev.asyncmodel.internal.Internals;
import dev.asyncmodel.internal.Statement;
import dev.asyncmodel.spi.ModelMeta;
import dev.asyncmodel.testmodels.Book;
import dev.asyncmodel.testmodels.Books;
import dev.asyncmodel.testmodels.Offline;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The statements of {@code abulkCreate} and {@code abulkUpdate}, on each dialect. */
class BulkSqlTest {
  private static final ModelMeta<Book> MODEL = ModelMeta.of(book(null, "any"));

  private static List<@Nullable Object[]> rows(Book... books) {
    List<@Nullable Object[]> rows = new ArrayList<>();
    for (Book book : books) {
      @Nullable Object[] values = MODEL.values(book);
      for (Field<Book> field : MODEL.fields()) {
        int i = Internals.spec(field).index();
        values[i] = ColumnValues.exact(Internals.spec(field), values[i]);
      }
      rows.add(values);
    }
    return rows;
  }

  private static Book book(@Nullable Long id, String title) {
    return new Book(
        id,
        Ref.ofId(7L),
        null,
        title,
        new BigDecimal("9.5"),
        Instant.parse("2024-01-02T03:04:05Z"));
  }

  private static final String PG_COLUMNS =
      "\"author_id\", \"rating\", \"title\", \"price\", \"created_at\"";
  private static final String MY_COLUMNS = "`author_id`, `rating`, `title`, `price`, `created_at`";

  @ParameterizedTest
  @EnumSource
  void bulkInsertIsOneMultiRowInsertReturningTheIds(Db db) {
    Statement statement =
        Compiler.insertRows(
            db.dialect,
            MODEL,
            rows(book(null, "a"), book(null, "b")),
            0,
            2,
            false,
            false,
            List.of(),
            List.of(),
            db == Db.MYSQL ? Returning.NOTHING : Returning.IDS);
    assertEquals(
        db.pick(
            "INSERT INTO \"book\" ("
                + PG_COLUMNS
                + ") VALUES ($1, $2, $3, $4, $5), ($6, $7, $8, $9, $10) RETURNING \"id\"",
            "INSERT INTO `book` (" + MY_COLUMNS + ") VALUES (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)",
            "INSERT INTO \"book\" ("
                + PG_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?), (?, ?, ?, ?, ?) RETURNING \"id\""),
        statement.sql());
    assertEquals(10, statement.params().size());
  }

  @ParameterizedTest
  @EnumSource
  void ignoreConflictsSkipsTheRowsAUniqueConstraintRefuses(Db db) {
    Statement statement =
        Compiler.insertRows(
            db.dialect,
            MODEL,
            rows(book(1L, "a")),
            0,
            1,
            true,
            true,
            List.of(),
            List.of(),
            Returning.NOTHING);
    assertEquals(
        db.pick(
            "INSERT INTO \"book\" (\"id\", "
                + PG_COLUMNS
                + ") VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
            "INSERT IGNORE INTO `book` (`id`, " + MY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
            "INSERT INTO \"book\" (\"id\", "
                + PG_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
        statement.sql());
  }

  @ParameterizedTest
  @EnumSource
  void updateConflictsOverwritesTheNamedColumnsAndReturnsTheRows(Db db) {
    Statement statement =
        Compiler.insertRows(
            db.dialect,
            MODEL,
            rows(book(null, "a")),
            0,
            1,
            false,
            false,
            List.of(Books.PRICE, Books.RATING),
            List.of(Books.TITLE),
            Returning.ROWS);
    String returning =
        " RETURNING \"id\", \"author_id\", \"rating\", \"title\", \"price\", \"created_at\"";
    assertEquals(
        db.pick(
            "INSERT INTO \"book\" ("
                + PG_COLUMNS
                + ") VALUES ($1, $2, $3, $4, $5) ON CONFLICT (\"title\") DO UPDATE SET"
                + " \"price\" = EXCLUDED.\"price\", \"rating\" = EXCLUDED.\"rating\""
                + returning,
            "INSERT INTO `book` ("
                + MY_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE `price` = VALUES(`price`),"
                + " `rating` = VALUES(`rating`) RETURNING `id`, `author_id`, `rating`, `title`,"
                + " `price`, `created_at`",
            "INSERT INTO \"book\" ("
                + PG_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?) ON CONFLICT (\"title\") DO UPDATE SET"
                + " \"price\" = EXCLUDED.\"price\", \"rating\" = EXCLUDED.\"rating\""
                + returning),
        statement.sql());
  }

  @ParameterizedTest
  @EnumSource
  void bulkUpdateIsOneCasePerFieldWithinTheQuerySetsFilter(Db db) {
    Statement statement =
        Compiler.updateRows(
            db.dialect,
            Rendered.query(Books.objects(Offline.DATABASE).filter(Books.RATING.gt(3.0))),
            rows(book(1L, "a"), book(2L, "b")),
            0,
            2,
            List.of(Books.TITLE, Books.PRICE));
    assertEquals(
        db.pick(
            "UPDATE \"book\" SET \"title\" = CASE WHEN \"id\" = $1 THEN $2::text WHEN \"id\" = $3"
                + " THEN $4::text END, \"price\" = CASE WHEN \"id\" = $5 THEN $6::numeric WHEN"
                + " \"id\" = $7 THEN $8::numeric END WHERE \"id\" IN ($9, $10) AND \"rating\" >"
                + " $11",
            "UPDATE `book` SET `title` = CASE WHEN `id` = ? THEN ? WHEN `id` = ? THEN ? END,"
                + " `price` = CASE WHEN `id` = ? THEN ? WHEN `id` = ? THEN ? END WHERE `id` IN"
                + " (?, ?) AND `rating` > ?",
            "UPDATE \"book\" SET \"title\" = CASE WHEN \"id\" = ? THEN ? WHEN \"id\" = ? THEN ?"
                + " END, \"price\" = CASE WHEN \"id\" = ? THEN ? WHEN \"id\" = ? THEN ? END WHERE"
                + " \"id\" IN (?, ?) AND \"rating\" > ?"),
        statement.sql());
    Object price = db.pick(new BigDecimal("9.50"), new BigDecimal("9.50"), "9.50");
    assertEquals(params(1L, "a", 2L, "b", 1L, price, 2L, price, 1L, 2L, 3.0), bound(statement));
  }
}
