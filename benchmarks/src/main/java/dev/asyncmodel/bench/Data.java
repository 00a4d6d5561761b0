package dev.asyncmodel.bench;

import dev.asyncmodel.bench.model.Transaction;
import dev.asyncmodel.bench.model.User;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The data set and what every request checks. 100 users ({@code auth_user} ids 1..100) and 100,000
 * transactions (ids 1..100,000); transaction {@code i} belongs to user {@code (i - 1) % 100 + 1},
 * so each user has exactly 1,000, and its description is {@code "payment <i>"}. Rows the benchmark
 * inserts have ids above 100,000 and are deleted at the end of every round.
 */
public final class Data {
  /** Number of users. */
  public static final int USERS = 100;

  /** Number of transactions in the base data. */
  public static final int ROWS = 100_000;

  /** Transactions of each user in the base data. */
  public static final int ROWS_PER_USER = ROWS / USERS;

  /** Rows per page of the "latest 50" query. */
  public static final int PAGE = 50;

  /** Users per page of the prefetch and N+1 operations. */
  public static final int USER_PAGE = 50;

  /** Rows of each user in the "recent" window of the prefetch and N+1 operations. */
  public static final int RECENT_PER_USER = 10;

  /**
   * The start of the "recent" window: the base data's last {@code RECENT_PER_USER * USERS} minutes,
   * so each user has exactly {@link #RECENT_PER_USER} rows in it (and the rows the benchmark
   * inserts, which are deleted before the next round's reads).
   */
  public static final Instant RECENT =
      Instant.parse("2024-01-01T00:00:00Z")
          .plus(java.time.Duration.ofMinutes(ROWS - RECENT_PER_USER * USERS + 1));

  /** The ten categories of the base data. */
  public static final List<String> CATEGORIES =
      List.of("food", "rent", "travel", "health", "fun", "books", "tools", "gifts", "fees", "misc");

  private Data() {}

  /**
   * @param id a base transaction id
   * @return its user's id
   */
  public static long userOf(long id) {
    return (id - 1) % USERS + 1;
  }

  /**
   * @param id a base transaction id
   * @return its description
   */
  public static String descriptionOf(long id) {
    return "payment " + id;
  }

  /**
   * The parameters of one request, drawn by the harness the same way for every implementation.
   *
   * @param id a random base transaction id
   * @param user a random user id
   * @param amount a random amount, scale 2
   * @param category a random category
   * @param deleteId for {@link Op#DELETE}: a row the benchmark inserted; otherwise 0
   */
  public record Request(long id, long user, BigDecimal amount, String category, long deleteId) {
    /**
     * @param op the operation
     * @param deletable rows inserted by the benchmark, for deletes
     * @return the request's parameters
     */
    static Request next(Op op, DeletePool deletable) {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      long deleteId = op == Op.DELETE ? deletable.take() : 0;
      return new Request(
          random.nextLong(1, ROWS + 1),
          random.nextLong(1, USERS + 1),
          BigDecimal.valueOf(random.nextLong(1, 1_000_000), 2),
          CATEGORIES.get(random.nextInt(CATEGORIES.size())),
          deleteId);
    }
  }

  /** A request whose result is wrong: the run fails. */
  public static final class CheckFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CheckFailed(String message) {
      super(message);
    }
  }

  /** The message is built only when the check fails: checking costs the same for everyone. */
  private static void check(boolean ok, Supplier<String> what) {
    if (!ok) {
      throw new CheckFailed(what.get());
    }
  }

  /**
   * @param r the request
   * @param t the row read by primary key
   * @return {@code t}
   */
  public static Transaction checkGet(Request r, Transaction t) {
    check(
        t.id() == r.id()
            && t.user().id() == userOf(r.id())
            && t.description().equals(descriptionOf(r.id()))
            && t.amount().scale() == 2
            && t.createdAt() != null,
        () -> "get by pk " + r.id() + " read " + t);
    return t;
  }

  /**
   * @param r the request
   * @param page the user's latest rows
   * @return {@code page}
   */
  public static List<Transaction> checkLatest(Request r, List<Transaction> page) {
    check(
        page.size() == PAGE,
        () -> "latest 50 of user " + r.user() + " read " + page.size() + " rows");
    Instant previous = Instant.MAX;
    for (Transaction t : page) {
      check(t.user().id() == r.user(), () -> "latest 50 of user " + r.user() + " read " + t);
      Instant before = previous;
      check(!t.createdAt().isAfter(before), () -> "latest 50 not in descending created_at: " + t);
      previous = t.createdAt();
    }
    return page;
  }

  /**
   * @param r the request: its user is the first of the page
   * @return the first user id of a page of {@link #USER_PAGE}
   */
  public static long firstOfPage(Request r) {
    return (r.user() - 1) % (USERS - USER_PAGE + 1) + 1;
  }

  /**
   * @param r the request
   * @param users the page of users read
   * @param sets each user's recent rows
   * @return the number of rows
   */
  public static int checkSets(Request r, List<User> users, Function<User, List<Transaction>> sets) {
    long first = firstOfPage(r);
    check(
        users.size() == USER_PAGE && users.get(0).id() == first,
        () -> "a page of users from " + first + " read " + users.size());
    int rows = 0;
    for (User u : users) {
      List<Transaction> set = sets.apply(u);
      check(
          set.size() == RECENT_PER_USER, () -> "recent rows of user " + u.id() + ": " + set.size());
      Instant previous = Instant.MAX;
      for (Transaction t : set) {
        Instant before = previous;
        check(
            t.user().id() == u.id()
                && !t.createdAt().isBefore(RECENT)
                && !t.createdAt().isAfter(before),
            () -> "recent rows of user " + u.id() + " read " + t);
        previous = t.createdAt();
      }
      rows += set.size();
    }
    return rows;
  }

  /**
   * @param r the request
   * @param users the page of users read
   * @param sets each user's recent rows, read by a query of its own, in the page's order
   * @return the number of rows
   */
  public static int checkSetsInOrder(
      Request r, List<User> users, List<? extends Future<List<Transaction>>> sets) {
    Map<Long, List<Transaction>> byUser = new HashMap<>();
    for (int i = 0; i < users.size(); i++) {
      byUser.put(users.get(i).id(), sets.get(i).result());
    }
    return checkSets(r, users, u -> byUser.get(u.id()));
  }

  /**
   * @param users the users with a row in the recent window, by id, at most a page
   * @return {@code users}
   */
  public static List<User> checkActive(List<User> users) {
    check(users.size() == USER_PAGE, () -> "active users: " + users.size());
    for (int i = 0; i < users.size(); i++) {
      User u = users.get(i);
      long expected = i + 1;
      check(
          u.id() == expected && u.username().equals(String.format("user%03d", expected)),
          () -> "active users read " + u + " at " + expected);
    }
    return users;
  }

  /**
   * @param page the latest rows of every user, each with its user loaded
   * @return {@code page}
   */
  public static List<Transaction> checkFeed(List<Transaction> page) {
    check(page.size() == PAGE, () -> "latest 50 with their user read " + page.size() + " rows");
    Instant previous = Instant.MAX;
    for (Transaction t : page) {
      User owner = t.user().model().orElse(null);
      check(
          owner != null
              && owner.id() == t.user().id()
              && owner.username().equals(String.format("user%03d", owner.id())),
          () -> "latest 50 with their user read " + t + " with " + t.user().model());
      Instant before = previous;
      check(!t.createdAt().isAfter(before), () -> "feed not in descending created_at: " + t);
      previous = t.createdAt();
    }
    return page;
  }

  /**
   * @param r the request
   * @param count the user's row count
   * @return {@code count}
   */
  public static long checkCount(Request r, long count) {
    check(count == ROWS_PER_USER, () -> "count of user " + r.user() + " is " + count);
    return count;
  }

  /** One group of "sum per category of a user": what every implementation maps its rows to. */
  public record CategorySum(String category, long count, BigDecimal sum) {}

  /** The amount "F-increment by pk" adds: small enough that no run makes an amount overflow. */
  public static final BigDecimal INCREMENT = new BigDecimal("0.01");

  /**
   * @param r the request
   * @param groups the user's sum per category, ordered by category
   * @return {@code groups}
   */
  public static List<CategorySum> checkSumByCategory(Request r, List<CategorySum> groups) {
    long rows = 0;
    String previous = "";
    for (CategorySum group : groups) {
      String before = previous;
      check(
          CATEGORIES.contains(group.category())
              && group.category().compareTo(before) > 0
              && group.count() > 0
              && group.sum().scale() == 2,
          () -> "sum per category of user " + r.user() + " read " + groups);
      rows += group.count();
      previous = group.category();
    }
    long counted = rows;
    check(
        counted == ROWS_PER_USER,
        () -> "sum per category of user " + r.user() + " counts " + counted + " rows");
    return groups;
  }

  /**
   * @param r the request
   * @param exists whether the user has rows
   * @return {@code exists}
   */
  public static boolean checkExists(Request r, boolean exists) {
    check(exists, () -> "exists for user " + r.user() + " is false");
    return exists;
  }

  /**
   * @param r the request
   * @param t the inserted row, as returned
   * @param deletable where the new id goes, for deletes
   * @return {@code t}
   */
  public static Transaction checkInsert(Request r, Transaction t, DeletePool deletable) {
    check(
        t.id() != null
            && t.id() > ROWS
            && t.user().id() == r.user()
            && t.createdAt() != null
            && t.amount().equals(r.amount()),
        () -> "insert returned " + t);
    deletable.add(t.id());
    return t;
  }

  /**
   * @param what the statement
   * @param rows rows the UPDATE or DELETE matched
   * @return {@code rows}
   */
  public static long checkOneRow(String what, long rows) {
    check(rows == 1, () -> what + " matched " + rows + " rows, not 1");
    return rows;
  }

  /**
   * @param r the request
   * @param t the row found
   * @param created whether it was inserted
   * @return {@code t}
   */
  public static Transaction checkGetOrCreate(Request r, Transaction t, boolean created) {
    check(
        !created && t.id() == r.id() && t.user().id() == userOf(r.id()),
        () -> "get_or_create of " + r.id() + " gave " + t + (created ? " (created)" : ""));
    return t;
  }

  /**
   * @param r the request
   * @return the template a get_or_create looks up by id and would insert
   */
  public static Transaction template(Request r) {
    return new Transaction(
        r.id(),
        dev.asyncmodel.Ref.ofId(userOf(r.id())),
        r.amount(),
        descriptionOf(r.id()),
        r.category(),
        null);
  }
}
