package dev.asyncmodel.testfixtures;

import static dev.asyncmodel.testfixtures.Await.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Vertx;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The MySQL or MariaDB database named by {@code MYSQL_URL} ({@code
 * mysql://user[:password]@host:port/database}), from {@link TestDatabases#mysql()}.
 */
public final class MysqlServer implements TestDatabase {
  private final String url;

  private MysqlServer(String url) {
    this.url = url;
  }

  /** Kept apart from {@link TestDatabases} so that only a caller of mysql() needs JUnit. */
  static MysqlServer fromEnvironment() {
    String url = System.getenv("MYSQL_URL");
    assumeTrue(
        url != null && !url.isBlank(),
        "MYSQL_URL is not set (e.g. mysql://root@127.0.0.1:3306/test): the MySQL/MariaDB tests"
            + " are skipped");
    return new MysqlServer(url);
  }

  @Override
  public String name() {
    return "mysql";
  }

  /**
   * @return {@code MYSQL_URL}, as it is
   */
  @Override
  public String url() {
    return url;
  }

  @Override
  public String description() {
    return "the server named by MYSQL_URL";
  }

  /**
   * @return the options of a vertx-mysql-client pool on this database, in {@code utf8mb4}
   */
  public MySQLConnectOptions connectOptions() {
    URI uri = URI.create(url);
    String userInfo = uri.getRawUserInfo() == null ? "root" : uri.getRawUserInfo();
    int colon = userInfo.indexOf(':');
    MySQLConnectOptions options =
        new MySQLConnectOptions()
            .setHost(uri.getHost())
            .setPort(uri.getPort() > 0 ? uri.getPort() : 3306)
            .setDatabase(uri.getPath().substring(1))
            .setUser(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)))
            .setCharset("utf8mb4");
    if (colon >= 0) {
      options.setPassword(decode(userInfo.substring(colon + 1)));
    }
    return options;
  }

  /** Foreign key checks are off while dropping: other tables may reference these. */
  @Override
  public void dropTables(String... tables) {
    String names =
        Arrays.stream(tables)
            .map(t -> "`" + t.replace("`", "``") + "`")
            .collect(Collectors.joining(", "));
    Vertx vertx = Vertx.vertx();
    try {
      Pool pool = MySQLBuilder.pool().connectingTo(connectOptions()).using(vertx).build();
      try {
        SqlConnection connection = await(pool.getConnection());
        try {
          await(connection.query("SET FOREIGN_KEY_CHECKS = 0").execute());
          await(connection.query("DROP TABLE IF EXISTS " + names).execute());
          await(connection.query("SET FOREIGN_KEY_CHECKS = 1").execute());
        } finally {
          await(connection.close());
        }
      } finally {
        await(pool.close());
      }
    } finally {
      await(vertx.close());
    }
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }
}
