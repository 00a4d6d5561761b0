package dev.asyncmodel.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A parsed connection URL: {@code postgresql://user:password@host:port/database?pool_size=8}.
 * Malformed input is an {@link IllegalArgumentException} that says what is wrong, and never echoes
 * the password.
 *
 * @param backend the backend's name, its canonical scheme: {@code postgresql}, {@code mysql}, ...
 * @param host the host; empty for a database in a file
 * @param port the port, or -1 for the backend's default
 * @param database the database name
 * @param user the user
 * @param password the password, if any
 * @param poolSize the maximum number of connections
 * @param pipelining on PostgreSQL, how many queries outside a transaction one connection may have
 *     in flight; 1 on the other backends
 * @param logStatements whether every statement is logged ({@code log_statements=true})
 */
public record ConnectionUrl(
    String backend,
    String host,
    int port,
    String database,
    String user,
    @Nullable String password,
    int poolSize,
    int pipelining,
    boolean logStatements) {
  /** Connections per pool, unless the URL says {@code pool_size}. */
  public static final int DEFAULT_POOL_SIZE = 8;

  /**
   * What a server backend's URLs allow.
   *
   * @param defaultUser the user when the URL names none
   * @param defaultPipelining queries in flight per connection by default, or 0 when the backend
   *     does not pipeline
   * @param noPipelining why {@code pipelining} is refused, when the backend does not pipeline
   */
  public record ServerRules(String defaultUser, int defaultPipelining, String noPipelining) {}

  /**
   * @param url the URL
   * @return its parts
   * @throws IllegalArgumentException if it is malformed
   */
  public static ConnectionUrl parse(String url) {
    Objects.requireNonNull(url, "url");
    int colon = url.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(
          "Not a database URL (no scheme): use " + Backends.prefixes());
    }
    String scheme = url.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
    Backend backend = Backends.forScheme(scheme);
    if (backend == null) {
      throw new IllegalArgumentException(
          "Unknown database URL scheme \"" + scheme + "\": use " + Backends.prefixes());
    }
    return backend.parse(scheme, url);
  }

  /**
   * Parses {@code scheme://[user[:password]@]host[:port]/database[?pool_size=n&pipelining=n]}.
   *
   * @param backend the backend's name
   * @param scheme the URL's scheme, as written in messages
   * @param url the whole URL
   * @param rules what the backend allows
   * @return its parts
   * @throws IllegalArgumentException if it is malformed
   */
  public static ConnectionUrl server(String backend, String scheme, String url, ServerRules rules) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "Malformed database URL at index " + e.getIndex() + ": " + e.getReason(), null);
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      // java.net.URI has no host when the authority is not host[:port] (a port that is not a
      // number, a character a host name cannot hold, an '@' left unencoded in the password).
      // The authority may hold the password, so the message does not quote it.
      throw new IllegalArgumentException(
          uri.getRawAuthority() == null
              ? "Database URL has no host: expected " + scheme + "://user@host:port/database"
              : "Database URL has no valid host and port: a host holds letters, digits, '-' and"
                  + " '.', a port is a number, and '@', ':' or '/' in the user or password must"
                  + " be percent-encoded (%40, %3A, %2F)");
    }
    int port = uri.getPort();
    if (port != -1 && (port < 1 || port > 65535)) {
      throw new IllegalArgumentException("Database URL port must be from 1 to 65535, not " + port);
    }
    String path = uri.getRawPath();
    String database = path == null || path.length() <= 1 ? "" : decode(path.substring(1));
    if (database.isEmpty() || database.contains("/")) {
      throw new IllegalArgumentException(
          "Database URL names no database: expected " + scheme + "://user@host:port/database");
    }
    String user = rules.defaultUser();
    String password = null;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int split = userInfo.indexOf(':');
      user = decode(split < 0 ? userInfo : userInfo.substring(0, split));
      password = split < 0 ? null : decode(userInfo.substring(split + 1));
    }
    int poolSize = DEFAULT_POOL_SIZE;
    boolean log = false;
    boolean pipelines = rules.defaultPipelining() > 0;
    int pipelining = pipelines ? rules.defaultPipelining() : 1;
    String query = uri.getRawQuery();
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        if (key.equals("pool_size")) {
          poolSize = parsePoolSize(value);
        } else if (key.equals(LOG_STATEMENTS)) {
          log = parseBoolean(key, value);
        } else if (key.equals("pipelining") && pipelines) {
          pipelining = parsePipelining(value);
        } else if (key.equals("pipelining")) {
          throw new IllegalArgumentException(
              "The database URL parameter \"pipelining\" " + rules.noPipelining());
        } else {
          throw new IllegalArgumentException(
              "Unknown database URL parameter \""
                  + key
                  + (pipelines
                      ? "\": the known ones are pool_size, pipelining and " + LOG_STATEMENTS
                      : "\": the known ones are pool_size and " + LOG_STATEMENTS));
        }
      }
    }
    return new ConnectionUrl(
        backend, host, port, database, user, password, poolSize, pipelining, log);
  }

  /**
   * Parses {@code scheme:path/to/file[?pool_size=n]}, also {@code scheme:///abs/path}, for a
   * database in a file.
   *
   * @param backend the backend's name
   * @param rest the URL after its scheme and colon
   * @param defaultPoolSize the pool size when the URL names none
   * @return its parts: no host, the path as the database
   * @throws IllegalArgumentException if it is malformed
   */
  public static ConnectionUrl file(String backend, String rest, int defaultPoolSize) {
    String path = rest;
    int poolSize = defaultPoolSize;
    boolean log = false;
    int question = rest.indexOf('?');
    if (question >= 0) {
      path = rest.substring(0, question);
      for (String pair : rest.substring(question + 1).split("&")) {
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        if (key.equals("pool_size")) {
          poolSize = parsePoolSize(value);
        } else if (key.equals(LOG_STATEMENTS)) {
          log = parseBoolean(key, value);
        } else {
          throw new IllegalArgumentException(
              "Unknown database URL parameter \""
                  + key
                  + "\": the known ones are pool_size and "
                  + LOG_STATEMENTS);
        }
      }
    }
    if (path.startsWith("//")) {
      path = path.substring(2);
    }
    return new ConnectionUrl(backend, "", -1, path, "", null, poolSize, 1, log);
  }

  /** The parameter that turns on the statement log. */
  static final String LOG_STATEMENTS = "log_statements";

  private static boolean parseBoolean(String key, String value) {
    return switch (value) {
      case "true", "1", "" -> true;
      case "false", "0" -> false;
      default ->
          throw new IllegalArgumentException(key + " must be true or false, not \"" + value + "\"");
    };
  }

  private static int parsePoolSize(String value) {
    try {
      int size = Integer.parseInt(value);
      if (size >= 1 && size <= 1024) {
        return size;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "pool_size must be a whole number from 1 to 1024, not \"" + value + "\"");
  }

  private static int parsePipelining(String value) {
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= 256) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "pipelining must be a whole number from 1 (no pipelining) to 256, not \"" + value + "\"");
  }

  private static String decode(String part) {
    return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    if (host.isEmpty()) {
      return backend + ":" + database; // a file
    }
    return backend
        + "://"
        + user
        + (password != null ? ":***" : "")
        + "@"
        + host
        + (port >= 0 ? ":" + port : "")
        + "/"
        + database;
  }
}
