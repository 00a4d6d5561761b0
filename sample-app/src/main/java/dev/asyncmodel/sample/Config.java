package dev.asyncmodel.sample;

import dev.asyncmodel.sample.web.Passwords;
import java.util.Map;

/**
 * What the app is told by its environment.
 *
 * @param host the address to listen on ({@code HOST}, default {@code 0.0.0.0}: every interface)
 * @param port the port ({@code PORT}, default 8080; 0 picks a free one)
 * @param databaseUrl the database ({@code DATABASE_URL}, default a SQLite file {@value
 *     #DEFAULT_DATABASE_URL} in the working directory)
 * @param pbkdf2Iterations PBKDF2 iterations for new password hashes ({@code PBKDF2_ITERATIONS},
 *     default Django 5.2's 1,000,000)
 * @param authCacheSize how many verified credentials to remember ({@code AUTH_CACHE_SIZE}, default
 *     {@value #DEFAULT_AUTH_CACHE_SIZE}; 0 runs PBKDF2 on every request)
 */
public record Config(
    String host, int port, String databaseUrl, int pbkdf2Iterations, int authCacheSize) {

  /** The database when {@code DATABASE_URL} is not set. */
  public static final String DEFAULT_DATABASE_URL = "sqlite:asyncmodel-sample.db";

  /** The port when {@code PORT} is not set. */
  public static final int DEFAULT_PORT = 8080;

  /** The cache size when {@code AUTH_CACHE_SIZE} is not set. */
  public static final int DEFAULT_AUTH_CACHE_SIZE = 1024;

  /**
   * @param env the environment, {@link System#getenv()}; a blank variable counts as unset
   * @return the configuration
   * @throws IllegalArgumentException naming the variable that is wrong
   */
  public static Config fromEnv(Map<String, String> env) {
    return new Config(
        text(env, "HOST", "0.0.0.0"),
        number(env, "PORT", DEFAULT_PORT, 0, 65535),
        text(env, "DATABASE_URL", DEFAULT_DATABASE_URL),
        number(env, "PBKDF2_ITERATIONS", Passwords.DJANGO_ITERATIONS, 1, 100_000_000),
        number(env, "AUTH_CACHE_SIZE", DEFAULT_AUTH_CACHE_SIZE, 0, 1_000_000));
  }

  private static String text(Map<String, String> env, String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  private static int number(Map<String, String> env, String name, int fallback, int min, int max) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        name + " must be a whole number from " + min + " to " + max + ", not \"" + value + "\"");
  }

  /**
   * The database URL as it may be logged: without the password.
   *
   * @return {@code postgresql://app:***@host:5432/app} for {@code postgresql://app:secret@...}
   */
  public String databaseForLog() {
    return redact(databaseUrl);
  }

  /**
   * @param url a database URL
   * @return it with the password, if any, replaced by {@code ***}
   */
  static String redact(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return url;
    }
    int start = scheme + 3;
    int end = url.indexOf('/', start);
    String authority = end < 0 ? url.substring(start) : url.substring(start, end);
    int at = authority.lastIndexOf('@');
    if (at < 0) {
      return url;
    }
    int colon = authority.indexOf(':');
    if (colon < 0 || colon > at) {
      return url;
    }
    return url.substring(0, start)
        + authority.substring(0, colon)
        + ":***"
        + authority.substring(at)
        + (end < 0 ? "" : url.substring(end));
  }

  @Override
  public String toString() {
    return "Config[host="
        + host
        + ", port="
        + port
        + ", database="
        + databaseForLog()
        + ", pbkdf2Iterations="
        + pbkdf2Iterations
        + ", authCacheSize="
        + authCacheSize
        + "]";
  }
}
