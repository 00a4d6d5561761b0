package dev.asyncmodel.bench;

import dev.asyncmodel.Ref;
import dev.asyncmodel.bench.Data.CategorySum;
import dev.asyncmodel.bench.Data.Request;
import dev.asyncmodel.bench.model.Transaction;
import dev.asyncmodel.bench.model.User;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowIterator;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The operations hand-written on vertx-pg-client, as a careful user would: prepared queries, rows
 * mapped by column index to the same record. Reads and writes may take different clients: {@code
 * vertx} runs everything on one {@code Pool}; {@code vertx-pipelined} sends reads to a pipelining
 * client and writes to a {@code Pool}, as asyncmodel does on PostgreSQL, so it is the limit for
 * asyncmodel's layer on the same client settings.
 */
final class VertxImpl implements Impl.Async {
  static final String COLUMNS =
      "\"id\", \"user_id\", \"amount\", \"description\", \"category\", \"created_at\"";
  static final String GET = "SELECT " + COLUMNS + " FROM \"transaction\" WHERE \"id\" = $1";
  static final String LATEST =
      "SELECT "
          + COLUMNS
          + " FROM \"transaction\" WHERE \"user_id\" = $1 ORDER BY \"created_at\" DESC LIMIT 50";

  /** "latest 50 with their user": the JOIN a careful user writes for Django's select_related. */
  static final String FEED =
      "SELECT t.\"id\", t.\"user_id\", t.\"amount\", t.\"description\", t.\"category\","
          + " t.\"created_at\", u.\"id\", u.\"username\" FROM \"transaction\" t"
          + " JOIN \"auth_user\" u ON u.\"id\" = t.\"user_id\""
          + " ORDER BY t.\"created_at\" DESC LIMIT 50";

  /** The page of users of the prefetch and N+1 operations. */
  static final String USERS_PAGE =
      "SELECT \"id\", \"username\" FROM \"auth_user\" WHERE \"id\" >= $1 ORDER BY \"id\" LIMIT 50";

  /** The recent rows of the page's users, the second statement of a prefetch. */
  static final String RECENT_OF_USERS =
      "SELECT "
          + COLUMNS
          + " FROM \"transaction\" WHERE \"created_at\" >= $1 AND \"user_id\" = ANY($2)"
          + " ORDER BY \"created_at\" DESC";

  /** The recent rows of one user: the N of N+1. */
  static final String RECENT_OF_USER =
      "SELECT "
          + COLUMNS
          + " FROM \"transaction\" WHERE \"created_at\" >= $1 AND \"user_id\" = $2"
          + " ORDER BY \"created_at\" DESC";

  /** Users with a recent row: the correlated EXISTS Django's filter(transaction__...) needs. */
  static final String ACTIVE_USERS =
      "SELECT u.\"id\", u.\"username\" FROM \"auth_user\" u WHERE EXISTS (SELECT 1 FROM"
          + " \"transaction\" t WHERE t.\"user_id\" = u.\"id\" AND t.\"created_at\" >= $1)"
          + " ORDER BY u.\"id\" LIMIT 50";

  static final String COUNT = "SELECT COUNT(*) FROM \"transaction\" WHERE \"user_id\" = $1";
  static final String EXISTS = "SELECT 1 FROM \"transaction\" WHERE \"user_id\" = $1 LIMIT 1";
  static final String INSERT =
      "INSERT INTO \"transaction\" (\"user_id\", \"amount\", \"description\", \"category\","
          + " \"created_at\") VALUES ($1, $2, $3, $4, $5) RETURNING \"id\"";
  static final String INSERT_WITH_ID =
      "INSERT INTO \"transaction\" (\"id\", \"user_id\", \"amount\", \"description\","
          + " \"category\", \"created_at\") VALUES ($1, $2, $3, $4, $5, $6) RETURNING \"id\"";
  static final String UPDATE = "UPDATE \"transaction\" SET \"amount\" = $1 WHERE \"id\" = $2";
  static final String SUM_BY_CATEGORY =
      "SELECT \"category\", COUNT(*), SUM(\"amount\") FROM \"transaction\" WHERE \"user_id\" = $1"
          + " GROUP BY \"category\" ORDER BY \"category\"";
  static final String INCREMENT =
      "UPDATE \"transaction\" SET \"amount\" = \"amount\" + $1 WHERE \"id\" = $2";
  static final String DELETE = "DELETE FROM \"transaction\" WHERE \"id\" = $1";

  private final String name;
  private final SqlClient reads;
  private final SqlClient writes;
  private final DeletePool deletable;

  VertxImpl(String name, SqlClient reads, SqlClient writes, DeletePool deletable) {
    this.name = name;
    this.reads = reads;
    this.writes = writes;
    this.deletable = deletable;
  }

  @Override
  public String name() {
    return name;
  }

  static Transaction map(Row row) {
    return new Transaction(
        row.getLong(0),
        Ref.ofId(row.getLong(1)),
        row.getBigDecimal(2),
        row.getString(3),
        row.getString(4),
        row.getOffsetDateTime(5).toInstant());
  }

  private static Transaction one(RowSet<Row> rows) {
    RowIterator<Row> it = rows.iterator();
    if (!it.hasNext()) {
      throw new Data.CheckFailed("no row");
    }
    return map(it.next());
  }

  @Override
  public Future<?> call(Op op, Request r) {
    return switch (op) {
      case GET ->
          reads
              .preparedQuery(GET)
              .execute(Tuple.of(r.id()))
              .map(rows -> Data.checkGet(r, one(rows)));
      case LATEST ->
          reads
              .preparedQuery(LATEST)
              .execute(Tuple.of(r.user()))
              .map(
                  rows -> {
                    List<Transaction> page = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                      page.add(map(row));
                    }
                    return Data.checkLatest(r, page);
                  });
      case LATEST_WITH_USER ->
          reads
              .preparedQuery(FEED)
              .execute()
              .map(
                  rows -> {
                    List<Transaction> page = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                      User owner = new User(row.getLong(6), row.getString(7));
                      page.add(
                          new Transaction(
                              row.getLong(0),
                              Ref.of(owner),
                              row.getBigDecimal(2),
                              row.getString(3),
                              row.getString(4),
                              row.getOffsetDateTime(5).toInstant()));
                    }
                    return Data.checkFeed(page);
                  });
      case PREFETCH ->
          usersPage(r)
              .compose(
                  page -> {
                    Long[] ids = new Long[page.size()];
                    Map<Long, List<Transaction>> byUser = new HashMap<>();
                    for (int i = 0; i < ids.length; i++) {
                      ids[i] = page.get(i).id();
                      byUser.put(ids[i], new ArrayList<>());
                    }
                    return reads
                        .preparedQuery(RECENT_OF_USERS)
                        .execute(Tuple.of(Data.RECENT.atOffset(ZoneOffset.UTC), (Object) ids))
                        .map(
                            rows -> {
                              for (Row row : rows) {
                                Transaction t = map(row);
                                byUser.get(t.user().id()).add(t);
                              }
                              return Data.checkSets(r, page, u -> byUser.get(u.id()));
                            });
                  });
      case N_PLUS_ONE ->
          usersPage(r)
              .compose(
                  page -> {
                    List<Future<List<Transaction>>> sets = new ArrayList<>(page.size());
                    for (User u : page) {
                      sets.add(
                          reads
                              .preparedQuery(RECENT_OF_USER)
                              .execute(Tuple.of(Data.RECENT.atOffset(ZoneOffset.UTC), u.id()))
                              .map(
                                  rows -> {
                                    List<Transaction> set = new ArrayList<>(rows.size());
                                    for (Row row : rows) {
                                      set.add(map(row));
                                    }
                                    return set;
                                  }));
                    }
                    return Future.all(sets).map(all -> Data.checkSetsInOrder(r, page, sets));
                  });
      case EXISTS_RECENT ->
          reads
              .preparedQuery(ACTIVE_USERS)
              .execute(Tuple.of(Data.RECENT.atOffset(ZoneOffset.UTC)))
              .map(
                  rows -> {
                    List<User> users = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                      users.add(new User(row.getLong(0), row.getString(1)));
                    }
                    return Data.checkActive(users);
                  });
      case COUNT ->
          reads
              .preparedQuery(COUNT)
              .execute(Tuple.of(r.user()))
              .map(rows -> Data.checkCount(r, rows.iterator().next().getLong(0)));
      case EXISTS ->
          reads
              .preparedQuery(EXISTS)
              .execute(Tuple.of(r.user()))
              .map(rows -> Data.checkExists(r, rows.size() > 0));
      case INSERT -> insert(r);
      case SUM_BY_CATEGORY ->
          reads
              .preparedQuery(SUM_BY_CATEGORY)
              .execute(Tuple.of(r.user()))
              .map(
                  rows -> {
                    List<CategorySum> groups = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                      groups.add(
                          new CategorySum(row.getString(0), row.getLong(1), row.getBigDecimal(2)));
                    }
                    return Data.checkSumByCategory(r, groups);
                  });
      case INCREMENT ->
          writes
              .preparedQuery(INCREMENT)
              .execute(Tuple.of(Data.INCREMENT, r.id()))
              .map(rows -> Data.checkOneRow("increment", rows.rowCount()));
      case UPDATE ->
          writes
              .preparedQuery(UPDATE)
              .execute(Tuple.of(r.amount(), r.id()))
              .map(rows -> Data.checkOneRow("update", rows.rowCount()));
      case GET_OR_CREATE -> getOrCreate(r);
      case DELETE ->
          writes
              .preparedQuery(DELETE)
              .execute(Tuple.of(r.deleteId()))
              .map(rows -> Data.checkOneRow("delete", rows.rowCount()));
    };
  }

  private Future<Transaction> insert(Request r) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    String description = "inserted";
    return writes
        .preparedQuery(INSERT)
        .execute(
            Tuple.of(r.user(), r.amount(), description, r.category(), now.atOffset(ZoneOffset.UTC)))
        .map(
            rows ->
                Data.checkInsert(
                    r,
                    new Transaction(
                        rows.iterator().next().getLong(0),
                        Ref.ofId(r.user()),
                        r.amount(),
                        description,
                        r.category(),
                        now),
                    deletable));
  }

  private Future<List<User>> usersPage(Request r) {
    return reads
        .preparedQuery(USERS_PAGE)
        .execute(Tuple.of(Data.firstOfPage(r)))
        .map(
            rows -> {
              List<User> page = new ArrayList<>(rows.size());
              for (Row row : rows) {
                page.add(new User(row.getLong(0), row.getString(1)));
              }
              return page;
            });
  }

  /** Django's get_or_create, by hand: read by the lookup, insert the template when missing. */
  private Future<Transaction> getOrCreate(Request r) {
    Transaction template = Data.template(r);
    return reads
        .preparedQuery(GET)
        .execute(Tuple.of(template.id()))
        .compose(
            rows -> {
              RowIterator<Row> it = rows.iterator();
              if (it.hasNext()) {
                return Future.succeededFuture(Data.checkGetOrCreate(r, map(it.next()), false));
              }
              Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
              return writes
                  .preparedQuery(INSERT_WITH_ID)
                  .execute(
                      Tuple.of(
                          template.id(),
                          template.user().id(),
                          template.amount(),
                          template.description(),
                          template.category(),
                          now.atOffset(ZoneOffset.UTC)))
                  .map(
                      inserted ->
                          Data.checkGetOrCreate(
                              r,
                              new Transaction(
                                  template.id(),
                                  template.user(),
                                  template.amount(),
                                  template.description(),
                                  template.category(),
                                  now),
                              true));
            });
  }

  @Override
  public void close() throws Exception {
    reads.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    if (writes != reads) {
      writes.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }
}
