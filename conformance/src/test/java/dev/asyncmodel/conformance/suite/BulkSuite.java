package dev.asyncmodel.conformance.suite;

import static dev.asyncmodel.conformance.fixture.Await.await;
import static dev.asyncmodel.conformance.fixture.Await.failure;
import static dev.asyncmodel.conformance.suite.Fixtures.tx;
import static dev.asyncmodel.conformance.suite.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.BulkCreate;
import dev.asyncmodel.IntegrityException;
import dev.asyncmodel.Ref;
import dev.asyncmodel.ValidationException;
import dev.asyncmodel.conformance.fixture.ConformanceTest;
import dev.asyncmodel.conformance.model.Mood;
import dev.asyncmodel.conformance.model.Sample;
import dev.asyncmodel.conformance.model.Samples;
import dev.asyncmodel.conformance.model.Transaction;
import dev.asyncmodel.conformance.model.Transactions;
import dev.asyncmodel.conformance.model.User;
import dev.asyncmodel.conformance.model.Users;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Django's {@code bulk_create} and {@code bulk_update}: many rows in few statements, every record
 * validated first, all stored or none, the ids each database returns.
 */
public abstract class BulkSuite extends ConformanceTest {
  private static Transaction line(User user, int i) {
    return new Transaction(
        null,
        Ref.of(user),
        new BigDecimal(i).movePointLeft(2),
        "line " + i,
        i % 2 == 0 ? "food" : "rent",
        null);
  }

  private static List<Transaction> lines(User user, int n) {
    List<Transaction> lines = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      lines.add(line(user, i));
    }
    return lines;
  }

  private long count() {
    return await(Transactions.objects(db).acount());
  }

  /**
   * 2,500 rows take statements of 1,024, 1,024, 256, 128, 64 and 4 rows: each returned record is
   * the row stored under its id, so the ids come back in the order of the records.
   */
  @Test
  void bulkCreateReturnsEachRecordWithItsOwnId() {
    User ann = user(db, "ann");
    List<Transaction> given = lines(ann, 2_500);
    Instant before = Instant.now().minusSeconds(1);
    List<Transaction> stored = await(Transactions.objects(db).abulkCreate(given));
    assertEquals(2_500, stored.size());
    Map<Long, Transaction> byId = new HashMap<>();
    for (Transaction row : await(Transactions.objects(db).aall())) {
      byId.put(row.id(), row);
    }
    assertEquals(2_500, byId.size());
    for (int i = 0; i < given.size(); i++) {
      Transaction record = stored.get(i);
      assertNotNull(record.id(), "id of record " + i);
      assertEquals(given.get(i).description(), record.description());
      assertNotNull(record.createdAt(), "@AutoNowAdd filled");
      assertTrue(record.createdAt().isAfter(before));
      assertEquals(
          byId.get(record.id()), record, "record " + i + " is the row stored under its id");
    }
  }

  @Test
  void recordsWithAndWithoutIdsComeBackInTheirOrder() {
    User ann = user(db, "ann");
    List<Transaction> given = new ArrayList<>();
    given.add(line(ann, 1));
    given.add(withId(line(ann, 2), 5_000L));
    given.add(line(ann, 3));
    given.add(withId(line(ann, 4), 5_001L));
    List<Transaction> stored = await(Transactions.objects(db).abulkCreate(given));
    assertEquals(List.of("line 1", "line 2", "line 3", "line 4"), descriptions(stored));
    assertEquals(5_000L, stored.get(1).id());
    assertEquals(5_001L, stored.get(3).id());
    assertNotNull(stored.get(0).id());
    assertNotNull(stored.get(2).id());
    for (Transaction record : stored) {
      assertEquals(record, await(Transactions.objects(db).aget(Transactions.ID.eq(record.id()))));
    }
  }

  @Test
  void everyTypeRoundTripsThroughOneStatement() {
    List<Sample> given = List.of(full(1), empty(), full(2));
    List<Sample> stored = await(Samples.objects(db).abulkCreate(given));
    for (int i = 0; i < given.size(); i++) {
      Sample read = await(Samples.objects(db).aget(Samples.ID.eq(stored.get(i).id())));
      assertEquals(json(withId(given.get(i), read.id())), json(read), "record " + i);
      assertEquals(given.get(i).secret(), read.secret());
    }
  }

  @Test
  void anInvalidRecordFailsTheCallBeforeAnyRowIsSent() {
    User ann = user(db, "ann");
    List<Transaction> given = lines(ann, 3_000);
    given.set(1, withDescription(given.get(1), "x".repeat(201)));
    given.set(2_900, withAmount(given.get(2_900), null));
    ValidationException e =
        failure(Transactions.objects(db).abulkCreate(given), ValidationException.class);
    assertEquals(Set.of(1, 2_900), e.records().keySet());
    assertEquals("description", e.records().get(1).get(0).field());
    assertEquals("amount", e.records().get(2_900).get(0).field());
    assertEquals(0, count(), "nothing stored");
  }

  /** The refused row is in the third statement: the first two are rolled back with it. */
  @Test
  void aRowAConstraintRefusesStoresNothing() {
    user(db, "taken");
    List<User> given = new ArrayList<>();
    for (int i = 0; i < 2_300; i++) {
      given.add(new User(null, "user" + i));
    }
    given.add(new User(null, "taken"));
    IntegrityException e = failure(Users.objects(db).abulkCreate(given), IntegrityException.class);
    assertTrue(e.uniqueViolation(), e.getMessage());
    assertEquals(1, await(Users.objects(db).acount()), "only the user stored before");
  }

  @Test
  void insideAtomicTheBulkIsAllOrNothingAndTheBlockGoesOn() {
    user(db, "taken");
    List<User> given = new ArrayList<>();
    for (int i = 0; i < 1_500; i++) {
      given.add(new User(null, "user" + i));
    }
    given.add(new User(null, "taken"));
    String outcome =
        await(
            db.atomic(
                t ->
                    Users.objects(t)
                        .acreate(new User(null, "before"))
                        .compose(
                            made ->
                                Users.objects(t)
                                    .abulkCreate(given)
                                    .map(stored -> "stored")
                                    .recover(e -> Future.succeededFuture(e.getClass().getName())))
                        .compose(
                            result ->
                                Users.objects(t).acreate(new User(null, "after")).map(result))));
    assertEquals(IntegrityException.class.getName(), outcome);
    assertEquals(
        List.of("after", "before", "taken"),
        await(Users.objects(db).orderBy(Users.USERNAME.asc()).aall()).stream()
            .map(User::username)
            .toList());
  }

  @Test
  void aFailedAtomicBlockTakesTheBulkWithIt() {
    User ann = user(db, "ann");
    IllegalStateException e =
        failure(
            db.atomic(
                t ->
                    Transactions.objects(t)
                        .abulkCreate(lines(ann, 10))
                        .compose(
                            stored -> Future.failedFuture(new IllegalStateException("changed")))),
            IllegalStateException.class);
    assertEquals("changed", e.getMessage());
    assertEquals(0, count());
  }

  @Test
  void ignoreConflictsSkipsTheRefusedRows() {
    user(db, "ann");
    List<User> stored =
        await(
            Users.objects(db)
                .abulkCreate(
                    List.of(new User(null, "bob"), new User(null, "ann"), new User(null, "cid")),
                    BulkCreate.ignoreConflicts()));
    assertEquals(List.of("bob", "ann", "cid"), stored.stream().map(User::username).toList());
    for (User user : stored) {
      assertNull(user.id(), "ids are not returned when rows may be skipped, as in Django");
    }
    assertEquals(
        List.of("ann", "bob", "cid"),
        await(Users.objects(db).orderBy(Users.USERNAME.asc()).aall()).stream()
            .map(User::username)
            .toList());
  }

  /**
   * A conflict on the primary key updates the named fields only: the category and the creation time
   * stay as stored, and the record comes back as the row now is.
   */
  @Test
  void updateConflictsUpdatesTheNamedFieldsOfTheStoredRow() {
    User ann = user(db, "ann");
    Transaction old = tx(db, ann, "1.00", "old", "food");
    Transaction changed =
        new Transaction(
            old.id(), Ref.of(ann), new BigDecimal("7.50"), "new", "rent", Instant.EPOCH);
    Transaction fresh = withId(line(ann, 3), old.id() + 100);
    List<Transaction> stored =
        await(
            Transactions.objects(db)
                .abulkCreate(
                    List.of(changed, fresh),
                    BulkCreate.updateConflicts(
                        List.of(Transactions.AMOUNT, Transactions.DESCRIPTION),
                        List.of(Transactions.ID))));
    Transaction row = await(Transactions.objects(db).aget(Transactions.ID.eq(old.id())));
    assertEquals(new BigDecimal("7.50"), row.amount());
    assertEquals("new", row.description());
    assertEquals("food", row.category(), "not in the update fields");
    assertEquals(old.createdAt(), row.createdAt(), "not in the update fields");
    assertEquals(2, count());
    if (backend().name().equals("mysql")
        && !String.valueOf(backend().sql("SELECT VERSION()").get(0).get(0)).contains("MariaDB")) {
      assertEquals(changed, stored.get(0), "MySQL returns no row: the record as given");
      return;
    }
    assertEquals(row, stored.get(0), "the record as stored");
    assertEquals(
        await(Transactions.objects(db).aget(Transactions.ID.eq(fresh.id()))), stored.get(1));
  }

  /**
   * A conflict on a unique field other than the key, the new records without ids: each comes back
   * with the id of the row it is now, the stored one for a conflict (MariaDB's RETURNING of an ON
   * DUPLICATE KEY UPDATE included).
   */
  @Test
  void updateConflictsOnAUniqueFieldReturnsTheStoredRowsId() {
    User ann = user(db, "ann");
    List<User> stored =
        await(
            Users.objects(db)
                .abulkCreate(
                    List.of(new User(null, "bob"), new User(null, "ann")),
                    BulkCreate.updateConflicts(List.of(Users.USERNAME), List.of(Users.USERNAME))));
    if (backend().name().equals("mysql")
        && !String.valueOf(backend().sql("SELECT VERSION()").get(0).get(0)).contains("MariaDB")) {
      return; // MySQL returns no row: the records come back as given
    }
    assertEquals(ann.id(), stored.get(1).id(), "the stored row's id");
    assertEquals(await(Users.objects(db).aget(Users.USERNAME.eq("bob"))).id(), stored.get(0).id());
    assertEquals(2L, await(Users.objects(db).acount()));
  }

  @Test
  void updateConflictsRefusesThePrimaryKeyAsAFieldToUpdate() {
    IllegalArgumentException e =
        failure(
            Transactions.objects(db)
                .abulkCreate(
                    List.of(),
                    BulkCreate.updateConflicts(List.of(Transactions.ID), List.of(Transactions.ID))),
            IllegalArgumentException.class);
    assertTrue(e.getMessage().contains("primary key"), e.getMessage());
  }

  @Test
  void anEmptyListStoresNothing() {
    assertEquals(List.of(), await(Transactions.objects(db).abulkCreate(List.of())));
    assertEquals(0L, await(Transactions.objects(db).abulkUpdate(List.of(), Transactions.AMOUNT)));
  }

  @Test
  void batchSizeBoundsTheStatementsAndKeepsTheOrder() {
    User ann = user(db, "ann");
    List<Transaction> stored =
        await(
            Transactions.objects(db)
                .abulkCreate(lines(ann, 37), BulkCreate.<Transaction>defaults().batchSize(5)));
    assertEquals(37, count());
    for (int i = 0; i < 37; i++) {
      assertEquals("line " + i, stored.get(i).description());
      assertEquals(
          stored.get(i),
          await(Transactions.objects(db).aget(Transactions.ID.eq(stored.get(i).id()))));
    }
  }

  /** 300 rows take two statements (256 and 32 and 8 and 4); every type goes through a CASE. */
  @Test
  void bulkUpdateWritesEachRecordsOwnValues() {
    List<Sample> given = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      given.add(empty());
    }
    List<Sample> stored = await(Samples.objects(db).abulkCreate(given));
    List<Sample> edited = new ArrayList<>();
    for (int i = 0; i < stored.size(); i++) {
      edited.add(withId(i % 3 == 0 ? empty() : full(i), stored.get(i).id()));
    }
    long matched =
        await(
            Samples.objects(db)
                .abulkUpdate(
                    edited,
                    Samples.TEXT,
                    Samples.LABEL,
                    Samples.FLAG,
                    Samples.MAYBE,
                    Samples.COUNT,
                    Samples.BOXED_COUNT,
                    Samples.BIG,
                    Samples.SMALL,
                    Samples.RATIO,
                    Samples.RATIO32,
                    Samples.PRICE,
                    Samples.AT,
                    Samples.OFFSET_AT,
                    Samples.DAY,
                    Samples.LOCAL_AT,
                    Samples.TIME,
                    Samples.UUID,
                    Samples.DATA,
                    Samples.MOOD,
                    Samples.SECRET));
    assertEquals(300, matched);
    for (Sample want : edited) {
      Sample read = await(Samples.objects(db).aget(Samples.ID.eq(want.id())));
      assertEquals(json(want), json(read));
      assertEquals(want.secret(), read.secret());
    }
  }

  @Test
  void bulkUpdateWritesOnlyTheNamedFieldsOfTheFilteredRows() {
    User ann = user(db, "ann");
    List<Transaction> stored = await(Transactions.objects(db).abulkCreate(lines(ann, 6)));
    List<Transaction> edited = new ArrayList<>();
    for (Transaction t : stored) {
      edited.add(
          new Transaction(
              t.id(), t.user(), new BigDecimal("9.99"), "edited", "edited", t.createdAt()));
    }
    long matched =
        await(
            Transactions.objects(db)
                .filter(Transactions.CATEGORY.eq("food"))
                .abulkUpdate(edited, List.of(Transactions.DESCRIPTION), 2));
    assertEquals(3, matched, "the filter's rows only, as Django's bulk_update");
    for (Transaction t : await(Transactions.objects(db).orderBy(Transactions.ID.asc()).aall())) {
      boolean food = t.category().equals("food");
      assertEquals(food ? "edited" : t.description(), t.description());
      assertTrue(food || t.description().startsWith("line "));
      assertTrue(t.amount().compareTo(new BigDecimal("9.99")) != 0, "amount not named");
    }
  }

  @Test
  void bulkUpdateValidatesEveryRecordFirst() {
    User ann = user(db, "ann");
    List<Transaction> stored = await(Transactions.objects(db).abulkCreate(lines(ann, 400)));
    List<Transaction> edited = new ArrayList<>();
    for (Transaction t : stored) {
      edited.add(withDescription(t, "edited"));
    }
    edited.set(399, withDescription(stored.get(399), "y".repeat(201)));
    ValidationException e =
        failure(
            Transactions.objects(db).abulkUpdate(edited, Transactions.DESCRIPTION),
            ValidationException.class);
    assertEquals(Set.of(399), e.records().keySet());
    assertEquals(
        0, await(Transactions.objects(db).filter(Transactions.DESCRIPTION.eq("edited")).acount()));
    List<Transaction> noId = List.of(line(ann, 1));
    failure(
        Transactions.objects(db).abulkUpdate(noId, Transactions.DESCRIPTION),
        IllegalArgumentException.class);
  }

  @Test
  void bulkUpdateCountsRowsMatchedNotRecordsGiven() {
    User ann = user(db, "ann");
    List<Transaction> stored = await(Transactions.objects(db).abulkCreate(lines(ann, 3)));
    List<Transaction> edited = new ArrayList<>();
    edited.add(withDescription(stored.get(0), "first"));
    edited.add(withDescription(stored.get(0), "second"));
    edited.add(withDescription(stored.get(1), "other"));
    edited.add(withDescription(withId(stored.get(2), 999_999L), "missing"));
    assertEquals(2L, await(Transactions.objects(db).abulkUpdate(edited, Transactions.DESCRIPTION)));
    assertEquals(
        "first",
        await(Transactions.objects(db).aget(Transactions.ID.eq(stored.get(0).id()))).description(),
        "a record listed twice is written with its first values, as in Django");
  }

  // ---------------------------------------------------------------------------------------------

  private static List<String> descriptions(List<Transaction> rows) {
    return rows.stream().map(Transaction::description).toList();
  }

  private static String json(Sample sample) {
    return Samples.toJson(sample).encode();
  }

  private static Transaction withId(Transaction t, Long id) {
    return new Transaction(id, t.user(), t.amount(), t.description(), t.category(), t.createdAt());
  }

  private static Transaction withDescription(Transaction t, String description) {
    return new Transaction(t.id(), t.user(), t.amount(), description, t.category(), t.createdAt());
  }

  private static Transaction withAmount(Transaction t, BigDecimal amount) {
    return new Transaction(t.id(), t.user(), amount, t.description(), t.category(), t.createdAt());
  }

  private static Sample withId(Sample s, Long id) {
    return new Sample(
        id,
        s.text(),
        s.label(),
        s.flag(),
        s.maybe(),
        s.count(),
        s.boxedCount(),
        s.big(),
        s.small(),
        s.ratio(),
        s.ratio32(),
        s.price(),
        s.at(),
        s.offsetAt(),
        s.day(),
        s.localAt(),
        s.time(),
        s.uuid(),
        s.data(),
        s.mood(),
        s.secret());
  }

  private static Sample full(int i) {
    return new Sample(
        null,
        "text " + i + " 'quoted' \\ é 🎉",
        "label" + i,
        i % 2 == 0,
        i % 3 == 0,
        -i,
        i,
        Long.MAX_VALUE - i,
        (short) -i,
        0.1 + i,
        1.5f + i,
        new BigDecimal("12345678.1234").add(BigDecimal.valueOf(i)),
        Instant.parse("2024-02-29T23:59:59.123456Z").plusSeconds(i),
        OffsetDateTime.parse("2024-03-01T01:02:03.5+02:00")
            .plusMinutes(i)
            .withOffsetSameInstant(ZoneOffset.UTC),
        LocalDate.of(1999, 12, 31).plusDays(i),
        LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_000).plusHours(i),
        LocalTime.of(13, 14, 15, 160_000).plusSeconds(i),
        new UUID(i, i * 7L),
        new byte[] {0, 1, (byte) i, (byte) 0xff},
        i % 2 == 0 ? Mood.GRUMPY : Mood.values()[0],
        "s3cret" + i);
  }

  private static Sample empty() {
    return new Sample(
        null, "", null, false, null, 0, null, 0, (short) 0, 0, 0, null, null, null, null, null,
        null, null, null, null, null);
  }
}
