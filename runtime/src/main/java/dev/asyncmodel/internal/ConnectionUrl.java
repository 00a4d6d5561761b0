package dev.asyncmodel.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
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
 * @param limits the deadlines and the bound of the wait queue
 * @param options the backend's own parameters ({@code sslmode}, {@code application_name}, ...), by
 *     name, each value checked by the backend's {@link ServerRules}
 * @param openTelemetry whether statements are recorded as OpenTelemetry spans and metrics ({@code
 *     telemetry=opentelemetry})
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
    boolean logStatements,
    Limits limits,
    Map<String, String> options,
    boolean openTelemetry) {
  /** Connections per pool, unless the URL says {@code pool_size}. */
  public static final int DEFAULT_POOL_SIZE = 8;

  /**
   * Requests that may wait for a connection at once, unless the URL says {@code max_waiting}: a
   * burst of 100,000 reads still completes (about 3.4 s on 8 connections here), and what comes on
   * top of that fails fast with {@link dev.asyncmodel.PoolExhaustedException} instead of growing
   * the heap.
   */
  public static final int DEFAULT_MAX_WAITING = 100_000;

  /** How long a request waits for a connection, unless the URL says {@code acquire_timeout}. */
  public static final long DEFAULT_ACQUIRE_TIMEOUT_MILLIS = 30_000;

  /** How long opening a TCP connection may take, unless the URL says {@code connect_timeout}. */
  public static final long DEFAULT_CONNECT_TIMEOUT_MILLIS = 10_000;

  /**
   * The deadlines and bounds a URL sets.
   *
   * @param queryTimeoutMillis the deadline of each statement ({@code query_timeout}), or 0 for none
   * @param connectTimeoutMillis how long opening a connection may take ({@code connect_timeout})
   * @param acquireTimeoutMillis how long a request waits for a pooled connection ({@code
   *     acquire_timeout})
   * @param maxWaiting how many requests may wait for a connection at once ({@code max_waiting})
   * @param slowStatementMillis from how long a statement is logged at WARNING ({@code
   *     log_slow_statements}), or 0 for never
   */
  public record Limits(
      long queryTimeoutMillis,
      long connectTimeoutMillis,
      long acquireTimeoutMillis,
      int maxWaiting,
      long slowStatementMillis) {
    /** The defaults: no query deadline, no slow-statement log. */
    public static final Limits DEFAULTS =
        new Limits(
            0,
            DEFAULT_CONNECT_TIMEOUT_MILLIS,
            DEFAULT_ACQUIRE_TIMEOUT_MILLIS,
            DEFAULT_MAX_WAITING,
            0);
  }

  /**
   * What a server backend's URLs allow.
   *
   * @param defaultUser the user when the URL names none
   * @param defaultPipelining queries in flight per connection by default, or 0 when the backend
   *     does not pipeline
   * @param noPipelining why {@code pipelining} is refused, when the backend does not pipeline
   * @param options the backend's own parameters: each checks its value, and returns it as it is to
   *     be kept, or throws {@link IllegalArgumentException}
   */
  public record ServerRules(
      String defaultUser,
      int defaultPipelining,
      String noPipelining,
      Map<String, UnaryOperator<String>> options) {}

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
    String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
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
    Parameters parameters = new Parameters(true, rules.defaultPipelining());
    String query = uri.getRawQuery();
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        UnaryOperator<String> option = rules.options().get(key);
        if (option != null) {
          parameters.options.put(key, option.apply(value));
        } else if (key.equals("pipelining") && parameters.pipelines) {
          parameters.pipelining = parsePipelining(value);
        } else if (key.equals("pipelining")) {
          throw new IllegalArgumentException(
              "The database URL parameter \"pipelining\" " + rules.noPipelining());
        } else if (!parameters.common(key, value)) {
          List<String> known = new ArrayList<>(COMMON);
          known.addAll(SERVER);
          if (parameters.pipelines) {
            known.add("pipelining");
          }
          known.addAll(rules.options().keySet());
          throw unknown(key, known);
        }
      }
    }
    return new ConnectionUrl(
        backend,
        host,
        port,
        database,
        user,
        password,
        parameters.poolSize,
        parameters.pipelining,
        parameters.log,
        parameters.limits(),
        Map.copyOf(parameters.options),
        parameters.openTelemetry);
  }

  /** The parameter that turns on the statement log. */
  static final String LOG_STATEMENTS = "log_statements";

  /** The parameter that logs statements slower than a threshold. */
  static final String LOG_SLOW_STATEMENTS = "log_slow_statements";

  /** The parameters every backend knows. */
  private static final List<String> COMMON =
      List.of(
          "pool_size",
          "query_timeout",
          "max_waiting",
          "telemetry",
          LOG_STATEMENTS,
          LOG_SLOW_STATEMENTS);

  /** The parameters every server backend knows. */
  private static final List<String> SERVER = List.of("connect_timeout", "acquire_timeout");

  private static IllegalArgumentException unknown(String key, List<String> known) {
    List<String> sorted = new ArrayList<>(known);
    Collections.sort(sorted);
    return new IllegalArgumentException(
        "Unknown database URL parameter \""
            + key
            + "\": the known ones are "
            + String.join(", ", sorted.subList(0, sorted.size() - 1))
            + " and "
            + sorted.get(sorted.size() - 1));
  }

  /** The parameters of one URL, as they are read. */
  private static final class Parameters {
    final boolean server;
    final boolean pipelines;
    int poolSize = DEFAULT_POOL_SIZE;
    int pipelining;
    boolean log;
    long queryTimeout;
    long connectTimeout = DEFAULT_CONNECT_TIMEOUT_MILLIS;
    long acquireTimeout = DEFAULT_ACQUIRE_TIMEOUT_MILLIS;
    int maxWaiting = DEFAULT_MAX_WAITING;
    long slowStatements;
    boolean openTelemetry;
    final Map<String, String> options = new TreeMap<>();

    Parameters(boolean server, int defaultPipelining) {
      this.server = server;
      this.pipelines = defaultPipelining > 0;
      this.pipelining = pipelines ? defaultPipelining : 1;
    }

    /** Reads a parameter every backend knows; false when {@code key} is not one. */
    boolean common(String key, String value) {
      switch (key) {
        case "pool_size" -> poolSize = parsePoolSize(value);
        case LOG_STATEMENTS -> log = parseBoolean(key, value);
        case "query_timeout" -> queryTimeout = parseMillis(key, value, 0);
        case LOG_SLOW_STATEMENTS -> slowStatements = parseMillis(key, value, 0);
        case "telemetry" ->
            openTelemetry =
                oneOf(key, List.of("off", "opentelemetry")).apply(value).equals("opentelemetry");
        case "max_waiting" -> maxWaiting = parseMaxWaiting(value);
        case "connect_timeout", "acquire_timeout" -> {
          if (!server) {
            throw new IllegalArgumentException(
                "The database URL parameter \""
                    + key
                    + "\" applies to server databases only: SQLite opens files, and its statements"
                    + " wait for the one writer (query_timeout and max_waiting bound that)");
          }
          if (key.equals("connect_timeout")) {
            connectTimeout = parseMillis(key, value, 1);
          } else {
            acquireTimeout = parseMillis(key, value, 1);
          }
        }
        default -> {
          return false;
        }
      }
      return true;
    }

    Limits limits() {
      return new Limits(queryTimeout, connectTimeout, acquireTimeout, maxWaiting, slowStatements);
    }
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
    Parameters parameters = new Parameters(false, 0);
    parameters.poolSize = defaultPoolSize;
    int question = rest.indexOf('?');
    if (question >= 0) {
      path = rest.substring(0, question);
      for (String pair : rest.substring(question + 1).split("&")) {
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        if (!parameters.common(key, value)) {
          throw unknown(key, COMMON);
        }
      }
    }
    if (path.startsWith("//")) {
      path = path.substring(2);
    }
    return new ConnectionUrl(
        backend,
        "",
        -1,
        path,
        "",
        null,
        parameters.poolSize,
        1,
        parameters.log,
        parameters.limits(),
        Map.of(),
        parameters.openTelemetry);
  }

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

  private static long parseMillis(String key, String value, long min) {
    try {
      long millis = Long.parseLong(value);
      if (millis >= min && millis <= 86_400_000L) {
        return millis;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        key
            + " is in milliseconds: a whole number from "
            + min
            + (min == 0 ? " (none)" : "")
            + " to 86400000 (a day), not \""
            + value
            + "\"");
  }

  private static int parseMaxWaiting(String value) {
    try {
      int waiting = Integer.parseInt(value);
      if (waiting >= 0) {
        return waiting;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "max_waiting must be a whole number from 0 (fail when no connection is free) to "
            + Integer.MAX_VALUE
            + ", not \""
            + value
            + "\"");
  }

  /**
   * Checks a parameter's value against a fixed set, as the backends' {@code sslmode} is.
   *
   * @param key the parameter
   * @param allowed the values it takes
   * @return the check, which keeps the value in lower case
   */
  public static UnaryOperator<String> oneOf(String key, List<String> allowed) {
    return value -> {
      String lower = value.toLowerCase(Locale.ROOT);
      if (!allowed.contains(lower)) {
        throw new IllegalArgumentException(
            key + " must be one of " + String.join(", ", allowed) + ", not \"" + value + "\"");
      }
      return lower;
    };
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
