package dev.asyncmodel.internal;

import dev.asyncmodel.internal.mysql.MysqlBackend;
import dev.asyncmodel.internal.postgresql.PostgresBackend;
import dev.asyncmodel.internal.sqlite.SqliteBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The backends, by URL scheme: the one place that lists them. */
public final class Backends {
  private Backends() {}

  private static final List<Backend> ALL =
      List.of(PostgresBackend.INSTANCE, MysqlBackend.INSTANCE, SqliteBackend.INSTANCE);

  /**
   * @param scheme a URL scheme, in any case
   * @return the backend that answers to it, or null
   */
  public static @Nullable Backend forScheme(String scheme) {
    String lower = scheme.toLowerCase(Locale.ROOT);
    for (Backend backend : ALL) {
      if (backend.schemes().contains(lower)) {
        return backend;
      }
    }
    return null;
  }

  /**
   * @return the URL prefixes of every backend, for a message: {@code postgresql://, mysql:// or
   *     sqlite:}
   */
  static String prefixes() {
    List<String> prefixes = new ArrayList<>();
    for (Backend backend : ALL) {
      prefixes.add(backend.urlPrefix());
    }
    return String.join(", ", prefixes.subList(0, prefixes.size() - 1))
        + " or "
        + prefixes.get(prefixes.size() - 1);
  }
}
