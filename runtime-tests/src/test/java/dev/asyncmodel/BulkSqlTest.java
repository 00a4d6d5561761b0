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
  void bulkInsertIsOneStatementReturningTheIds(Db db) {
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
                + ") SELECT * FROM unnest($1::bigint[], $2::double precision[], $3::text[],"
                + " $4::text[]::numeric[], $5::timestamptz[]) RETURNING \"id\"",
            "INSERT INTO `book` (" + MY_COLUMNS + ") VALUES (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)",
            "INSERT INTO \"book\" ("
                + PG_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?), (?, ?, ?, ?, ?) RETURNING \"id\""),
        statement.sql());
    // PostgreSQL binds an array per column, the others a value per row and column.
    assertEquals(db.pick(5, 10, 10), statement.params().size());
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
                + ") SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::double precision[],"
                + " $4::text[], $5::text[]::numeric[], $6::timestamptz[]) ON CONFLICT DO NOTHING",
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
                + ") SELECT * FROM unnest($1::bigint[], $2::double precision[], $3::text[],"
                + " $4::text[]::numeric[], $5::timestamptz[]) ON CONFLICT (\"title\") DO UPDATE"
                + " SET \"price\" = EXCLUDED.\"price\", \"rating\" = EXCLUDED.\"rating\""
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
  void bulkUpdateJoinsAnArrayPerColumnOrIsOneCasePerFieldWithinTheQuerySetsFilter(Db db) {
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
            "UPDATE \"book\" SET \"title\" = \"bulk_rows\".\"asyncmodel_v0\", \"price\" ="
                + " \"bulk_rows\".\"asyncmodel_v1\" FROM unnest($1::bigint[], $2::text[],"
                + " $3::text[]::numeric[]) AS \"bulk_rows\" (\"asyncmodel_key\", \"asyncmodel_v0\","
                + " \"asyncmodel_v1\") WHERE \"book\".\"id\" = \"bulk_rows\".\"asyncmodel_key\" AND"
                + " \"rating\" > $4",
            "UPDATE `book` SET `title` = CASE WHEN `id` = ? THEN ? WHEN `id` = ? THEN ? END,"
                + " `price` = CASE WHEN `id` = ? THEN ? WHEN `id` = ? THEN ? END WHERE `id` IN"
                + " (?, ?) AND `rating` > ?",
            "UPDATE \"book\" SET \"title\" = CASE WHEN \"id\" = ? THEN ? WHEN \"id\" = ? THEN ?"
                + " END, \"price\" = CASE WHEN \"id\" = ? THEN ? WHEN \"id\" = ? THEN ? END WHERE"
                + " \"id\" IN (?, ?) AND \"rating\" > ?"),
        statement.sql());
    if (db == Db.POSTGRESQL) {
      assertEquals(
          params(
              Rendered.array(Long.class, 1L, 2L),
              Rendered.array(String.class, "a", "b"),
              Rendered.array(String.class, "9.50", "9.50"),
              3.0),
          bound(statement));
      return;
    }
    Object price = db.pick(null, new BigDecimal("9.50"), "9.50");
    assertEquals(params(1L, "a", 2L, "b", 1L, price, 2L, price, 1L, 2L, 3.0), bound(statement));
  }
}
