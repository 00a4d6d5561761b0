package dev.asyncmodel.sample.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * An answer other than success that a handler decided on: a status and its JSON body. Thrown or
 * given to {@code RoutingContext.fail}; the router's failure handler sends it. No stack trace: it
 * is not a bug.
 */
public final class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient JsonObject body;

  /**
   * @param status the HTTP status
   * @param body the JSON body
   */
  public HttpError(int status, JsonObject body) {
    super("HTTP " + status + ": " + body.encode(), null, false, false);
    this.status = status;
    this.body = body;
  }

  /**
   * @return the HTTP status
   */
  public int status() {
    return status;
  }

  /**
   * @return the JSON body
   */
  public JsonObject body() {
    return body;
  }

  /**
   * @param status the status
   * @param message what went wrong, for people
   * @return an error whose body is {@code {"error": message}}
   */
  public static HttpError of(int status, String message) {
    return new HttpError(status, new JsonObject().put("error", message));
  }

  /**
   * @return 404 with the one body that every missing or foreign object gets
   */
  public static HttpError notFound() {
    return of(404, "Not found.");
  }

  /**
   * A 400 naming each bad field and what is wrong with it, as Django's form and serializer errors
   * do: {@code {"errors": {"amount": ["A valid number is required."]}}}.
   *
   * @param errors messages by field, in the order to show them
   * @return the error
   */
  public static HttpError badRequest(Map<String, List<String>> errors) {
    JsonObject fields = new JsonObject();
    errors.forEach((field, messages) -> fields.put(field, new JsonArray(List.copyOf(messages))));
    return new HttpError(400, new JsonObject().put("errors", fields));
  }

  /**
   * @param field the bad field, or {@code __all__} for the request as a whole
   * @param message what is wrong
   * @return a 400 for one field
   */
  public static HttpError badRequest(String field, String message) {
    return badRequest(Map.of(field, List.of(message)));
  }
}
