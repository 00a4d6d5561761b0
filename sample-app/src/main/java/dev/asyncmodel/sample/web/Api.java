package dev.asyncmodel.sample.web;

import dev.asyncmodel.Database;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The routes of the API:
 *
 * <pre>
 * POST   /api/users                  sign up: {"username", "password"}       201
 * GET    /api/transactions           newest 50, ?category= ?min_amount= ?max_amount= ?search= ?offset=
 * POST   /api/transactions           {"amount", "description", "category"}   201
 * GET    /api/transactions/stats     {"total", "has_transactions", "latest", "oldest"}
 * GET    /api/transactions/{id}
 * PATCH  /api/transactions/{id}      any of amount, description, category
 * DELETE /api/transactions/{id}      204
 * </pre>
 *
 * Every {@code /api/transactions} route needs HTTP Basic credentials of a user. Other paths answer
 * 404, other methods 405, bodies over {@link #BODY_LIMIT} bytes 413; all with a JSON body.
 */
public final class Api {
  private Api() {}

  /** The largest request body read, in bytes. */
  public static final int BODY_LIMIT = 64 * 1024;

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
    BasicAuth auth = new BasicAuth(db, credentials);
    BodyHandler body = BodyHandler.create(false).setBodyLimit(BODY_LIMIT);
    TransactionHandlers transactions = new TransactionHandlers(db);
    UserHandlers users = new UserHandlers(db, credentials);

    router.post("/api/users").handler(body).handler(users::create);

    router.get("/api/transactions").handler(auth).handler(transactions::list);
    router.post("/api/transactions").handler(body).handler(auth).handler(transactions::create);
    router.get("/api/transactions/stats").handler(auth).handler(transactions::stats);
    router.getWithRegex(ID).handler(auth).handler(transactions::get);
    router.patchWithRegex(ID).handler(body).handler(auth).handler(transactions::patch);
    router.deleteWithRegex(ID).handler(auth).handler(transactions::delete);

    router.route().failureHandler(Responses::failure);
    for (int status : new int[] {400, 401, 404, 405, 413, 415, 500}) {
      router.errorHandler(status, Responses::failure);
    }
    return router;
  }
}
