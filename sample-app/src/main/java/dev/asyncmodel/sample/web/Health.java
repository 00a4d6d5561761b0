package dev.asyncmodel.sample.web;

import dev.asyncmodel.Database;
import dev.asyncmodel.sample.model.Users;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * {@code GET /healthz}: whether the app can answer, for a load balancer or an orchestrator's probe.
 * 200 {@code {"status": "ok"}} when the database answers a query within {@value #LIMIT_MS} ms, else
 * 503 {@code {"error": ...}}. No credentials: it shows nothing of the data.
 */
final class Health {
  /** How long the database may take to answer. */
  static final long LIMIT_MS = 1000;

  private static final System.Logger LOG = System.getLogger("dev.asyncmodel.sample");

  private final Database db;

  Health(Database db) {
    this.db = db;
  }

  void check(RoutingContext ctx) {
    // A deadline on the query itself: past it, the query is cancelled on the server too.
    Users.objects(db)
        .timeout(Duration.ofMillis(LIMIT_MS))
        .aexists()
        .onComplete(
            answered -> {
              if (answered.succeeded()) {
                Responses.json(ctx, 200, new JsonObject().put("status", "ok"));
              } else {
                LOG.log(Level.WARNING, "healthz: 503: " + answered.cause());
                Responses.json(
                    ctx,
                    503,
                    new JsonObject()
                        .put("error", "The database did not answer within " + LIMIT_MS + " ms."));
              }
            });
  }
}
