package dev.asyncmodel.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The environment variables, and the database URL as logged. */
class ConfigTest {
  @Test
  void defaultsAreSqliteInTheWorkingDirectoryOnPort8080() {
    Config config = Config.fromEnv(Map.of());
    assertEquals(
        new Config("0.0.0.0", 8080, "sqlite:asyncmodel-sample.db", 1_000_000, 1024), config);
    assertEquals(config, Config.fromEnv(Map.of("PORT", " ", "DATABASE_URL", "")), "blank is unset");
  }

  @Test
  void readsEveryVariable() {
    Config config =
        Config.fromEnv(
            Map.of(
                "HOST", "127.0.0.1",
                "PORT", "9000",
                "DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test",
                "PBKDF2_ITERATIONS", "1000",
                "AUTH_CACHE_SIZE", "0"));
    assertEquals(
        new Config("127.0.0.1", 9000, "postgresql://postgres@127.0.0.1:5432/test", 1000, 0),
        config);
  }

  @Test
  void refusesBadNumbersNamingTheVariable() {
    for (Map<String, String> env :
        List.of(
            Map.of("PORT", "http"),
            Map.of("PORT", "70000"),
            Map.of("PBKDF2_ITERATIONS", "0"),
            Map.of("AUTH_CACHE_SIZE", "-1"))) {
      String name = env.keySet().iterator().next();
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Config.fromEnv(env));
      assertTrue(e.getMessage().startsWith(name), e.getMessage());
    }
  }

  @Test
  void theLoggedUrlNeverHasThePassword() {
    assertEquals(
        "postgresql://app:***@db.example:5432/app?pool_size=4",
        Config.redact("postgresql://app:s3cr%40et@db.example:5432/app?pool_size=4"));
    assertEquals(
        "mysql://root:***@127.0.0.1:3306/test",
        Config.redact("mysql://root:pw@127.0.0.1:3306/test"));
    assertEquals(
        "postgresql://postgres@127.0.0.1:5432/test",
        Config.redact("postgresql://postgres@127.0.0.1:5432/test"));
    assertEquals("sqlite:asyncmodel-sample.db", Config.redact("sqlite:asyncmodel-sample.db"));
    Config config = new Config("0.0.0.0", 8080, "postgresql://u:topsecret@h/d", 1, 1);
    assertFalse(config.toString().contains("topsecret"), config.toString());
    assertFalse(config.databaseForLog().contains("topsecret"));
  }
}
