package dev.asyncmodel.conformance.suite;

import static dev.asyncmodel.conformance.fixture.Await.await;
import static dev.asyncmodel.conformance.fixture.Await.failure;
import static dev.asyncmodel.conformance.model.Documents.DATA;
import static dev.asyncmodel.conformance.model.Documents.EXTRA;
import static dev.asyncmodel.conformance.model.Documents.ID;
import static dev.asyncmodel.conformance.model.Documents.NAME;
import static dev.asyncmodel.conformance.model.Documents.TAGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.Condition;
import dev.asyncmodel.FloatExpression;
import dev.asyncmodel.TextExpression;
import dev.asyncmodel.conformance.fixture.ConformanceTest;
import dev.asyncmodel.conformance.model.Document;
import dev.asyncmodel.conformance.model.Documents;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Django's {@code JSONField}: values stored as Django stores them, read whatever way Django wrote
 * them, and its key transforms and lookups, with the results Django's give on PostgreSQL.
 */
public abstract class JsonSuite extends ConformanceTest {

  private Document create(String name, JsonObject data, @Nullable JsonObject extra) {
    return create(name, data, extra, null);
  }

  private Document create(
      String name, JsonObject data, @Nullable JsonObject extra, @Nullable JsonArray tags) {
    return await(Documents.objects(db).acreate(new Document(null, name, data, extra, tags)));
  }

  /** The names of the rows that match, in id order unless the condition orders them. */
  private List<String> names(Condition<Document> condition) {
    return await(Documents.objects(db).filter(condition).orderBy(ID.asc()).aall()).stream()
        .map(Document::name)
        .toList();
  }

  private List<String> excluded(Condition<Document> condition) {
    return await(Documents.objects(db).exclude(condition).orderBy(ID.asc()).aall()).stream()
        .map(Document::name)
        .toList();
  }

  private boolean isSqlite() {
    return backend().name().equals("sqlite");
  }

  /** Four documents: nested objects, arrays, a number held as text, JSON null, an empty object. */
  private void people() {
    create(
        "ann",
        new JsonObject(
            "{\"owner\": {\"name\": \"ann\", \"age\": 30}, \"items\": [{\"sku\": \"a1\"},"
                + " {\"sku\": \"b2\"}], \"size\": 10, \"price\": 2.5, \"ok\": true, \"gone\": null,"
                + " \"\u00fc\": \"x\"}"),
        new JsonObject().put("tier", "gold"),
        new JsonArray().add("x").add(2));
    create(
        "bob",
        new JsonObject(
            "{\"owner\": {\"name\": \"bob\", \"age\": 9}, \"items\": [{\"sku\": \"b2\"}],"
                + " \"size\": 9, \"price\": 12.25, \"ok\": false}"),
        new JsonObject().put("tier", "silver"),
        new JsonArray().add("y"));
    create(
        "cat",
        new JsonObject("{\"owner\": {\"name\": \"cat\"}, \"size\": \"10\", \"ok\": \"true\"}"),
        new JsonObject());
    create("dan", new JsonObject(), null);
  }

  @Test
  void objectsAndArraysRoundTripWithUnicodeBigNumbersAndJsonNull() {
    JsonObject data =
        new JsonObject()
            .put("text", "\u00fc \u20ac \ud83d\ude00 \"quoted\" back\\slash\nline")
            .put("big", new BigInteger("123456789012345678901234567890"))
            .put("long", Long.MIN_VALUE)
            .put("fraction", 0.1)
            .put("tiny", 1.5e-7)
            .put("huge", 1e300)
            .put("negative", -5)
            .put("yes", true)
            .put("no", false)
            .put("nothing", null)
            .put("nested", new JsonObject().put("a", new JsonObject().put("b", new JsonArray())))
            .put("empty", new JsonObject());
    JsonArray tags = new JsonArray().add("a").add(1).addNull().add(new JsonArray().add(2.5));
    Document made = create("all", data, null, tags);

    Document read = await(Documents.objects(db).aget(ID.eq(made.id())));
    assertEquals(data, read.data());
    assertEquals(tags, read.tags());
    assertNull(read.extra(), "SQL NULL reads as null");
    assertTrue(read.data().containsKey("nothing"), "a key holding JSON null stays");
    assertNull(read.data().getValue("nothing"));
    assertEquals(new BigInteger("123456789012345678901234567890"), read.data().getValue("big"));
    assertEquals(1L, await(Documents.objects(db).filter(EXTRA.isNull(true)).acount()));
    assertEquals(0L, await(Documents.objects(db).filter(DATA.isNull(true)).acount()));
  }

  /** The text backends store json.dumps's text: ", " and ": ", non-ASCII escaped, Python floats. */
  @Test
  void writesTheTextDjangoWrites() {
    JsonObject data =
        new JsonObject()
            .put("name", "Z\u00fcrich \ud83d\ude00")
            .put("list", new JsonArray().add(1).add(2.5).add(1e16).add(0.0001).add(1e-5))
            .put("nested", new JsonObject().put("ok", true).put("none", null))
            .put("decimal", new BigDecimal("12.50"));
    create("text", data, null);
    Object stored = backend().sql("SELECT data FROM document").get(0).get(0);
    String django =
        "{\"name\": \"Z\\u00fcrich \\ud83d\\ude00\", \"list\": [1, 2.5, 1e+16, 0.0001, 1e-05],"
            + " \"nested\": {\"ok\": true, \"none\": null}, \"decimal\": 12.50}";
    if (backend().name().equals("postgresql")) {
      // jsonb keeps its own normalized form: the same JSON, not the same text.
      assertEquals(new JsonObject(django), stored);
    } else {
      assertEquals(django, stored.toString());
    }
  }

  /** Rows inserted as a Django app writes them read as they are. */
  @Test
  void readsRowsThatDjangoWrote() {
    String data =
        "{\"name\": \"Z\\u00fcrich\", \"n\": [1, 2.5, 1e+16, {\"deep\": [null, true]}], \"k\": {}}";
    String insert =
        backend().name().equals("postgresql")
            ? "INSERT INTO document (name, data, extra) VALUES ($1, CAST($2 AS text)::jsonb,"
                + " CAST($3 AS text)::jsonb)"
            : "INSERT INTO document (name, data, extra) VALUES (?, ?, ?)";
    backend().sql(insert, "django", data, "null");
    Document read = await(Documents.objects(db).aget(NAME.eq("django")));
    assertEquals(new JsonObject(data), read.data());
    assertEquals("Z\u00fcrich", read.data().getString("name"));
    assertEquals(1e16, read.data().getJsonArray("n").getDouble(2));
    assertNull(read.extra(), "JSON null in a JsonObject column reads as null");
    assertNull(read.tags());
    assertEquals(List.of("django"), names(DATA.key("name").eq("Z\u00fcrich")));
    assertEquals(List.of("django"), names(DATA.key("n").index(3).key("deep").index(1).eq(true)));
  }

  @Test
  void keyLookupsCompareJsonValuesAtAnyDepth() {
    people();
    assertEquals(List.of("ann"), names(DATA.key("owner").key("name").eq("ann")));
    assertEquals(List.of("ann"), names(DATA.key("owner").key("age").gt(10L)));
    assertEquals(List.of("bob"), names(DATA.key("owner").key("age").lt(10L)));
    assertEquals(List.of("ann", "bob"), names(DATA.key("owner").key("age").gte(9L)));
    assertEquals(List.of("bob"), names(DATA.key("owner").key("age").lte(9.5)));
    assertEquals(List.of("bob"), names(DATA.key("items").index(0).key("sku").eq("b2")));
    assertEquals(List.of("ann"), names(DATA.key("items").index(1).key("sku").eq("b2")));
    assertEquals(List.of(), names(DATA.key("items").index(2).key("sku").eq("b2")));
    // A number is not the text of it, and the other way round.
    assertEquals(List.of("ann"), names(DATA.key("size").eq(10L)));
    assertEquals(List.of("cat"), names(DATA.key("size").eq("10")));
    assertEquals(List.of("ann"), names(DATA.key("price").eq(2.5)));
    // An order holds between values of one JSON type only, on every database: "ok" is a boolean
    // for ann and bob and a string for cat; "size" a number for ann and bob, a string for cat.
    assertEquals(List.of(), names(DATA.key("ok").gt(5L)));
    assertEquals(List.of(), names(DATA.key("ok").lt(5L)));
    assertEquals(List.of("ann", "bob"), names(DATA.key("size").gte(1L)));
    assertEquals(List.of("cat"), names(DATA.key("size").gte("1")));
    assertEquals(List.of(), names(DATA.key("owner").gt(0L)));
    assertEquals(List.of("ann"), names(DATA.key("price").eq(new BigDecimal("2.5"))));
    assertEquals(List.of("bob"), names(DATA.key("price").gt(new BigDecimal("3"))));
    assertEquals(List.of("ann"), names(DATA.key("ok").eq(true)));
    assertEquals(List.of("bob"), names(DATA.key("ok").eq(false)));
    assertEquals(List.of("cat"), names(DATA.key("ok").eq("true")));
    assertEquals(List.of("bob", "cat"), names(DATA.key("owner").key("name").gt("ann")));
    assertEquals(List.of("ann"), names(DATA.key("\u00fc").eq("x")));
    assertEquals(
        List.of("ann"),
        names(DATA.key("owner").eq(new JsonObject().put("name", "ann").put("age", 30))));
    assertEquals(List.of("dan"), names(DATA.eq(new JsonObject())));
    assertEquals(List.of("ann"), names(TAGS.eq(new JsonArray().add("x").add(2))));
    assertEquals(List.of("ann"), names(TAGS.index(1).eq(2L)));
  }

  /** Django's distinction: {@code data__gone=None} is JSON null, {@code __isnull} a missing key. */
  @Test
  void jsonNullIsNotAMissingKey() {
    people();
    assertEquals(List.of("ann"), names(DATA.key("gone").isJsonNull()));
    assertEquals(List.of("ann"), names(DATA.key("gone").isNull(false)));
    assertEquals(List.of("bob", "cat", "dan"), names(DATA.key("gone").isNull(true)));
    assertEquals(List.of("ann", "bob"), names(DATA.key("owner").key("age").isNull(false)));
    assertEquals(List.of("ann"), names(DATA.hasKey("gone")));
  }

  @Test
  void hasKeyHasKeysAndHasAnyKeys() {
    people();
    assertEquals(List.of("ann", "bob", "cat"), names(DATA.hasKey("owner")));
    assertEquals(List.of("ann", "bob"), names(DATA.hasKeys("owner", "items")));
    assertEquals(List.of("ann", "bob", "cat"), names(DATA.hasAnyKeys("items", "ok")));
    assertEquals(List.of(), names(DATA.hasKeys("owner", "nobody")));
    assertEquals(List.of("ann", "bob"), names(DATA.key("owner").hasKey("age")));
    assertEquals(List.of("ann", "bob"), names(DATA.key("owner").hasKeys("name", "age")));
    assertEquals(List.of("ann"), names(DATA.key("items").index(1).hasAnyKeys("sku", "x")));
    assertEquals(List.of("ann"), names(DATA.hasKey("\u00fc")));
  }

  /**
   * Django's exclude: a row whose value lacks the key matches neither the lookup nor its negation;
   * a row whose nullable column is NULL is kept.
   */
  @Test
  void excludeDropsRowsWithoutTheKeyAndKeepsSqlNull() {
    people();
    assertEquals(List.of("bob"), excluded(DATA.key("owner").key("age").eq(30L)));
    assertEquals(List.of("bob"), names(DATA.key("owner").key("age").eq(30L).not()));
    assertEquals(List.of("bob", "dan"), excluded(EXTRA.key("tier").eq("gold")));
    assertEquals(List.of("cat", "dan"), excluded(DATA.hasKey("items")));
    assertEquals(List.of("ann", "bob", "cat"), excluded(DATA.key("owner").isNull(true)));
  }

  @Test
  void containsAndContainedByWhereTheDatabaseHasThem() {
    people();
    JsonObject annOwner = new JsonObject().put("owner", new JsonObject().put("name", "ann"));
    if (isSqlite()) {
      UnsupportedOperationException e =
          failure(
              Documents.objects(db).filter(DATA.contains(annOwner)).aall(),
              UnsupportedOperationException.class);
      assertTrue(e.getMessage().contains("not supported on SQLite"), e.getMessage());
      failure(
          Documents.objects(db).filter(DATA.key("owner").containedBy(annOwner)).acount(),
          UnsupportedOperationException.class);
      return;
    }
    assertEquals(List.of("ann"), names(DATA.contains(annOwner)));
    assertEquals(List.of("ann", "bob", "cat", "dan"), names(DATA.contains(new JsonObject())));
    assertEquals(
        List.of("ann", "bob"),
        names(DATA.key("items").contains(new JsonArray().add(new JsonObject().put("sku", "b2")))));
    assertEquals(List.of("ann"), names(TAGS.contains(new JsonArray().add(2))));
    assertEquals(
        List.of("bob"),
        names(
            DATA.key("owner")
                .containedBy(new JsonObject().put("name", "bob").put("age", 9).put("x", 1))));
    assertEquals(List.of("dan"), names(DATA.containedBy(new JsonObject().put("owner", "nobody"))));
  }

  @Test
  void ordersAndSelectsByTheValueOfAKey() {
    people();
    TextExpression<Document> owner = DATA.key("owner").key("name").asText();
    assertEquals(
        List.of("cat", "bob", "ann"),
        await(Documents.objects(db).filter(DATA.hasKey("owner")).orderBy(owner.desc()).aall())
            .stream()
            .map(Document::name)
            .toList());
    // As numbers, 2.5 comes before 12.25; as text it would not.
    FloatExpression<Document, Double> price = DATA.key("price").asDouble();
    assertEquals(
        List.of("ann", "bob"),
        await(
                Documents.objects(db)
                    .filter(DATA.key("price").isNull(false))
                    .orderBy(price.asc())
                    .aall())
            .stream()
            .map(Document::name)
            .toList());
    assertEquals(List.of("bob"), names(price.gt(3.0)));
    assertEquals(
        List.of("ann:ann", "bob:bob", "cat:cat", "dan:null"),
        await(
            Documents.objects(db)
                .orderBy(ID.asc())
                .values(NAME, owner)
                .aall(row -> row.get(NAME) + ":" + row.get(owner))));
    // KT() is text: the boolean true and the string "true" are both "true".
    assertEquals(List.of("ann", "cat"), names(DATA.key("ok").asText().eq("true")));
  }

  @Test
  void getOrCreateLooksUpAJsonValueAsJson() {
    JsonObject data = new JsonObject().put("tier", "gold").put("n", 1);
    Document template = new Document(null, "g", data, null, null);
    var first = await(Documents.objects(db).agetOrCreate(template, DATA));
    var second = await(Documents.objects(db).agetOrCreate(template, DATA));
    assertTrue(first.created());
    assertFalse(second.created());
    assertEquals(first.object().id(), second.object().id());
    assertEquals(1L, await(Documents.objects(db).acount()));
  }

  @Test
  void updateWritesANewValue() {
    Document made = create("u", new JsonObject().put("a", 1), null);
    JsonObject next = new JsonObject().put("b", new JsonArray().add("\u00fc"));
    assertEquals(
        1L,
        await(
            Documents.objects(db)
                .filter(ID.eq(made.id()))
                .aupdate(DATA.set(next), EXTRA.set(new JsonObject().put("c", 2)))));
    Document read = await(Documents.objects(db).aget(ID.eq(made.id())));
    assertEquals(next, read.data());
    assertEquals(new JsonObject().put("c", 2), read.extra());
    assertEquals(List.of("u"), names(DATA.key("b").index(0).eq("\u00fc")));
  }

  /** A key is bound, never written into the SQL: quotes and dots in it are only text. */
  @Test
  void keysAreValuesNotSql() {
    create("odd", new JsonObject().put("a.b", 1).put("it's", 2).put("$[0]", 3), null);
    assertEquals(List.of("odd"), names(DATA.key("a.b").eq(1L)));
    assertEquals(List.of("odd"), names(DATA.key("it's").eq(2L)));
    assertEquals(List.of("odd"), names(DATA.key("$[0]").eq(3L)));
    assertEquals(List.of(), names(DATA.key("a").key("b").eq(1L)));
    Condition<Document> quoted = DATA.key("say \"hi\"").isNull(true);
    if (isSqlite()) {
      IllegalArgumentException e =
          failure(Documents.objects(db).filter(quoted).acount(), IllegalArgumentException.class);
      assertTrue(e.getMessage().contains("double quote"), e.getMessage());
    } else {
      assertEquals(List.of("odd"), names(quoted));
      assertFalse(names(DATA.hasKey("it's")).isEmpty());
    }
  }
}
