package dev.asyncmodel.sample.web;

import dev.asyncmodel.Database;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;

/**
 * The routes of the API:
 *
 * <pre>
 * GET    /healthz                    200 when the database answers within 1 s, else 503
 * POST   /api/users                  sign up: {"username", "password"}       201
 * GET    /api/transactions           newest 50, ?category= ?min_amount= ?max_amount= ?search= ?offset=
 *                                    ?year= ?month= (of created_at, in UTC)
 * POST   /api/transactions           {"amount", "description", "category"}   201
 * POST   /api/transactions/import    [{"amount", "description", "category"}, ...]: all or none, 201
 * GET    /api/transactions/stats     {"total", "has_transactions", "latest", "oldest", "sum",
 *                                    "average", "by_category", "by_month"}
 * GET    /api/transactions/export    every transaction, by id, as NDJSON, streamed
 * GET    /api/transactions/{id}
 * PATCH  /api/transactions/{id}      any of amount, description, category
 * DELETE /api/transactions/{id}      204
 * POST   /api/transactions/{id}/adjust  {"delta"}: amount = amount + delta, in one UPDATE
 * </pre>
 *
 * Every {@code /api/transactions} route needs HTTP Basic credentials of a user. Other paths answer
 * 404, other methods 405, bodies over {@link #BODY_LIMIT} bytes ({@link #IMPORT_LIMIT} for an
 * import) 413, a path or query string with a malformed percent-escape 400; all with a JSON body. A
 * body is read as JSON whatever its {@code Content-Type} says, never decoded as a form ({@link
 * BodyReader}).
 */
public final class Api {
  private Api() {}

  /** The largest request body read, in bytes. */
  public static final int BODY_LIMIT = 64 * 1024;

  /** The largest import body read, in bytes: 10,000 transactions of ordinary length fit. */
  public static final int IMPORT_LIMIT = 4 * 1024 * 1024;

  /** An id in a path: digits that fit a {@code long}; anything else is no route, so 404. */
  private static final String ID = "/api/transactions/(?<id>[0-9]{1,18})";

  /**
   * @param vertx the Vert.x instance
   * @param db the database
   * @param credentials the password hasher and checker
   * @return the router, to give to an HTTP server
   */
  public static Router router(Vertx vertx, Database db, Credentials credentials) {
    Router router = Router.router(vertx);
    router.route().handler(new RequestDeadline(vertx, db));
    BasicAuth auth = new BasicAuth(credentials);
    BodyReader body = new BodyReader(BODY_LIMIT);
    TransactionHandlers transactions = new TransactionHandlers();
    UserHandlers users = new UserHandlers(credentials);

    router.get("/healthz").handler(new Health(db)::check);
    router.post("/api/users").handler(body).handler(users::create);

    router.get("/api/transactions").handler(auth).handler(transactions::list);
    router.post("/api/transactions").handler(body).handler(auth).handler(transactions::create);
    router
        .post("/api/transactions/import")
        .handler(new BodyReader(IMPORT_LIMIT))
        .handler(auth)
        .handler(transactions::importAll);
    router.get("/api/transactions/stats").handler(auth).handler(transactions::stats);
    router.get("/api/transactions/export").handler(auth).handler(transactions::export);
    router.getWithRegex(ID).handler(auth).handler(transactions::get);
    router.patchWithRegex(ID).handler(body).handler(auth).handler(transactions::patch);
    router.deleteWithRegex(ID).handler(auth).handler(transactions::delete);
    router.postWithRegex(ID + "/adjust").handler(body).handler(auth).handler(transactions::adjust);

    router.route().failureHandler(Responses::failure);
    // Vert.x Web calls these for what it answers itself: no route (404), no method (405), a path or
    // query string it cannot decode (400), a failure in a failure handler (500). It does not always
    // set the context's status first, so each is told its own.
    for (int status : new int[] {400, 401, 404, 405, 413, 415, 417, 500}) {
      router.errorHandler(status, ctx -> Responses.failure(ctx, status));
    }
    return router;
  }

  /**
   * The server's answer to a request that Vert.x could not parse, before any route: a request line
   * over 4096 bytes is 414, headers over 8 KiB are 431, anything else malformed is 400; each with a
   * JSON body like every other answer, and the connection closed, since what follows on it cannot
   * be trusted. (A request line with an HTTP version other than 1.0 or 1.1 is answered 501 by
   * Vert.x itself and never reaches this handler.)
   *
   * @param request the request that failed to decode
   */
  public static void invalidRequest(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    HttpError error;
    if (cause instanceof TooLongHttpLineException) {
      error = HttpError.of(414, "The request line is longer than 4096 bytes.");
    } else if (cause instanceof TooLongHttpHeaderException) {
      error = HttpError.of(431, "The request headers are larger than 8192 bytes.");
    } else {
      error = HttpError.of(400, "The request is not valid HTTP/1.1.");
    }
    request
        .response()
        .setStatusCode(error.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(error.body().encode())
        .onComplete(sent -> request.connection().close());
  }
}
