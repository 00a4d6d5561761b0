package dev.asyncmodel;

import static dev.asyncmodel.Rendered.array;
import static dev.asyncmodel.Rendered.bound;
import static dev.asyncmodel.Rendered.params;
import static dev.asyncmodel.Rendered.select;
import static dev.asyncmodel.testmodels.Profiles.DATA;
import static dev.asyncmodel.testmodels.Profiles.EXTRA;
import static dev.asyncmodel.testmodels.Profiles.TAGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.Rendered.Db;
import dev.asyncmodel.internal.Statement;
import dev.asyncmodel.testmodels.Offline;
import dev.asyncmodel.testmodels.ProfileQuerySet;
import dev.asyncmodel.testmodels.Profiles;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The SQL of JSON lookups and key transforms on each dialect, as {@code docs/queries.md} shows it:
 * keys and paths are bound, never in the text. {@link Db#pick} takes PostgreSQL's, MySQL's and
 * SQLite's, in that order.
 */
class JsonSqlTest {
  private static ProfileQuerySet profiles() {
    return Profiles.objects(Offline.DATABASE);
  }

  private static String where(Statement statement) {
    String sql = statement.sql();
    return sql.substring(sql.indexOf(" WHERE ") + 7);
  }

  @ParameterizedTest
  @EnumSource
  void aKeyEqualsAString(Db db) {
    Statement statement = select(db, profiles().filter(DATA.key("owner").key("name").eq("ann")));
    assertEquals(
        db.pick(
            "((\"data\" -> $1) -> $2) = $3::text::jsonb",
            "(JSON_TYPE(JSON_EXTRACT(`data`, ?)) = 'STRING' AND JSON_UNQUOTE(JSON_EXTRACT(`data`,"
                + " ?)) = CAST(? AS BINARY))",
            "(JSON_TYPE(\"data\", ?) = 'text' AND JSON_EXTRACT(\"data\", ?) = ?)"),
        where(statement));
    assertEquals(
        db.pick(
            params("owner", "name", "\"ann\""),
            params("$.\"owner\".\"name\"", "$.\"owner\".\"name\"", "ann"),
            params("$.\"owner\".\"name\"", "$.\"owner\".\"name\"", "ann")),
        bound(statement));
  }

  @ParameterizedTest
  @EnumSource
  void anIndexIsAnIntegerStepAndANumberComparesAsANumber(Db db) {
    Statement statement = select(db, profiles().filter(DATA.key("items").index(0).gt(2L)));
    assertEquals(
        db.pick(
            "(jsonb_typeof(((\"data\" -> $1) -> $2::integer)) = 'number' AND ((\"data\" -> $3)"
                + " -> $4::integer) > $5::text::jsonb)",
            "(JSON_TYPE(JSON_EXTRACT(`data`, ?)) IN ('INTEGER', 'UNSIGNED INTEGER', 'DOUBLE',"
                + " 'DECIMAL') AND JSON_EXTRACT(`data`, ?) > CAST(? AS DOUBLE))",
            "(JSON_TYPE(\"data\", ?) IN ('integer', 'real') AND JSON_EXTRACT(\"data\", ?) >"
                + " CAST(? AS NUMERIC))"),
        where(statement));
    assertEquals(
        db.pick(
            params("items", 0, "items", 0, "2"),
            params("$.\"items\"[0]", "$.\"items\"[0]", 2L),
            params("$.\"items\"[0]", "$.\"items\"[0]", "2")),
        bound(statement));
  }

  @ParameterizedTest
  @EnumSource
  void jsonNullAndAMissingKeyDiffer(Db db) {
    assertEquals(
        db.pick(
            "(\"data\" -> $1) = $2::text::jsonb",
            "JSON_TYPE(JSON_EXTRACT(`data`, ?)) = 'NULL'",
            "JSON_TYPE(\"data\", ?) = ?"),
        where(select(db, profiles().filter(DATA.key("a").isJsonNull()))));
    assertEquals(
        db.pick(
            "(\"data\" -> $1) IS NULL",
            "JSON_EXTRACT(`data`, ?) IS NULL",
            "JSON_TYPE(\"data\", ?) IS NULL"),
        where(select(db, profiles().filter(DATA.key("a").isNull(true)))));
  }

  @ParameterizedTest
  @EnumSource
  void hasKeysBindsTheKeys(Db db) {
    // SQLite cannot name a key with a double quote in a path: the others bind any key.
    String second = db == Db.SQLITE ? "b" : "b\"";
    Statement statement = select(db, profiles().filter(DATA.hasKeys("a", second)));
    assertEquals(
        db.pick(
            "\"data\" ?& $1",
            "JSON_CONTAINS_PATH(`data`, 'all', ?, ?)",
            "(JSON_TYPE(\"data\", ?) IS NOT NULL AND JSON_TYPE(\"data\", ?) IS NOT NULL)"),
        where(statement));
    if (db == Db.POSTGRESQL) {
      assertEquals(params(array(String.class, "a", "b\"")), bound(statement));
    } else if (db == Db.MYSQL) {
      assertEquals(params("$.\"a\"", "$.\"b\\\"\""), bound(statement));
    }
  }

  @ParameterizedTest
  @EnumSource
  void excludeOnANullableColumnKeepsItsNulls(Db db) {
    Statement statement = select(db, profiles().exclude(EXTRA.hasKey("tier")));
    assertEquals(
        db.pick(
            "NOT ((\"extra\" ? $1 AND \"extra\" IS NOT NULL))",
            "NOT ((JSON_CONTAINS_PATH(`extra`, 'one', ?) AND `extra` IS NOT NULL))",
            "NOT ((JSON_TYPE(\"extra\", ?) IS NOT NULL AND \"extra\" IS NOT NULL))"),
        where(statement));
  }

  @Test
  void containsIsPostgresAndMysqlOnly() {
    JsonObject value = new JsonObject().put("a", 1);
    assertEquals(
        "\"data\" @> $1::text::jsonb",
        where(select(Db.POSTGRESQL, profiles().filter(DATA.contains(value)))));
    assertEquals(
        "JSON_CONTAINS(?, JSON_EXTRACT(`data`, ?))",
        where(select(Db.MYSQL, profiles().filter(DATA.key("k").containedBy(value)))));
    assertEquals(
        params("{\"a\": 1}", "$.\"k\""),
        bound(select(Db.MYSQL, profiles().filter(DATA.key("k").containedBy(value)))));
    UnsupportedOperationException e =
        assertThrows(
            UnsupportedOperationException.class,
            () -> select(Db.SQLITE, profiles().filter(TAGS.contains(new JsonArray().add(1)))));
    assertTrue(e.getMessage().startsWith("contains on a JSON field is not supported on SQLite"));
  }

  @ParameterizedTest
  @EnumSource
  void asTextAndAsDoubleOrder(Db db) {
    Statement statement =
        select(
            db, profiles().orderBy(DATA.key("n").asDouble().asc(), DATA.key("s").asText().desc()));
    String sql = statement.sql();
    assertEquals(
        db.pick(
            " ORDER BY CAST((\"data\" ->> $1) AS double precision) ASC, (\"data\" ->> $2) DESC",
            " ORDER BY CAST(JSON_UNQUOTE(JSON_EXTRACT(`data`, ?)) AS DOUBLE) ASC, (CASE WHEN"
                + " JSON_TYPE(JSON_EXTRACT(`data`, ?)) = 'NULL' THEN NULL ELSE"
                + " JSON_UNQUOTE(JSON_EXTRACT(`data`, ?)) END) DESC",
            " ORDER BY CAST(JSON_EXTRACT(\"data\", ?) AS REAL) ASC, (CASE JSON_TYPE(\"data\", ?)"
                + " WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE"
                + " CAST(JSON_EXTRACT(\"data\", ?) AS TEXT) END) DESC"),
        sql.substring(sql.indexOf(" ORDER BY ")));
  }

  /** The shape holds the path's form, not its keys: other keys reuse the SQL, an index does not. */
  @Test
  void theSqlIsCachedByThePathsForm() {
    Statement a = select(profiles().filter(DATA.key("a").key("b").eq(1L)));
    Statement b = select(profiles().filter(DATA.key("x").key("y").eq(new BigDecimal("2.5"))));
    Statement c = select(profiles().filter(DATA.key("x").index(1).eq(1L)));
    assertSame(a.sql(), b.sql());
    assertEquals("((\"data\" -> $1) -> $2::integer) = $3::text::jsonb", where(c));
  }

  /** Values are written as Django's json.dumps writes them. */
  @Test
  void writtenAsDjangoWritesThem() {
    JsonObject data =
        new JsonObject()
            .put("s", "\u00e9\n\"")
            .put("n", new JsonArray().add(1).add(0.5).add(1e20).add(1e-7).add(-0.0).add(100.0));
    Statement insert =
        Rendered.insert(
            Db.SQLITE, new dev.asyncmodel.testmodels.Profile(null, data, null, new JsonArray()));
    assertEquals(
        params(
            "{\"s\": \"\\u00e9\\n\\\"\", \"n\": [1, 0.5, 1e+20, 1e-07, -0.0, 100.0]}", null, "[]"),
        bound(insert));
  }
}
