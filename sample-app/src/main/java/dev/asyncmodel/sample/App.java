package dev.asyncmodel.sample;

import dev.asyncmodel.Database;
import dev.asyncmodel.sample.model.Transactions;
import dev.asyncmodel.sample.model.Users;
import dev.asyncmodel.sample.web.Api;
import dev.asyncmodel.sample.web.Credentials;
import dev.asyncmodel.sample.web.Passwords;
import dev.asyncmodel.sample.web.VerifiedCredentials;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The sample app: the spec's transaction views as an HTTP JSON service on Vert.x Web and
 * asyncmodel. {@link #main} reads its {@link Config} from the environment; tests {@link #start} it
 * in their own Vert.x.
 *
 * <pre>
 * java -jar sample-app/target/asyncmodel-sample-app.jar
 * PORT=9000 DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test java -jar ...
 * </pre>
 */
public final class App {
  private static final System.Logger LOG = System.getLogger("dev.asyncmodel.sample");

  private final Config config;
  private final Database db;
  private final Credentials credentials;
  private final HttpServer server;
  private Future<Void> stopping;

  private App(Config config, Database db, Credentials credentials, HttpServer server) {
    this.config = config;
    this.db = db;
    this.credentials = credentials;
    this.server = server;
  }

  /**
   * Connects to the database, creates the tables that do not exist yet ({@code auth_user} and
   * {@code transaction}) and starts the HTTP server.
   *
   * @param vertx the Vert.x instance to run on; the app does not close it
   * @param config the configuration
   * @return a Future of the running app; failed, with everything it opened closed again, when the
   *     URL is malformed, the database unreachable or the port taken
   */
  public static Future<App> start(Vertx vertx, Config config) {
    Database db;
    try {
      db = Database.connect(vertx, config.databaseUrl());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new IllegalArgumentException("DATABASE_URL: " + e.getMessage()));
    }
    Credentials credentials =
        new Credentials(
            vertx,
            new Passwords(config.pbkdf2Iterations()),
            new VerifiedCredentials(config.authCacheSize()),
            Math.max(1, Runtime.getRuntime().availableProcessors()));
    return db.createTables(Users.model(), Transactions.model())
        .compose(
            created ->
                vertx
                    .createHttpServer(new HttpServerOptions().setHost(config.host()))
                    .requestHandler(Api.router(vertx, db, credentials))
                    .invalidRequestHandler(Api::invalidRequest)
                    .listen(config.port(), config.host()))
        .map(server -> new App(config, db, credentials, server))
        .recover(
            failure ->
                credentials
                    .close()
                    .transform(closed -> db.close())
                    .transform(closed -> Future.<App>failedFuture(failure)));
  }

  /**
   * @return the port the server listens on
   */
  public int port() {
    return server.actualPort();
  }

  /**
   * @return the database the app uses
   */
  public Database database() {
    return db;
  }

  /**
   * @return the configuration it runs with
   */
  public Config config() {
    return config;
  }

  /**
   * Stops the server (requests in flight get up to 5 seconds to finish), then closes the PBKDF2
   * workers and the database. Vert.x stays open: whoever made it closes it.
   *
   * @return a Future completed when everything is closed
   */
  public synchronized Future<Void> stop() {
    if (stopping == null) {
      stopping =
          server
              .shutdown(5, TimeUnit.SECONDS)
              .transform(stopped -> credentials.close())
              .transform(closed -> db.close());
    }
    return stopping;
  }

  /**
   * Runs the app until the JVM is stopped (Ctrl-C): see {@link Config} for the environment
   * variables.
   *
   * @param args none
   */
  public static void main(String[] args) {
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty(
          "java.util.logging.SimpleFormatter.format", "%1$tF %1$tT.%1$tL %4$s %5$s%6$s%n");
    }
    Config config;
    try {
      config = Config.fromEnv(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("asyncmodel sample app: " + e.getMessage());
      System.exit(2);
      return;
    }
    Vertx vertx = Vertx.vertx();
    App app;
    try {
      app = start(vertx, config).await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.log(
          Level.ERROR,
          "asyncmodel sample app could not start with " + config.databaseForLog() + ": " + e);
      vertx.close();
      System.exit(1);
      return;
    }
    LOG.log(
        Level.INFO,
        "asyncmodel sample app listening on http://"
            + config.host()
            + ":"
            + app.port()
            + ", database "
            + describe(config));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    app.stop().await(10, TimeUnit.SECONDS);
                    // From this thread, not from a callback: Vert.x cannot call back on an event
                    // loop it has just stopped.
                    vertx.close().await(10, TimeUnit.SECONDS);
                    System.err.println("asyncmodel sample app stopped");
                  } catch (Exception e) {
                    System.err.println("asyncmodel sample app: stopping failed: " + e);
                  }
                },
                "asyncmodel-sample-shutdown"));
  }

  /** The database for the log line: a SQLite file with its full path, a server without password. */
  private static String describe(Config config) {
    String url = config.databaseForLog();
    if (url.startsWith("sqlite:") && !url.startsWith("sqlite::memory:")) {
      String file = url.substring("sqlite:".length()).replaceFirst("^//", "");
      int query = file.indexOf('?');
      if (query >= 0) {
        file = file.substring(0, query);
      }
      return url + " (" + Path.of(file).toAbsolutePath().normalize() + ")";
    }
    return url;
  }
}
