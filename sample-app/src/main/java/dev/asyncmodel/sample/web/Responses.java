package dev.asyncmodel.sample.web;

import dev.asyncmodel.FieldError;
import dev.asyncmodel.PoolExhaustedException;
import dev.asyncmodel.QueryTimeoutException;
import dev.asyncmodel.ValidationException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** JSON responses, and the one place where failures become them. */
final class Responses {
  private Responses() {}

  private static final System.Logger LOG = System.getLogger("dev.asyncmodel.sample");

  /**
   * @param ctx the request
   * @param status the status
   * @param body the body
   */
  static void json(RoutingContext ctx, int status, JsonObject body) {
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.closed()) {
      return;
    }
    response
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .end(body.encode());
  }

  /**
   * The failure handler of every route: see {@link #failure(RoutingContext, int)}.
   *
   * @param ctx the failed request
   */
  static void failure(RoutingContext ctx) {
    failure(ctx, ctx.statusCode());
  }

  /**
   * The one place where a failure becomes an answer: an {@link HttpError} is sent as it is, a
   * client error that Vert.x Web chose (404 for no route, 405 for a route without that method, 400
   * for a path or query string it cannot decode) gets its JSON body, and anything else is a bug or
   * an outage: logged with its cause, answered 500 with a body that shows nothing of it.
   *
   * @param ctx the failed request
   * @param status the status Vert.x Web chose, or -1 for none
   */
  static void failure(RoutingContext ctx, int status) {
    Throwable failure = ctx.failure();
    if (failure instanceof HttpError error) {
      send(ctx, error);
      return;
    }
    if (failure instanceof ValidationException invalid) {
      // The handlers check first, so this is a rule they missed; still the client's input.
      Map<String, List<String>> errors = new LinkedHashMap<>();
      for (FieldError error : invalid.errors()) {
        errors
            .computeIfAbsent(Fields.snake(error.field()), f -> new ArrayList<>())
            .add(error.message());
      }
      send(ctx, HttpError.badRequest(errors));
      return;
    }
    if (failure instanceof QueryTimeoutException || failure instanceof PoolExhaustedException) {
      // Overload, or a database that does not answer in time: the client may retry later.
      LOG.log(
          Level.WARNING,
          "503 for " + ctx.request().method() + " " + ctx.request().path() + ": " + failure);
      send(ctx, HttpError.of(503, "The database did not answer in time; try again later."));
      return;
    }
    HttpError known =
        switch (status) {
          case 400 -> HttpError.badRequest(Errors.ALL, badRequestMessage(failure));
          case 401 -> HttpError.of(401, "Authentication credentials were not provided.");
          case 404 -> HttpError.notFound();
          case 405 -> HttpError.of(405, "Method \"" + ctx.request().method() + "\" not allowed.");
          case 413 ->
              HttpError.of(413, "The request body is larger than " + Api.BODY_LIMIT + " bytes.");
          case 415 -> HttpError.of(415, "Unsupported media type.");
          case 417 -> HttpError.of(417, "Only \"Expect: 100-continue\" is understood.");
          default -> null;
        };
    if (known != null) {
      send(ctx, known);
      return;
    }
    LOG.log(
        Level.ERROR,
        "500 for " + ctx.request().method() + " " + ctx.request().path() + ": " + failure,
        failure);
    send(ctx, HttpError.of(500, "Internal server error."));
  }

  /**
   * Vert.x Web answers 400 for a request it cannot route: a path or query string whose
   * percent-escapes do not decode, or no {@code Host} header. Its reason is about the client's own
   * request, so it is shown.
   */
  private static String badRequestMessage(@Nullable Throwable failure) {
    if (failure != null && !(failure instanceof HttpException) && failure.getMessage() != null) {
      return "Bad request: " + failure.getMessage();
    }
    return "Bad request: the path or query string is not valid (check its percent-escapes).";
  }

  private static void send(RoutingContext ctx, HttpError error) {
    if (error.status() == 401) {
      ctx.response().putHeader("WWW-Authenticate", BasicAuth.CHALLENGE);
    }
    json(ctx, error.status(), error.body());
  }
}
