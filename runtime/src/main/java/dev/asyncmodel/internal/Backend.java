package dev.asyncmodel.internal;

import io.vertx.core.Vertx;
import java.util.List;

/**
 * One database family: its URL schemes and defaults, and how to open it. Each lives in its own
 * package ({@code internal.postgresql}, {@code internal.mysql}, {@code internal.sqlite}) with its
 * dialect and row reader; {@link Backends} maps a URL's scheme to one. Nothing outside a backend's
 * package asks which backend it is.
 */
public interface Backend {
  /**
   * @return the schemes it answers to, the first one canonical: {@code postgresql}, {@code
   *     postgres}
   */
  List<String> schemes();

  /**
   * @return how its URLs start, for an error message: {@code postgresql://}, {@code sqlite:}
   */
  String urlPrefix();

  /**
   * Parses a URL of one of its schemes.
   *
   * @param scheme the URL's scheme, lower case, one of {@link #schemes()}
   * @param url the whole URL
   * @return its settings
   * @throws IllegalArgumentException if it is malformed; the message never echoes a password
   */
  ConnectionUrl parse(String scheme, String url);

  /**
   * Opens the database, without I/O: connections open on first use.
   *
   * @param vertx the Vert.x instance
   * @param url the settings {@link #parse} gave
   * @return the session of the database, and how to close it
   */
  Opened open(Vertx vertx, ConnectionUrl url);

  /**
   * What {@link #open} gives.
   *
   * @param session the session outside any transaction
   * @param lifecycle ended when the database closes
   * @param close closes the connections
   * @param pool what the connections are doing, for the pool metrics
   */
  record Opened(
      Session session,
      Lifecycle lifecycle,
      java.util.function.Supplier<io.vertx.core.Future<Void>> close,
      PoolState pool) {}
}
