package dev.asyncmodel.sample.web;

import static dev.asyncmodel.sample.model.Transactions.AMOUNT;
import static dev.asyncmodel.sample.model.Transactions.CATEGORY;
import static dev.asyncmodel.sample.model.Transactions.CREATED_AT;
import static dev.asyncmodel.sample.model.Transactions.DESCRIPTION;
import static dev.asyncmodel.sample.model.Transactions.ID;
import static dev.asyncmodel.sample.model.Transactions.USER;

import dev.asyncmodel.Aggregate;
import dev.asyncmodel.Assignment;
import dev.asyncmodel.DataException;
import dev.asyncmodel.Database;
import dev.asyncmodel.DateTimeExpression;
import dev.asyncmodel.DoesNotExistException;
import dev.asyncmodel.RecordStream;
import dev.asyncmodel.ValuesRow;
import dev.asyncmodel.sample.model.Transaction;
import dev.asyncmodel.sample.model.TransactionQuerySet;
import dev.asyncmodel.sample.model.Transactions;
import dev.asyncmodel.sample.model.User;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The spec's three views ({@code get_transactions}, {@code get_transaction_stats}, {@code
 * create_transaction}) and the rest of the REST resource. Every query starts from {@link #mine},
 * the signed-in user's transactions, so another user's transaction is not found, exactly like one
 * that does not exist.
 */
final class TransactionHandlers {
  private static final System.Logger LOG = System.getLogger("dev.asyncmodel.sample");

  /** The spec's page: the newest 50. */
  static final int PAGE_SIZE = 50;

  /**
   * The signed-in user's transactions: {@code Transaction.objects.filter(user=request.user)}.
   *
   * @param db the database, or an atomic block's
   * @param ctx the request
   * @return the QuerySet (no I/O)
   */
  private static TransactionQuerySet mine(Database db, RoutingContext ctx) {
    return Transactions.objects(db).filter(USER.eq(BasicAuth.user(ctx)));
  }

  /**
   * {@code GET /api/transactions}: the spec's {@code get_transactions}, with filters and paging.
   */
  void list(RoutingContext ctx) {
    Database db = RequestDeadline.db(ctx);
    ListQuery query = ListQuery.parse(ctx.queryParams());
    TransactionQuerySet qs = mine(db, ctx);
    if (query.category() != null) {
      qs = qs.filter(CATEGORY.eq(query.category()));
    }
    if (query.minAmount() != null) {
      qs = qs.filter(AMOUNT.gte(query.minAmount()));
    }
    if (query.maxAmount() != null) {
      qs = qs.filter(AMOUNT.lte(query.maxAmount()));
    }
    if (query.search() != null) {
      qs = qs.filter(DESCRIPTION.icontains(query.search()));
    }
    // The year and the month of created_at in UTC, computed by the database.
    if (query.year() != null) {
      qs = qs.filter(CREATED_AT.year().eq(query.year()));
    }
    if (query.month() != null) {
      qs = qs.filter(CREATED_AT.month().eq(query.month()));
    }
    // Newest first; the id breaks ties between transactions made in the same microsecond.
    qs.orderBy(CREATED_AT.desc(), ID.desc())
        .offset(query.offset())
        .limit(PAGE_SIZE)
        .aall()
        .onSuccess(
            page -> {
              JsonArray transactions = new JsonArray();
              page.forEach(t -> transactions.add(json(t)));
              Responses.json(ctx, 200, new JsonObject().put("transactions", transactions));
            })
        .onFailure(ctx::fail);
  }

  /**
   * {@code GET /api/transactions/stats}: the spec's {@code get_transaction_stats} ({@code total},
   * {@code has_transactions}, {@code latest}, {@code oldest}), and figures that the database
   * computes, never Java from loaded rows: {@code sum} and {@code average} from one aggregate
   * query, {@code by_category} and {@code by_month} (UTC) from one grouped query each. The queries
   * run concurrently.
   */
  void stats(RoutingContext ctx) {
    Database db = RequestDeadline.db(ctx);
    TransactionQuerySet mine = mine(db, ctx);
    Future<Long> total = mine.acount();
    Future<Boolean> any = mine.aexists();
    Future<Optional<Transaction>> latest = mine.orderBy(CREATED_AT.desc(), ID.desc()).afirst();
    Future<Optional<Transaction>> oldest = mine.orderBy(CREATED_AT.asc(), ID.asc()).afirst();
    Aggregate<Transaction, Long> count = ID.count();
    Aggregate<Transaction, BigDecimal> sum = AMOUNT.sum();
    // SELECT COUNT("id"), SUM("amount") ... WHERE "user_id" = $1
    Future<ValuesRow<Transaction>> totals = mine.aaggregate(count, sum);
    // SELECT "category", COUNT(...), SUM(...) ... GROUP BY 1 ORDER BY "amount__sum" DESC, ...
    Future<List<JsonObject>> byCategory =
        mine.values(CATEGORY, count, sum)
            .orderBy(sum.desc(), CATEGORY.asc())
            .aall(row -> group("category", row.get(CATEGORY), row, count, sum));
    // Each transaction's month as its first instant, midnight UTC of the 1st: grouped by it.
    DateTimeExpression<Transaction, Instant> month = CREATED_AT.truncMonth();
    Future<List<JsonObject>> byMonth =
        mine.values(month, count, sum)
            .orderBy(month.asc())
            .aall(row -> group("month", yearMonth(row.get(month)), row, count, sum));
    Future.all(List.of(total, any, latest, oldest, totals, byCategory, byMonth))
        .onSuccess(
            done -> {
              ValuesRow<Transaction> figures = totals.result();
              BigDecimal amountSum = figures.get(sum);
              Long rows = figures.get(count);
              Responses.json(
                  ctx,
                  200,
                  new JsonObject()
                      .put("total", total.result())
                      .put("has_transactions", any.result())
                      .put("latest", latest.result().map(TransactionHandlers::json).orElse(null))
                      .put("oldest", oldest.result().map(TransactionHandlers::json).orElse(null))
                      .put("sum", money(amountSum))
                      .put("average", money(average(amountSum, rows == null ? 0 : rows)))
                      .put("by_category", new JsonArray(byCategory.result()))
                      .put("by_month", new JsonArray(byMonth.result())));
            })
        .onFailure(ctx::fail);
  }

  /**
   * The mean amount at 2 places, rounded half even, from the exact sum and count of one query. Not
   * the database's {@code AVG}: asyncmodel gives that already rounded (at 6 places), and rounding
   * it again to 2 would round twice; with 5001 amounts of 0.01 and 5000 of 0.00 the mean is
   * 0.0050004999..., which is 0.01 at 2 places, but 0.005000 at 6 and then 0.00.
   *
   * @param sum the sum of the amounts, null for no rows
   * @param count how many rows
   * @return the mean, or null for no rows
   */
  private static @Nullable BigDecimal average(@Nullable BigDecimal sum, long count) {
    if (sum == null || count == 0) {
      return null;
    }
    return sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_EVEN);
  }

  /** One group of the stats: its key, how many transactions and their sum. */
  private static JsonObject group(
      String key,
      @Nullable Object value,
      ValuesRow<Transaction> row,
      Aggregate<Transaction, Long> count,
      Aggregate<Transaction, BigDecimal> sum) {
    return new JsonObject()
        .put(key, value)
        .put("count", row.get(count))
        .put("sum", money(row.get(sum)));
  }

  /** A sum as the API shows amounts: its 2 places, {@code "12.50"}; null stays null. */
  private static @Nullable String money(@Nullable BigDecimal value) {
    return value == null ? null : value.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
  }

  /** The first instant of a month in UTC as {@code "2026-03"}. */
  private static @Nullable String yearMonth(@Nullable Instant firstOfMonth) {
    return firstOfMonth == null
        ? null
        : YearMonth.from(firstOfMonth.atOffset(ZoneOffset.UTC)).toString();
  }

  /** {@code POST /api/transactions}: the spec's {@code create_transaction}. */
  void create(RoutingContext ctx) {
    Database db = RequestDeadline.db(ctx);
    Transaction record =
        TransactionInput.create(JsonBody.object(BodyReader.body(ctx)), BasicAuth.user(ctx));
    Transactions.objects(db)
        .acreate(record)
        .onSuccess(
            created -> {
              ctx.response().putHeader("Location", "/api/transactions/" + created.id());
              Responses.json(ctx, 201, json(created));
            })
        .onFailure(ctx::fail);
  }

  /** The most transactions one import takes. */
  static final int MAX_IMPORT = 10_000;

  /**
   * {@code POST /api/transactions/import}: a JSON array of transactions, each as {@code POST
   * /api/transactions} takes it. Every item is checked first; then all are stored with one {@code
   * abulkCreate} in one database transaction, or none: 201 with {@code {"created": n}}, or 400 with
   * the errors of each bad item under its index, {@code {"errors": {"3": {"amount": [...]}}}}.
   */
  void importAll(RoutingContext ctx) {
    Database db = RequestDeadline.db(ctx);
    User user = BasicAuth.user(ctx);
    List<JsonBody.Item> items = JsonBody.array(BodyReader.body(ctx), MAX_IMPORT);
    List<Transaction> records = new ArrayList<>(items.size());
    JsonObject errors = new JsonObject();
    for (int i = 0; i < items.size(); i++) {
      JsonBody.Item item = items.get(i);
      String index = Integer.toString(i);
      if (item.kind() != JsonBody.Kind.OBJECT) {
        errors.put(
            index,
            itemError(
                Errors.ALL,
                "Each item must be a JSON object, not " + item.kind().description() + "."));
      } else if (item.duplicate() != null) {
        errors.put(index, itemError(item.duplicate(), "This field appears more than once."));
      } else {
        try {
          records.add(TransactionInput.create(item.members(), user));
        } catch (HttpError bad) {
          errors.put(index, bad.body().getJsonObject("errors"));
        }
      }
    }
    if (!errors.isEmpty()) {
      ctx.fail(new HttpError(400, new JsonObject().put("errors", errors)));
      return;
    }
    db.atomic(tx -> Transactions.objects(tx).abulkCreate(records))
        .onSuccess(
            stored -> Responses.json(ctx, 201, new JsonObject().put("created", stored.size())))
        .onFailure(ctx::fail);
  }

  private static JsonObject itemError(String field, String message) {
    return new JsonObject().put(field, new JsonArray().add(message));
  }

  /** Rows read from the database at once by an export: what it holds in memory, at most. */
  static final int EXPORT_CHUNK = 1_000;

  /**
   * {@code GET /api/transactions/export}: every one of the caller's transactions, ordered by id, as
   * NDJSON (one transaction's JSON per line), streamed from a database cursor at the pace the
   * client reads: when the connection's write queue is full the stream pauses, and a client that
   * goes away closes it, which stops the query.
   */
  void export(RoutingContext ctx) {
    Database db = RequestDeadline.db(ctx);
    HttpServerResponse response = ctx.response();
    RecordStream<Transaction> rows = mine(db, ctx).orderBy(ID.asc()).aiterator(EXPORT_CHUNK);
    // However the response ends (the client gone, the request's deadline answered 503 before the
    // first row), the stream closes with it.
    response.closeHandler(gone -> rows.close());
    response.exceptionHandler(broken -> rows.close());
    ctx.addEndHandler(ended -> rows.close());
    rows.exceptionHandler(
            failure -> {
              if (response.ended() || response.closed()) {
                return;
              }
              if (!response.headWritten()) {
                ctx.fail(failure);
              } else {
                // Half an answer cannot become an error: the client sees it cut short.
                LOG.log(System.Logger.Level.WARNING, "Export failed mid-way", failure);
                ctx.request().connection().close();
              }
            })
        .endHandler(
            done -> {
              if (!response.ended() && !response.closed()) {
                startAnswer(ctx, response);
                response.end();
              }
            })
        .handler(
            transaction -> {
              if (response.ended() || response.closed()) {
                rows.close();
                return;
              }
              startAnswer(ctx, response);
              response.write(json(transaction).toBuffer().appendByte((byte) '\n'));
              if (response.writeQueueFull()) {
                rows.pause();
                response.drainHandler(drained -> rows.resume());
              }
            });
  }

  /** The export's status and headers, once; from then on its client sets the pace. */
  private static void startAnswer(RoutingContext ctx, HttpServerResponse response) {
    if (!response.headWritten()) {
      RequestDeadline.answerStarted(ctx.vertx(), ctx);
      response
          .setChunked(true)
          .setStatusCode(200)
          .putHeader(HttpHeaders.CONTENT_TYPE, "application/x-ndjson");
    }
  }

  /** {@code GET /api/transactions/{id}}. */
  void get(RoutingContext ctx) {
    Database db = RequestDeadline.db(ctx);
    mine(db, ctx)
        .aget(ID.eq(id(ctx)))
        .recover(TransactionHandlers::notFound)
        .onSuccess(t -> Responses.json(ctx, 200, json(t)))
        .onFailure(ctx::fail);
  }

  /**
   * {@code PATCH /api/transactions/{id}}: changes the members sent, in one UPDATE, and answers the
   * transaction as it is then; both in one database transaction.
   */
  void patch(RoutingContext ctx) {
    Database db = RequestDeadline.db(ctx);
    long id = id(ctx);
    TransactionInput input = TransactionInput.patch(JsonBody.object(BodyReader.body(ctx)));
    List<Assignment<Transaction>> changes = input.assignments();
    db.atomic(
            tx ->
                mine(tx, ctx)
                    .filter(ID.eq(id))
                    .aupdate(changes)
                    .compose(
                        matched ->
                            matched == 0
                                ? Future.failedFuture(HttpError.notFound())
                                : mine(tx, ctx).aget(ID.eq(id))))
        .onSuccess(t -> Responses.json(ctx, 200, json(t)))
        .onFailure(ctx::fail);
  }

  /**
   * What a client is told when {@code amount + delta} does not fit the amount column: the database
   * refused the update, SQLSTATE 22003.
   */
  static final String DELTA_OVERFLOW =
      "Ensure that the amount after this change has no more than 8 digits before the decimal"
          + " point.";

  /**
   * {@code POST /api/transactions/{id}/adjust}: adds {@code delta} to the amount in one {@code
   * UPDATE ... SET amount = amount + $1}, computed by the database from the row as it is, so that
   * concurrent adjustments all count; then reads the transaction in the same database transaction,
   * where this update's row lock still holds, so the answer is the row as this update left it. A
   * sum that does not fit {@code @Decimal(10, 2)} is refused by the database and changes nothing:
   * 400 on {@code delta}.
   */
  void adjust(RoutingContext ctx) {
    Database db = RequestDeadline.db(ctx);
    long id = id(ctx);
    BigDecimal delta = TransactionInput.delta(JsonBody.object(BodyReader.body(ctx)));
    db.atomic(
            tx ->
                mine(tx, ctx)
                    .filter(ID.eq(id))
                    .aupdate(AMOUNT.setTo(AMOUNT.plus(delta)))
                    .compose(
                        matched ->
                            matched == 0
                                ? Future.failedFuture(HttpError.notFound())
                                : mine(tx, ctx).aget(ID.eq(id))))
        .recover(TransactionHandlers::overflow)
        .onSuccess(t -> Responses.json(ctx, 200, json(t)))
        .onFailure(ctx::fail);
  }

  private static <T> Future<T> overflow(Throwable failure) {
    if (failure instanceof DataException refused && "22003".equals(refused.sqlState())) {
      return Future.failedFuture(HttpError.badRequest(TransactionInput.DELTA, DELTA_OVERFLOW));
    }
    return Future.failedFuture(failure);
  }

  /** {@code DELETE /api/transactions/{id}}: 204, or 404. */
  void delete(RoutingContext ctx) {
    Database db = RequestDeadline.db(ctx);
    mine(db, ctx)
        .filter(ID.eq(id(ctx)))
        .adelete()
        .onSuccess(
            deleted -> {
              if (deleted.count() == 0) {
                ctx.fail(HttpError.notFound());
              } else {
                ctx.response().setStatusCode(204).end();
              }
            })
        .onFailure(ctx::fail);
  }

  /**
   * A transaction as the API shows it: the generated {@code toJson} ({@code id}, {@code amount} as
   * text such as {@code "12.50"}, {@code description}, {@code category}, {@code created_at}) less
   * {@code user}, which is always the caller.
   *
   * @param transaction the transaction
   * @return its JSON
   */
  static JsonObject json(Transaction transaction) {
    JsonObject json = Transactions.toJson(transaction);
    json.remove("user");
    return json;
  }

  /** The {@code id} path parameter: the route's pattern lets only 1 to 18 digits through. */
  private static long id(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (id == null) {
      throw new IllegalStateException("No id in " + ctx.normalizedPath());
    }
    return Long.parseLong(id);
  }

  private static <T> Future<T> notFound(Throwable failure) {
    return Future.failedFuture(
        failure instanceof DoesNotExistException ? HttpError.notFound() : failure);
  }
}
