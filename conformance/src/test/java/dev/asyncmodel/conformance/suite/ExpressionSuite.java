package dev.asyncmodel.conformance.suite;

import static dev.asyncmodel.conformance.fixture.Await.await;
import static dev.asyncmodel.conformance.fixture.Await.failure;
import static dev.asyncmodel.conformance.model.Transactions.AMOUNT;
import static dev.asyncmodel.conformance.model.Transactions.CATEGORY;
import static dev.asyncmodel.conformance.model.Transactions.CREATED_AT;
import static dev.asyncmodel.conformance.model.Transactions.DESCRIPTION;
import static dev.asyncmodel.conformance.model.Transactions.ID;
import static dev.asyncmodel.conformance.model.Transactions.USER;
import static dev.asyncmodel.conformance.suite.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.Aggregate;
import dev.asyncmodel.DataException;
import dev.asyncmodel.DateExpression;
import dev.asyncmodel.DateTimeExpression;
import dev.asyncmodel.DecimalExpression;
import dev.asyncmodel.IntegerExpression;
import dev.asyncmodel.Ref;
import dev.asyncmodel.ValuesRow;
import dev.asyncmodel.conformance.fixture.ConformanceTest;
import dev.asyncmodel.conformance.model.Mood;
import dev.asyncmodel.conformance.model.Sample;
import dev.asyncmodel.conformance.model.Samples;
import dev.asyncmodel.conformance.model.Transaction;
import dev.asyncmodel.conformance.model.Transactions;
import dev.asyncmodel.conformance.model.User;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Django's expressions, aggregates and projections: {@code F()} in filters, updates and ordering,
 * {@code aggregate()}, {@code values().annotate()}, the date and text transforms. Expected values
 * are computed in Java from the same rows by Django's documented rules (UTC, {@code week_day} 1 =
 * Sunday, the sum of no rows is {@code None}, a count 0), independently of the SQL under test.
 */
public abstract class ExpressionSuite extends ConformanceTest {

  /** Ann's and Bob's rows: months, years, weekdays and hours around UTC midnights. */
  private List<Transaction> ledger(User ann, User bob) {
    Object[][] rows = {
      {ann, "12.50", "Coffee beans", "food", "2025-12-31T23:30:00Z"},
      {ann, "3.20", "bus", "transport", "2026-01-01T00:15:00Z"},
      {ann, "100.00", "Rent share", "home", "2026-01-31T23:59:59.999999Z"},
      {ann, "7.75", "lunch", "food", "2026-02-01T12:00:00Z"},
      {ann, "-20.00", "refund", "food", "2026-02-14T08:45:30Z"},
      {ann, "45.10", "Train", "transport", "2026-03-02T17:05:00Z"},
      {bob, "999.99", "laptop", "tech", "2026-01-15T10:00:00Z"},
      {bob, "0.01", "x", "food", "2026-03-31T23:00:00Z"},
    };
    List<Transaction> made = new ArrayList<>();
    for (Object[] row : rows) {
      made.add(
          await(
              Transactions.objects(db)
                  .acreate(
                      new Transaction(
                          null,
                          Ref.of((User) row[0]),
                          new BigDecimal((String) row[1]),
                          (String) row[2],
                          (String) row[3],
                          Instant.parse((String) row[4])))));
    }
    return made;
  }

  private static ZonedDateTime utc(Transaction t) {
    return t.createdAt().atZone(ZoneOffset.UTC);
  }

  private static List<Long> ids(List<Transaction> rows) {
    return rows.stream().map(Transaction::id).sorted().toList();
  }

  private List<Long> idsOf(Future<List<Transaction>> rows) {
    return ids(await(rows));
  }

  // ---------------------------------------------------------------------------------------------
  // F() in filters and ordering.

  @Test
  void arithmeticInAFilterIsComputedByTheDatabase() {
    User ann = user(db, "ann");
    List<Transaction> all = ledger(ann, user(db, "bob"));
    BigDecimal limit = new BigDecimal("20.00");
    // amount * 2 - 5 > 20  <=>  amount > 12.50
    List<Long> expected =
        ids(
            all.stream()
                .filter(
                    t ->
                        t.amount()
                                .multiply(BigDecimal.valueOf(2))
                                .subtract(new BigDecimal("5"))
                                .compareTo(limit)
                            > 0)
                .toList());
    assertEquals(
        expected,
        idsOf(
            Transactions.objects(db)
                .filter(AMOUNT.times(new BigDecimal("2")).minus(new BigDecimal("5")).gt(limit))
                .aall()));
    assertEquals(
        ids(all.stream().filter(t -> t.amount().compareTo(new BigDecimal("4")) < 0).toList()),
        idsOf(
            Transactions.objects(db)
                .filter(AMOUNT.dividedBy(new BigDecimal("4")).lt(BigDecimal.ONE))
                .aall()));
  }

  @Test
  void aFieldComparesWithAnotherFieldAndExcludeKeepsNulls() {
    // count > boxedCount, Django's filter(count__gt=F("boxed_count")); NULL never matches, and
    // exclude() keeps the rows where either side is NULL.
    Sample a = sample(5, 3);
    Sample b = sample(2, 7);
    Sample c = sample(4, null);
    Sample d = sample(6, 6);
    assertEquals(
        List.of(a.id()), ids(Samples.objects(db).filter(Samples.COUNT.gt(Samples.BOXED_COUNT))));
    assertEquals(
        List.of(b.id(), c.id(), d.id()),
        ids(Samples.objects(db).exclude(Samples.COUNT.gt(Samples.BOXED_COUNT))));
    assertEquals(
        List.of(d.id()), ids(Samples.objects(db).filter(Samples.COUNT.eq(Samples.BOXED_COUNT))));
    assertEquals(
        List.of(a.id(), b.id(), c.id()),
        ids(Samples.objects(db).filter(Samples.COUNT.ne(Samples.BOXED_COUNT))));
    assertEquals(
        List.of(b.id(), d.id()),
        ids(Samples.objects(db).filter(Samples.COUNT.plus(Samples.BOXED_COUNT).between(9, 12))));
    // Integer division truncates toward zero on every database: 5 / 3 = 1, -7 / 2 = -3.
    assertEquals(
        List.of(a.id(), c.id()), ids(Samples.objects(db).filter(Samples.COUNT.dividedBy(3).eq(1))));
    Sample e = sample(-7, 2);
    assertEquals(
        List.of(e.id()),
        ids(Samples.objects(db).filter(Samples.COUNT.dividedBy(Samples.BOXED_COUNT).eq(-3))));
  }

  private Sample sample(int count, @Nullable Integer boxed) {
    return await(
        Samples.objects(db)
            .acreate(
                new Sample(
                    null, "s", null, false, null, count, boxed, 0, (short) 0, 0, 0, null, null,
                    null, null, null, null, null, null, null, null)));
  }

  private List<Long> ids(dev.asyncmodel.conformance.model.SampleQuerySet qs) {
    return await(qs.aall()).stream().map(Sample::id).sorted().toList();
  }

  @Test
  void orderingByAnExpressionAndByATransform() {
    User ann = user(db, "ann");
    List<Transaction> all = ledger(ann, user(db, "bob"));
    // |amount - 10| ascending: distance from 10, ties by id.
    BigDecimal ten = new BigDecimal("10");
    List<Long> expected =
        all.stream()
            .sorted(
                Comparator.comparing((Transaction t) -> t.amount().subtract(ten).abs())
                    .thenComparing(Transaction::id))
            .map(Transaction::id)
            .toList();
    DecimalExpression<Transaction> distance = AMOUNT.minus(ten);
    // Distance as (a - 10) * (a - 10): ordering by an expression with bound values.
    List<Transaction> byDistance =
        await(Transactions.objects(db).orderBy(distance.times(distance).asc(), ID.asc()).aall());
    assertEquals(expected, byDistance.stream().map(Transaction::id).toList());
    List<Long> byLength =
        all.stream()
            .sorted(
                Comparator.comparing((Transaction t) -> -t.description().length())
                    .thenComparing(Transaction::id))
            .map(Transaction::id)
            .toList();
    assertEquals(
        byLength,
        await(Transactions.objects(db).orderBy(DESCRIPTION.length().desc(), ID.asc()).aall())
            .stream()
            .map(Transaction::id)
            .toList());
    // nullsFirst on an expression: boxedCount + 1, NULL first whatever the database.
    Sample a = sample(1, 5);
    Sample b = sample(2, null);
    Sample c = sample(3, 1);
    assertEquals(
        List.of(b.id(), a.id(), c.id()),
        await(Samples.objects(db).orderBy(Samples.BOXED_COUNT.plus(1).desc().nullsFirst()).aall())
            .stream()
            .map(Sample::id)
            .toList());
    assertEquals(
        List.of(c.id(), a.id(), b.id()),
        await(Samples.objects(db).orderBy(Samples.BOXED_COUNT.plus(1).asc().nullsLast()).aall())
            .stream()
            .map(Sample::id)
            .toList());
  }

  // ---------------------------------------------------------------------------------------------
  // F() in updates.

  @Test
  void anUpdateAddsInTheDatabaseAndNoConcurrentIncrementIsLost() {
    User ann = user(db, "ann");
    Transaction t = Fixtures.tx(db, ann, "10.00", "counter", "misc");
    List<Future<Long>> updates = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      updates.add(
          Transactions.objects(db)
              .filter(ID.eq(t.id()))
              .aupdate(AMOUNT.setTo(AMOUNT.plus(new BigDecimal("0.25")))));
    }
    for (Future<Long> update : updates) {
      assertEquals(1L, await(update));
    }
    assertEquals(
        new BigDecimal("20.00"), await(Transactions.objects(db).aget(ID.eq(t.id()))).amount());
    // Several assignments, an expression and a value, in one statement.
    assertEquals(
        1L,
        await(
            Transactions.objects(db)
                .filter(ID.eq(t.id()))
                .aupdate(
                    AMOUNT.setTo(AMOUNT.times(new BigDecimal("1.5")).minus(new BigDecimal("1"))),
                    CATEGORY.set("changed"))));
    Transaction after = await(Transactions.objects(db).aget(ID.eq(t.id())));
    assertEquals(new BigDecimal("29.00"), after.amount());
    assertEquals("changed", after.category());
    // A result with more places is rounded to the column's two, half away from zero.
    await(
        Transactions.objects(db)
            .filter(ID.eq(t.id()))
            .aupdate(AMOUNT.setTo(AMOUNT.dividedBy(new BigDecimal("8")))));
    assertEquals(
        new BigDecimal("29.00").divide(new BigDecimal("8"), 2, RoundingMode.HALF_UP),
        await(Transactions.objects(db).aget(ID.eq(t.id()))).amount());
  }

  @Test
  void anUpdateWhoseResultDoesNotFitFailsAndChangesNothing() {
    User ann = user(db, "ann");
    Transaction big = Fixtures.tx(db, ann, "99999999.00", "big", "misc");
    Transaction small = Fixtures.tx(db, ann, "1.00", "small", "misc");
    DataException e =
        failure(
            Transactions.objects(db).aupdate(AMOUNT.setTo(AMOUNT.plus(new BigDecimal("1.00")))),
            DataException.class);
    assertEquals("22003", e.sqlState(), e.getMessage());
    assertEquals(
        new BigDecimal("99999999.00"),
        await(Transactions.objects(db).aget(ID.eq(big.id()))).amount());
    assertEquals(
        new BigDecimal("1.00"), await(Transactions.objects(db).aget(ID.eq(small.id()))).amount());
  }

  @Test
  void anIntegerUpdateThatDoesNotFitFailsAndChangesNothing() {
    Sample big = sample(100_000, 1);
    DataException e =
        failure(
            Samples.objects(db).aupdate(Samples.COUNT.setTo(Samples.COUNT.times(100_000))),
            DataException.class);
    assertEquals("22003", e.sqlState(), e.getMessage());
    assertEquals(100_000, await(Samples.objects(db).aget(Samples.ID.eq(big.id()))).count());
    // A bigint that overflows 64 bits fails too (SQLite would make it a real).
    await(Samples.objects(db).aupdate(Samples.BIG.set(Long.MAX_VALUE / 2)));
    failure(
        Samples.objects(db).aupdate(Samples.BIG.setTo(Samples.BIG.times(4L))), DataException.class);
    assertEquals(
        Long.MAX_VALUE / 2, await(Samples.objects(db).aget(Samples.ID.eq(big.id()))).big());
  }

  @Test
  void textAgainstTextIsExactOnEveryDatabase() {
    User ann = user(db, "ann");
    Transaction same = Fixtures.tx(db, ann, "1.00", "food", "food");
    Fixtures.tx(db, ann, "1.00", "Food", "food");
    Fixtures.tx(db, ann, "1.00", "fóod", "food");
    assertEquals(
        List.of(same.id()),
        idsOf(Transactions.objects(db).filter(DESCRIPTION.eq(CATEGORY)).aall()));
    assertEquals(
        2L, await(Transactions.objects(db).filter(DESCRIPTION.lower().eq(CATEGORY)).acount()));
  }

  // ---------------------------------------------------------------------------------------------
  // aggregate().

  @Test
  void aggregatesOfNoRowsAreEmptyAndACountIsZero() {
    var none = Transactions.objects(db).filter(CATEGORY.eq("nothing"));
    assertEquals(Optional.empty(), await(none.aaggregate(AMOUNT.sum())));
    assertEquals(Optional.empty(), await(none.aaggregate(AMOUNT.avg())));
    assertEquals(Optional.empty(), await(none.aaggregate(CREATED_AT.max())));
    assertEquals(Optional.of(0L), await(none.aaggregate(ID.count())));
    assertEquals(Optional.of(0L), await(none.aaggregate(CATEGORY.countDistinct())));
  }

  @Test
  void aggregatesFollowDjangosResultTypes() {
    User ann = user(db, "ann");
    List<Transaction> all = ledger(ann, user(db, "bob"));
    List<Transaction> mine =
        all.stream().filter(t -> t.user().id() == ann.id().longValue()).toList();
    var qs = Transactions.objects(db).filter(USER.eq(ann));
    BigDecimal sum =
        mine.stream().map(Transaction::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    // The sum of a @Decimal(10, 2) is a BigDecimal at scale 2.
    Optional<BigDecimal> total = await(qs.aaggregate(AMOUNT.sum()));
    assertEquals(Optional.of(sum), total);
    assertEquals(2, total.orElseThrow().scale());
    // The average of a decimal: scale 2 + 4.
    BigDecimal average = sum.divide(BigDecimal.valueOf(mine.size()), 6, RoundingMode.HALF_EVEN);
    assertEquals(Optional.of(average), await(qs.aaggregate(AMOUNT.avg())));
    assertEquals(
        Optional.of(mine.stream().map(Transaction::amount).min(Comparator.naturalOrder()).get()),
        await(qs.aaggregate(AMOUNT.min())));
    assertEquals(
        Optional.of(mine.stream().map(Transaction::createdAt).max(Comparator.naturalOrder()).get()),
        await(qs.aaggregate(CREATED_AT.max())));
    assertEquals(
        Optional.of((long) new TreeSet<>(mine.stream().map(Transaction::category).toList()).size()),
        await(qs.aaggregate(CATEGORY.countDistinct())));
    // Several in one query, read by the aggregates themselves.
    Aggregate<Transaction, Long> count = ID.count();
    Aggregate<Transaction, BigDecimal> sumOf = AMOUNT.sum();
    Aggregate<Transaction, BigDecimal> max = AMOUNT.max();
    ValuesRow<Transaction> stats = await(qs.aaggregate(count, sumOf, max));
    assertEquals((long) mine.size(), stats.get(count));
    assertEquals(sum, stats.get(sumOf));
    assertEquals(new BigDecimal("100.00"), stats.get(max));
    assertEquals(
        List.of("id__count", "amount__sum", "amount__max"), List.copyOf(stats.toMap().keySet()));
    // The average of integers is a Double, their sum a Long.
    sample(3, 1);
    sample(4, null);
    assertEquals(Optional.of(3.5), await(Samples.objects(db).aaggregate(Samples.COUNT.avg())));
    assertEquals(Optional.of(7L), await(Samples.objects(db).aaggregate(Samples.COUNT.sum())));
    assertEquals(
        Optional.of(1L), await(Samples.objects(db).aaggregate(Samples.BOXED_COUNT.count())));
  }

  @Test
  void anAggregateOfASliceReadsTheSliceOnly() {
    User ann = user(db, "ann");
    List<Transaction> all = ledger(ann, user(db, "bob"));
    BigDecimal topThree =
        all.stream()
            .map(Transaction::amount)
            .sorted(Comparator.reverseOrder())
            .limit(3)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertEquals(
        Optional.of(topThree),
        await(Transactions.objects(db).orderBy(AMOUNT.desc()).limit(3).aaggregate(AMOUNT.sum())));
    assertEquals(
        Optional.of(2L),
        await(Transactions.objects(db).orderBy(AMOUNT.desc()).offset(6).aaggregate(ID.count())));
  }

  // ---------------------------------------------------------------------------------------------
  // values() and values().annotate().

  @Test
  void valuesAnnotateGroupsOrdersAndFiltersGroups() {
    User ann = user(db, "ann");
    List<Transaction> all = ledger(ann, user(db, "bob"));
    Aggregate<Transaction, Long> count = ID.count();
    Aggregate<Transaction, BigDecimal> total = AMOUNT.sum();
    record Group(String category, long count, BigDecimal sum) {}
    Map<String, List<Transaction>> byCategory =
        all.stream().collect(Collectors.groupingBy(Transaction::category));
    List<Group> expected =
        byCategory.entrySet().stream()
            .map(
                e ->
                    new Group(
                        e.getKey(),
                        e.getValue().size(),
                        e.getValue().stream()
                            .map(Transaction::amount)
                            .reduce(BigDecimal.ZERO, BigDecimal::add)))
            .sorted(Comparator.comparing(Group::sum).reversed().thenComparing(Group::category))
            .toList();
    List<Group> groups =
        await(
            Transactions.objects(db)
                .values(CATEGORY, count, total)
                .orderBy(total.desc(), CATEGORY.asc())
                .aall(row -> new Group(row.get(CATEGORY), row.get(count), row.get(total))));
    assertEquals(expected, groups);
    // HAVING, and a limit on groups.
    BigDecimal floor = new BigDecimal("10.00");
    assertEquals(
        expected.stream().filter(g -> g.sum().compareTo(floor) > 0).limit(2).toList(),
        await(
            Transactions.objects(db)
                .values(CATEGORY, count, total)
                .having(total.gt(floor))
                .orderBy(total.desc(), CATEGORY.asc())
                .limit(2)
                .aall(row -> new Group(row.get(CATEGORY), row.get(count), row.get(total)))));
    // filter() before grouping, having() with a count, both conditions combined.
    List<ValuesRow<Transaction>> mine =
        await(
            Transactions.objects(db)
                .values(CATEGORY, count)
                .filter(USER.eq(ann))
                .having(count.gte(2L).or(count.eq(0L)))
                .orderBy(CATEGORY.asc())
                .aall());
    assertEquals(
        List.of(
            Map.of("category", "food", "id__count", 3L),
            Map.of("category", "transport", "id__count", 2L)),
        mine.stream().map(ValuesRow::toMap).toList());
  }

  @Test
  void valuesWithoutAggregatesIsAProjectionAndDistinctDedupes() {
    User ann = user(db, "ann");
    List<Transaction> all = ledger(ann, user(db, "bob"));
    assertEquals(
        all.stream().map(Transaction::id).sorted().toList(),
        await(Transactions.objects(db).orderBy(ID.asc()).avaluesList(ID)));
    assertEquals(
        new TreeSet<>(all.stream().map(Transaction::category).toList()).stream().toList(),
        await(
            Transactions.objects(db)
                .values(CATEGORY)
                .distinct()
                .orderBy(CATEGORY.asc())
                .aall(row -> row.get(CATEGORY))));
    DecimalExpression<Transaction> doubled = AMOUNT.times(new BigDecimal("1.5"));
    List<ValuesRow<Transaction>> rows =
        await(
            Transactions.objects(db)
                .filter(USER.eq(ann))
                .orderBy(ID.asc())
                .values(DESCRIPTION, doubled)
                .limit(2)
                .aall());
    assertEquals("Coffee beans", rows.get(0).get(DESCRIPTION));
    // A product is read at the scale of its factors' places together: 12.50 * 1.5 = 18.750.
    assertEquals(new BigDecimal("18.750"), rows.get(0).get(doubled));
    DecimalExpression<Transaction> third = AMOUNT.dividedBy(new BigDecimal("3"));
    assertEquals(
        List.of(new BigDecimal("4.166667"), new BigDecimal("1.066667")),
        await(
            Transactions.objects(db)
                .filter(USER.eq(ann))
                .orderBy(ID.asc())
                .limit(2)
                .values(third)
                .aall(row -> row.get(third))));
    assertEquals("bus", rows.get(1).get(DESCRIPTION));
    IllegalArgumentException notSelected =
        assertThrows(IllegalArgumentException.class, () -> rows.get(0).get(CATEGORY));
    assertTrue(
        notSelected.getMessage().contains("[description, amount__times]"),
        notSelected.getMessage());
  }

  // ---------------------------------------------------------------------------------------------
  // Transforms.

  @Test
  void dateTransformsAreInUtcOnEveryDatabase() {
    User ann = user(db, "ann");
    List<Transaction> all = ledger(ann, user(db, "bob"));
    assertEquals(
        ids(all.stream().filter(t -> utc(t).getYear() == 2026).toList()),
        idsOf(Transactions.objects(db).filter(CREATED_AT.year().eq(2026)).aall()));
    assertEquals(
        ids(all.stream().filter(t -> utc(t).getMonthValue() == 1).toList()),
        idsOf(Transactions.objects(db).filter(CREATED_AT.month().eq(1)).aall()));
    assertEquals(
        ids(all.stream().filter(t -> List.of(1, 3).contains(utc(t).getMonthValue())).toList()),
        idsOf(Transactions.objects(db).filter(CREATED_AT.month().in(List.of(1, 3))).aall()));
    assertEquals(
        ids(all.stream().filter(t -> utc(t).getMonthValue() != 1).toList()),
        idsOf(Transactions.objects(db).exclude(CREATED_AT.month().in(List.of(1))).aall()));
    assertEquals(
        List.of(), idsOf(Transactions.objects(db).filter(CREATED_AT.month().in(List.of())).aall()));
    assertEquals(
        ids(all.stream().filter(t -> utc(t).getDayOfMonth() == 31).toList()),
        idsOf(Transactions.objects(db).filter(CREATED_AT.day().eq(31)).aall()));
    assertEquals(
        ids(all.stream().filter(t -> utc(t).getHour() >= 23).toList()),
        idsOf(Transactions.objects(db).filter(CREATED_AT.hour().gte(23)).aall()));
    assertEquals(
        ids(all.stream().filter(t -> utc(t).getMinute() == 45).toList()),
        idsOf(Transactions.objects(db).filter(CREATED_AT.minute().eq(45)).aall()));
    // Django's week_day: 1 = Sunday ... 7 = Saturday.
    for (DayOfWeek day : DayOfWeek.values()) {
      int djangoDay = day.getValue() % 7 + 1;
      assertEquals(
          ids(all.stream().filter(t -> utc(t).getDayOfWeek() == day).toList()),
          idsOf(Transactions.objects(db).filter(CREATED_AT.weekDay().eq(djangoDay)).aall()),
          day.toString());
    }
    LocalDate day = LocalDate.parse("2026-01-31");
    assertEquals(
        ids(all.stream().filter(t -> utc(t).toLocalDate().equals(day)).toList()),
        idsOf(Transactions.objects(db).filter(CREATED_AT.date().eq(day)).aall()));
    Instant february = Instant.parse("2026-02-01T00:00:00Z");
    assertEquals(
        ids(
            all.stream()
                .filter(
                    t ->
                        utc(t)
                            .toLocalDate()
                            .withDayOfMonth(1)
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant()
                            .equals(february))
                .toList()),
        idsOf(Transactions.objects(db).filter(CREATED_AT.truncMonth().eq(february)).aall()));
    DateExpression<Transaction> date = CREATED_AT.date();
    assertEquals(
        ids(all.stream().filter(t -> utc(t).toLocalDate().getDayOfMonth() <= 1).toList()),
        idsOf(Transactions.objects(db).filter(date.day().lte(1)).aall()));
  }

  @Test
  void groupingByMonthInUtc() {
    User ann = user(db, "ann");
    List<Transaction> all = ledger(ann, user(db, "bob"));
    DateTimeExpression<Transaction, Instant> month = CREATED_AT.truncMonth();
    Aggregate<Transaction, BigDecimal> total = AMOUNT.sum();
    Aggregate<Transaction, Long> count = ID.count();
    Map<Instant, List<Transaction>> expected = new TreeMap<>();
    for (Transaction t : all) {
      Instant first =
          utc(t).toLocalDate().withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      expected.computeIfAbsent(first, k -> new ArrayList<>()).add(t);
    }
    List<String> want = new ArrayList<>();
    expected.forEach(
        (m, rows) ->
            want.add(
                m
                    + " "
                    + rows.size()
                    + " "
                    + rows.stream()
                        .map(Transaction::amount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)));
    List<String> got =
        await(
            Transactions.objects(db)
                .values(month, count, total)
                .orderBy(month.asc())
                .aall(row -> row.get(month) + " " + row.get(count) + " " + row.get(total)));
    assertEquals(want, got);
    // Django's names: a field by its dict key, an expression by its default alias.
    assertEquals(
        List.of("created_at__trunc_month", "id__count", "created_at"),
        List.copyOf(
            await(Transactions.objects(db).values(month, count, CREATED_AT).limit(1).aall())
                .get(0)
                .toMap()
                .keySet()));
    // truncYear and the year/month pair of Django's values("created_at__year", ...).
    IntegerExpression<Transaction, Integer> year = CREATED_AT.year();
    IntegerExpression<Transaction, Integer> monthNumber = CREATED_AT.month();
    List<String> pairs =
        await(
            Transactions.objects(db)
                .values(year, monthNumber, count)
                .orderBy(year.desc(), monthNumber.desc())
                .aall(row -> row.get(year) + "-" + row.get(monthNumber) + ":" + row.get(count)));
    Map<String, Long> counted =
        all.stream()
            .collect(
                Collectors.groupingBy(
                    t -> utc(t).getYear() + "-" + utc(t).getMonthValue(),
                    TreeMap::new,
                    Collectors.counting()));
    List<String> wantPairs =
        counted.entrySet().stream()
            .sorted(
                Comparator.comparing(
                        (Map.Entry<String, Long> e) -> LocalDate.parse(pad(e.getKey())))
                    .reversed())
            .map(e -> e.getKey() + ":" + e.getValue())
            .toList();
    assertEquals(wantPairs, pairs);
    assertEquals(
        Optional.of(Instant.parse("2025-01-01T00:00:00Z")),
        await(Transactions.objects(db).aaggregate(CREATED_AT.truncYear().min())));
    assertEquals(
        Optional.of(Instant.parse("2026-03-31T00:00:00Z")),
        await(Transactions.objects(db).aaggregate(CREATED_AT.truncDay().max())));
  }

  private static String pad(String yearMonth) {
    String[] parts = yearMonth.split("-");
    return parts[0] + "-" + (parts[1].length() == 1 ? "0" : "") + parts[1] + "-01";
  }

  @Test
  void dateFieldTransforms() {
    Sample a = await(Samples.objects(db).acreate(dated(LocalDate.parse("2026-02-28"))));
    Sample b = await(Samples.objects(db).acreate(dated(LocalDate.parse("2024-02-29"))));
    Sample c = await(Samples.objects(db).acreate(dated(LocalDate.parse("2026-03-01"))));
    assertEquals(
        List.of(a.id(), c.id()), ids(Samples.objects(db).filter(Samples.DAY.year().eq(2026))));
    assertEquals(
        List.of(a.id(), b.id()),
        ids(
            Samples.objects(db)
                .filter(Samples.DAY.truncMonth().lt(LocalDate.parse("2026-03-01")))));
    // 2026-03-01 is a Sunday: Django's week_day 1.
    assertEquals(List.of(c.id()), ids(Samples.objects(db).filter(Samples.DAY.weekDay().eq(1))));
    assertEquals(
        Optional.of(LocalDate.parse("2024-01-01")),
        await(Samples.objects(db).aaggregate(Samples.DAY.truncYear().min())));
  }

  private static Sample dated(LocalDate day) {
    return new Sample(
        null, "d", null, false, null, 0, null, 0, (short) 0, 0, 0, null, null, null, day, null,
        null, null, null, null, null);
  }

  @Test
  void textTransforms() {
    User ann = user(db, "ann");
    List<Transaction> all = ledger(ann, user(db, "bob"));
    assertEquals(
        ids(
            all.stream()
                .filter(t -> t.description().toLowerCase().equals("coffee beans"))
                .toList()),
        idsOf(Transactions.objects(db).filter(DESCRIPTION.lower().eq("coffee beans")).aall()));
    assertEquals(
        ids(all.stream().filter(t -> t.description().toUpperCase().startsWith("TRAIN")).toList()),
        idsOf(Transactions.objects(db).filter(DESCRIPTION.upper().eq("TRAIN")).aall()));
    assertEquals(
        ids(all.stream().filter(t -> t.description().length() <= 3).toList()),
        idsOf(Transactions.objects(db).filter(DESCRIPTION.length().lte(3)).aall()));
    // Characters, not bytes: 7 characters, 9 bytes in UTF-8, and no other description of 7.
    Transaction accented = Fixtures.tx(db, ann, "1.00", "café ü!", "food");
    assertEquals(
        List.of(accented.id()),
        idsOf(Transactions.objects(db).filter(DESCRIPTION.length().eq(7)).aall()));
    assertEquals(
        Optional.of(12), await(Transactions.objects(db).aaggregate(DESCRIPTION.length().max())));
  }

  // ---------------------------------------------------------------------------------------------
  // Misuse.

  @Test
  void misusesFailClearly() {
    IllegalArgumentException orderByAggregate =
        assertThrows(
            IllegalArgumentException.class,
            () -> Transactions.objects(db).orderBy(AMOUNT.sum().desc()));
    assertTrue(
        orderByAggregate.getMessage().contains("values(...)"), orderByAggregate.getMessage());
    IllegalStateException havingWithoutGroups =
        failure(
            Transactions.objects(db).values(CATEGORY).having(ID.count().gt(1L)).aall(),
            IllegalStateException.class);
    assertTrue(
        havingWithoutGroups.getMessage().contains("having()"), havingWithoutGroups.getMessage());
    IllegalArgumentException enumSelected =
        assertThrows(
            IllegalArgumentException.class, () -> Samples.objects(db).values(Samples.MOOD));
    assertTrue(enumSelected.getMessage().contains("enum"), enumSelected.getMessage());
    assertEquals(
        Optional.of(0L),
        await(
            Samples.objects(db)
                .filter(Samples.MOOD.eq(Mood.HAPPY))
                .aaggregate(Samples.MOOD.count())));
    assertThrows(NullPointerException.class, () -> AMOUNT.plus((BigDecimal) null));
  }
}
