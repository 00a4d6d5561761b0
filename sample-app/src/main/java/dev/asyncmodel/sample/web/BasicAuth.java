package dev.asyncmodel.sample.web;

import static dev.asyncmodel.sample.model.Users.USERNAME;

import dev.asyncmodel.Database;
import dev.asyncmodel.sample.model.User;
import dev.asyncmodel.sample.model.Users;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * HTTP Basic authentication against {@code auth_user}: the user is looked up by username with the
 * async ORM, the password checked by {@link Credentials} off the event loop. The signed-in user is
 * put on the context for the handlers after it ({@link #user}); a request without valid credentials
 * gets 401 with a {@code WWW-Authenticate} challenge, and the same answer whether the username or
 * the password was wrong.
 */
public final class BasicAuth implements Handler<RoutingContext> {
  private static final String USER_KEY = "dev.asyncmodel.sample.user";
  static final String CHALLENGE = "Basic realm=\"asyncmodel sample\", charset=\"UTF-8\"";

  private final Credentials credentials;

  /**
   * @param credentials the password checker
   */
  public BasicAuth(Credentials credentials) {
    this.credentials = credentials;
  }

  /**
   * @param ctx a request that passed this handler
   * @return its signed-in user
   */
  public static User user(RoutingContext ctx) {
    User user = ctx.get(USER_KEY);
    if (user == null) {
      throw new IllegalStateException("No signed-in user: BasicAuth must run before " + ctx);
    }
    return user;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Database db = RequestDeadline.db(ctx);
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      ctx.fail(unauthorized("Authentication credentials were not provided."));
      return;
    }
    String[] pair = decode(header);
    if (pair == null) {
      ctx.fail(unauthorized("Invalid HTTP Basic credentials."));
      return;
    }
    String username = pair[0];
    String password = pair[1];
    Future<Optional<User>> found;
    if (username.isEmpty() || username.length() > 150 || username.indexOf('\0') >= 0) {
      // No such user can exist: the database is not asked, but the time is spent all the same.
      found = Future.succeededFuture(Optional.empty());
    } else {
      found = Users.objects(db).filter(USERNAME.eq(username)).afirst();
    }
    found
        .compose(
            user ->
                credentials
                    .check(password, user.map(User::password).orElse(null))
                    .map(ok -> ok ? user : Optional.<User>empty()))
        .onSuccess(
            user -> {
              if (user.isPresent()) {
                ctx.put(USER_KEY, user.get());
                ctx.next();
              } else {
                ctx.fail(unauthorized("Invalid username or password."));
              }
            })
        .onFailure(ctx::fail);
  }

  /** The username and password of a {@code Basic} header, or null when it is not one. */
  private static String @Nullable [] decode(String header) {
    int space = header.indexOf(' ');
    if (space < 0 || !header.substring(0, space).toLowerCase(Locale.ROOT).equals("basic")) {
      return null;
    }
    String text;
    try {
      text =
          new String(
              Base64.getDecoder().decode(header.substring(space + 1).strip()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = text.indexOf(':');
    return colon < 0 ? null : new String[] {text.substring(0, colon), text.substring(colon + 1)};
  }

  private static HttpError unauthorized(String message) {
    return HttpError.of(401, message);
  }
}
