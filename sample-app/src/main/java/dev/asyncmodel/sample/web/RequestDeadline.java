package dev.asyncmodel.sample.web;

import dev.asyncmodel.Database;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * Every request's deadline: the first handler of every route. It gives the request a view of the
 * database whose queries must all be done within {@link #LIMIT} of its arrival (a query still
 * running then is cancelled on the server, and its {@code QueryTimeoutException} becomes 503), and
 * answers 503 itself if the request is still unanswered then, whatever it waits for.
 */
final class RequestDeadline implements Handler<RoutingContext> {
  /** How long a request may take. */
  static final Duration LIMIT = Duration.ofSeconds(5);

  private static final String KEY = "asyncmodel.db";

  private final Vertx vertx;
  private final Database db;

  RequestDeadline(Vertx vertx, Database db) {
    this.vertx = vertx;
    this.db = db;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.put(KEY, db.withDeadline(LIMIT));
    // A little after the database's deadline, so that a query that ran out is answered from its
    // own failure; this one covers the rest (hashing a password, a slow client).
    long timer =
        vertx.setTimer(
            LIMIT.toMillis() + 100,
            id ->
                Responses.json(
                    ctx,
                    503,
                    new JsonObject()
                        .put(
                            "error", "The request took longer than " + LIMIT.toSeconds() + " s.")));
    ctx.put(TIMER_KEY, timer);
    ctx.addEndHandler(done -> vertx.cancelTimer(timer));
    ctx.next();
  }

  private static final String TIMER_KEY = "asyncmodel.deadline.timer";

  /**
   * Ends the request's deadline once its answer has begun: a streamed answer (the export) then runs
   * at the pace its client reads it. Its queries keep their own deadlines.
   *
   * @param vertx the Vert.x instance
   * @param ctx a request this handler has seen
   */
  static void answerStarted(Vertx vertx, RoutingContext ctx) {
    Long timer = ctx.get(TIMER_KEY);
    if (timer != null) {
      vertx.cancelTimer(timer);
    }
  }

  /**
   * @param ctx a request this handler has seen
   * @return the database, bound by the request's deadline
   */
  static Database db(RoutingContext ctx) {
    Database bound = ctx.get(KEY);
    if (bound == null) {
      throw new IllegalStateException("RequestDeadline is not the first handler of this route");
    }
    return bound;
  }
}
