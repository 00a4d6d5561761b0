package dev.asyncmodel.sample.web;

import dev.asyncmodel.Database;
import dev.asyncmodel.IntegrityException;
import dev.asyncmodel.sample.model.User;
import dev.asyncmodel.sample.model.Users;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/users}: sign up with a username and a password. */
final class UserHandlers {
  private static final List<String> FIELDS = List.of("username", "password");

  /** Django's {@code UnicodeUsernameValidator}. */
  private static final Pattern USERNAME =
      Pattern.compile("[\\w.@+-]+", Pattern.UNICODE_CHARACTER_CLASS);

  /** Django refuses to hash longer passwords (a denial of service otherwise). */
  static final int MAX_PASSWORD = 4096;

  /** Any value that fits the {@code password} column, while the username is checked. */
  private static final String PLACEHOLDER_HASH = "-";

  private final Credentials credentials;

  UserHandlers(Credentials credentials) {
    this.credentials = credentials;
  }

  void create(RoutingContext ctx) {
    Database db = RequestDeadline.db(ctx);
    Map<String, JsonBody.Value> body = JsonBody.object(BodyReader.body(ctx));
    Errors errors = new Errors(FIELDS);
    for (String name : body.keySet()) {
      if (!FIELDS.contains(name)) {
        errors.add(name, "Unknown field.");
      }
    }
    String username = member(body, "username", errors);
    if (username != null && !USERNAME.matcher(username).matches()) {
      errors.add(
          "username",
          "Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_"
              + " characters.");
    }
    String password = member(body, "password", errors);
    if (password != null && password.length() > MAX_PASSWORD) {
      errors.add("password", "Ensure this value has at most " + MAX_PASSWORD + " characters.");
    }
    // The username's column rules (NOT NULL, @MaxLength(150)) come from the model.
    Fields.addAll(
        Users.validate(new User(null, username, PLACEHOLDER_HASH)), Set.of("username"), errors);
    errors.throwIfAny();
    String name = Objects.requireNonNull(username);
    credentials
        .hash(Objects.requireNonNull(password))
        .compose(hash -> Users.objects(db).acreate(new User(null, name, hash)))
        .recover(UserHandlers::duplicate)
        .onSuccess(user -> Responses.json(ctx, 201, Users.toJson(user)))
        .onFailure(ctx::fail);
  }

  /** A string member that must be there and not be empty. */
  private static @Nullable String member(
      Map<String, JsonBody.Value> body, String field, Errors errors) {
    JsonBody.Value value = body.get(field);
    if (value == null) {
      errors.add(field, Fields.REQUIRED);
      return null;
    }
    String text = Fields.string(value, field, errors);
    if (text == null) {
      if (!errors.has(field)) {
        errors.add(field, "This field cannot be null.");
      }
      return null;
    }
    if (text.isEmpty()) {
      errors.add(field, Fields.BLANK);
      return null;
    }
    return text;
  }

  private static Future<User> duplicate(Throwable failure) {
    if (failure instanceof IntegrityException integrity && integrity.uniqueViolation()) {
      return Future.failedFuture(
          HttpError.badRequest("username", "A user with that username already exists."));
    }
    return Future.failedFuture(failure);
  }
}
