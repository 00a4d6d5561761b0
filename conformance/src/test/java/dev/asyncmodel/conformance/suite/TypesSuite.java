package dev.asyncmodel.conformance.suite;

import static dev.asyncmodel.conformance.fixture.Await.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.asyncmodel.Condition;
import dev.asyncmodel.conformance.fixture.ConformanceTest;
import dev.asyncmodel.conformance.model.Mood;
import dev.asyncmodel.conformance.model.Sample;
import dev.asyncmodel.conformance.model.Samples;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every supported type written, read back, filtered on, and shown by toDict/toJson. */
public abstract class TypesSuite extends ConformanceTest {
  private static final UUID UUID_VALUE = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

  private static Sample full() {
    return new Sample(
        null,
        "long text 'quoted' \\ é 🎉",
        "label",
        true,
        false,
        -42,
        7,
        Long.MAX_VALUE,
        Short.MIN_VALUE,
        0.1 + 0.2,
        1.5f,
        new BigDecimal("12345678.1234"),
        Instant.parse("2024-02-29T23:59:59.123456Z"),
        OffsetDateTime.parse("2024-03-01T01:02:03.5+02:00"),
        LocalDate.of(1999, 12, 31),
        LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_000),
        LocalTime.of(13, 14, 15, 160_000),
        UUID_VALUE,
        new byte[] {0, 1, 2, (byte) 0xff},
        Mood.GRUMPY,
        "s3cret");
  }

  private static Sample empty() {
    return new Sample(
        null, "", null, false, null, 0, null, 0, (short) 0, 0, 0, null, null, null, null, null,
        null, null, null, null, null);
  }

  @Test
  void everyTypeRoundTrips() {
    Sample made = await(Samples.objects(db).acreate(full()));
    Sample read = await(Samples.objects(db).aget(Samples.ID.eq(made.id())));
    Sample expected = full();
    assertEquals(expected.text(), read.text());
    assertEquals(expected.label(), read.label());
    assertEquals(expected.flag(), read.flag());
    assertEquals(expected.maybe(), read.maybe());
    assertEquals(expected.count(), read.count());
    assertEquals(expected.boxedCount(), read.boxedCount());
    assertEquals(expected.big(), read.big());
    assertEquals(expected.small(), read.small());
    assertEquals(expected.ratio(), read.ratio());
    assertEquals(expected.ratio32(), read.ratio32());
    assertEquals(expected.price(), read.price());
    assertEquals(expected.at(), read.at());
    assertEquals(expected.offsetAt().toInstant(), read.offsetAt().toInstant());
    assertEquals(ZoneOffset.UTC, read.offsetAt().getOffset(), "read back in UTC");
    assertEquals(expected.day(), read.day());
    assertEquals(expected.localAt(), read.localAt());
    assertEquals(expected.time(), read.time());
    assertEquals(expected.uuid(), read.uuid());
    assertArrayEquals(expected.data(), read.data());
    assertEquals(expected.mood(), read.mood());
    assertEquals(expected.secret(), read.secret());
  }

  @Test
  void nullsRoundTrip() {
    Sample made = await(Samples.objects(db).acreate(empty()));
    Sample read = await(Samples.objects(db).aget(Samples.ID.eq(made.id())));
    assertNull(read.label());
    assertNull(read.maybe());
    assertNull(read.boxedCount());
    assertNull(read.price());
    assertNull(read.at());
    assertNull(read.offsetAt());
    assertNull(read.day());
    assertNull(read.localAt());
    assertNull(read.time());
    assertNull(read.uuid());
    assertNull(read.data());
    assertNull(read.mood());
    assertNull(read.secret());
  }

  @Test
  void everyTypeCanBeFilteredOn() {
    Sample made = await(Samples.objects(db).acreate(full()));
    await(Samples.objects(db).acreate(empty()));
    Sample f = full();
    List<Sample> hits =
        await(
            Samples.objects(db)
                .filter(
                    Samples.FLAG.eq(true),
                    Samples.MAYBE.eq(false),
                    Samples.COUNT.lt(0),
                    Samples.BIG.eq(Long.MAX_VALUE),
                    Samples.SMALL.lte(Short.MIN_VALUE),
                    Samples.RATIO.gt(0.29),
                    Samples.RATIO32.eq(1.5f),
                    Samples.PRICE.between(new BigDecimal("12345678"), new BigDecimal("12345679")),
                    Samples.AT.eq(f.at()),
                    Samples.OFFSET_AT.eq(f.offsetAt()),
                    Samples.DAY.lt(LocalDate.of(2000, 1, 1)),
                    Samples.LOCAL_AT.gte(f.localAt()),
                    Samples.TIME.gt(LocalTime.NOON),
                    Samples.UUID.eq(UUID_VALUE),
                    Samples.DATA.eq(f.data()),
                    Samples.MOOD.in(List.of(Mood.GRUMPY, Mood.CALM)),
                    Samples.SECRET.eq("s3cret"),
                    Samples.LABEL.iStartsWith("LAB"))
                .aall());
    assertEquals(1, hits.size());
    assertEquals(made.id(), hits.get(0).id());
    assertEquals(
        1,
        await(
            Samples.objects(db)
                .filter(Samples.MOOD.isNull(true), Samples.UUID.isNull(true))
                .acount()));
  }

  @Test
  void everyTypeCanBeFilteredWithIn() {
    Sample made = await(Samples.objects(db).acreate(full()));
    Sample other = await(Samples.objects(db).acreate(empty()));
    Sample f = full();
    List<Condition<Sample>> ins =
        List.of(
            Samples.TEXT.in(List.of(f.text(), "nope")),
            Samples.LABEL.in(List.of("x", "label")),
            Samples.FLAG.in(List.of(true)),
            Samples.MAYBE.in(List.of(false)),
            Samples.COUNT.in(List.of(5, -42)),
            Samples.BOXED_COUNT.in(List.of(7)),
            Samples.BIG.in(List.of(Long.MAX_VALUE, 1L)),
            Samples.SMALL.in(List.of(Short.MIN_VALUE, (short) 3)),
            Samples.RATIO.in(List.of(f.ratio())),
            Samples.RATIO32.in(List.of(1.5f, 2.5f)),
            Samples.PRICE.in(List.of(BigDecimal.ONE, new BigDecimal("12345678.1234"))),
            Samples.AT.in(List.of(f.at(), Instant.EPOCH)),
            Samples.OFFSET_AT.in(List.of(f.offsetAt())),
            Samples.DAY.in(List.of(f.day(), LocalDate.EPOCH)),
            Samples.LOCAL_AT.in(List.of(f.localAt())),
            Samples.TIME.in(List.of(LocalTime.MIDNIGHT, f.time())),
            Samples.UUID.in(List.of(UUID_VALUE)),
            Samples.DATA.in(List.of(new byte[] {9}, f.data())),
            Samples.MOOD.in(List.of(Mood.GRUMPY)),
            Samples.SECRET.in(List.of("s3cret", "other")));
    for (int i = 0; i < ins.size(); i++) {
      Condition<Sample> in = ins.get(i);
      assertEquals(
          List.of(made.id()),
          await(Samples.objects(db).filter(in).aall()).stream().map(Sample::id).toList(),
          "filter, lookup " + i);
      // exclude keeps the other row, whether its value differs or is NULL, as in Django.
      assertEquals(
          List.of(other.id()),
          await(Samples.objects(db).exclude(in).aall()).stream().map(Sample::id).toList(),
          "exclude, lookup " + i);
    }
    // Lists of other sizes on the same field, one after another.
    for (int n = 1; n <= 5; n++) {
      List<Long> ids = new java.util.ArrayList<>();
      for (long k = 0; k < n - 1; k++) {
        ids.add(-1 - k);
      }
      ids.add(made.id());
      assertEquals(1, await(Samples.objects(db).filter(Samples.ID.in(ids)).acount()), "size " + n);
    }
  }

  @Test
  void toDictAndToJsonFollowComponentOrderAndLeaveOutExcludedComponents() {
    Sample made = await(Samples.objects(db).acreate(full()));
    Map<String, Object> dict = Samples.toDict(made);
    assertEquals(
        List.of(
            "id",
            "text",
            "label",
            "flag",
            "maybe",
            "count",
            "boxed_count",
            "big",
            "small",
            "ratio",
            "ratio32",
            "price",
            "at",
            "offset_at",
            "day",
            "local_at",
            "time",
            "uuid",
            "data",
            "mood"),
        List.copyOf(dict.keySet()));
    assertFalse(dict.containsKey("secret"));
    assertEquals(made.price(), dict.get("price"));
    JsonObject json = Samples.toJson(made);
    assertEquals(List.copyOf(dict.keySet()), List.copyOf(json.fieldNames()));
    assertEquals("12345678.1234", json.getString("price"));
    assertEquals("2024-02-29T23:59:59.123456Z", json.getString("at"));
    assertEquals("1999-12-31", json.getString("day"));
    assertEquals(UUID_VALUE.toString(), json.getString("uuid"));
    assertEquals("GRUMPY", json.getString("mood"));
    assertEquals("AAEC/w==", json.getString("data"));
    assertEquals(Long.MAX_VALUE, json.getLong("big"));
    assertEquals(true, json.getBoolean("flag"));
    JsonObject nulls = Samples.toJson(await(Samples.objects(db).acreate(empty())));
    assertNull(nulls.getValue("price"));
    assertEquals(true, nulls.containsKey("price"));
  }
}
