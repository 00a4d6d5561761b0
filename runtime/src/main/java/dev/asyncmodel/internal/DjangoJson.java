package dev.asyncmodel.internal;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * JSON text as Django's {@code JSONField} writes it on the databases that store text (SQLite,
 * MariaDB): Python's {@code json.dumps} with its defaults, that is {@code ", "} and {@code ": "} as
 * separators, every character outside printable ASCII escaped as &#92;u00fc ({@code ensure_ascii}),
 * floats as Python's {@code repr} writes them ({@code 1e+16}, {@code 0.0001}). Reading takes any
 * valid JSON text, in Vert.x's types.
 */
public final class DjangoJson {
  private DjangoJson() {}

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /**
   * @param value a {@link JsonObject}, {@link JsonArray}, map, list, text, number, boolean or null;
   *     an {@link Instant}, bytes or an enum as Vert.x's JSON writes them
   * @return its JSON text, as {@code json.dumps} writes it
   * @throws IllegalArgumentException for a value JSON has no form for (NaN, an unknown class)
   */
  public static String dumps(@Nullable Object value) {
    StringBuilder out = new StringBuilder(64);
    write(out, value);
    return out.toString();
  }

  /**
   * @param text JSON text
   * @return its value: a {@link JsonObject}, {@link JsonArray}, {@code String}, {@code Number}
   *     ({@code Integer}, {@code Long} or {@code BigInteger} for an integer, {@code Double} for a
   *     fraction or an exponent), {@code Boolean}, or {@code null} for JSON null
   */
  public static @Nullable Object loads(String text) {
    Object value = Json.decodeValue(text);
    return normalize(value);
  }

  /**
   * @param value a value as a driver returned it
   * @return it with maps and lists as {@link JsonObject} and {@link JsonArray}, and the driver's
   *     JSON null as {@code null}
   */
  @SuppressWarnings("unchecked") // JSON objects have text keys
  public static @Nullable Object normalize(@Nullable Object value) {
    if (value == null || value == Tuple.JSON_NULL) {
      return null;
    }
    if (value instanceof Map<?, ?> map) {
      return new JsonObject((Map<String, Object>) map);
    }
    if (value instanceof List<?> list) {
      return new JsonArray(list);
    }
    return value;
  }

  private static void write(StringBuilder out, @Nullable Object value) {
    if (value == null || value == Tuple.JSON_NULL) {
      out.append("null");
    } else if (value instanceof CharSequence text) {
      string(out, text);
    } else if (value instanceof Boolean b) {
      out.append(b ? "true" : "false");
    } else if (value instanceof Double || value instanceof Float) {
      out.append(
          pythonFloat(
              value instanceof Float f ? Double.parseDouble(f.toString()) : (Double) value));
    } else if (value instanceof BigDecimal d) {
      out.append(d.toString());
    } else if (value instanceof Number n) {
      out.append(
          n instanceof BigInteger
                  || n instanceof Long
                  || n instanceof Integer
                  || n instanceof Short
                  || n instanceof Byte
              ? n.toString()
              : pythonFloat(n.doubleValue()));
    } else if (value instanceof JsonObject object) {
      object(out, object.getMap());
    } else if (value instanceof Map<?, ?> map) {
      object(out, map);
    } else if (value instanceof JsonArray array) {
      array(out, array.getList());
    } else if (value instanceof List<?> list) {
      array(out, list);
    } else if (value instanceof Instant instant) {
      string(out, DateTimeFormatter.ISO_INSTANT.format(instant));
    } else if (value instanceof byte[] bytes) {
      string(out, Base64.getEncoder().encodeToString(bytes));
    } else if (value instanceof Buffer buffer) {
      string(out, Base64.getEncoder().encodeToString(buffer.getBytes()));
    } else if (value instanceof Enum<?> e) {
      string(out, e.name());
    } else {
      throw new IllegalArgumentException(
          "A " + value.getClass().getName() + " has no JSON form: " + value);
    }
  }

  private static void object(StringBuilder out, Map<?, ?> map) {
    out.append('{');
    Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<?, ?> entry = entries.next();
      string(out, String.valueOf(entry.getKey()));
      out.append(": ");
      write(out, entry.getValue());
      if (entries.hasNext()) {
        out.append(", ");
      }
    }
    out.append('}');
  }

  private static void array(StringBuilder out, List<?> list) {
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      write(out, list.get(i));
    }
    out.append(']');
  }

  /**
   * A JSON string as {@code json.dumps} writes it: {@code \"}, {@code \\}, {@code \n}, {@code \r},
   * {@code \t}, {@code \b}, {@code \f}, and &#92;u00XX for every other character that is not
   * printable ASCII (a character outside the BMP as its two surrogates, as Python does).
   *
   * @param out where to write
   * @param text the text
   */
  public static void string(StringBuilder out, CharSequence text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c >= ' ' && c <= '~') {
            out.append(c);
          } else {
            out.append("\\u")
                .append(HEX[(c >> 12) & 0xf])
                .append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * Python's {@code repr} of a float: the shortest digits that read back as the same double, in
   * positional form when the decimal exponent is from -4 to 15 ({@code 0.0001}, {@code 100.0}),
   * else in scientific form with a signed exponent of at least two digits ({@code 1e-05}, {@code
   * 1.5e+16}).
   */
  static String pythonFloat(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException(d + " has no JSON form");
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0.0" : "0.0";
    }
    BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = exact.unscaledValue().toString();
    int point = digits.length() - exact.scale(); // the value is 0.<digits> times 10^point
    StringBuilder out = new StringBuilder(24);
    if (d < 0) {
      out.append('-');
    }
    if (point > -4 && point <= 16) {
      if (point <= 0) {
        out.append("0.").append("0".repeat(-point)).append(digits);
      } else if (point >= digits.length()) {
        out.append(digits).append("0".repeat(point - digits.length())).append(".0");
      } else {
        out.append(digits, 0, point).append('.').append(digits, point, digits.length());
      }
    } else {
      int exponent = point - 1;
      out.append(digits.charAt(0));
      if (digits.length() > 1) {
        out.append('.').append(digits, 1, digits.length());
      }
      out.append('e').append(exponent < 0 ? '-' : '+');
      int magnitude = Math.abs(exponent);
      if (magnitude < 10) {
        out.append('0');
      }
      out.append(magnitude);
    }
    return out.toString();
  }

  /**
   * A MySQL or MariaDB JSON path to a value: {@code $."a"[0]."b"}, each key as {@code json.dumps}
   * writes it, as Django compiles a path. MariaDB matches a key as the stored text spells it, and
   * Django and asyncmodel store every non-ASCII character escaped; MySQL reads the escapes. No key
   * can leave its quotes.
   *
   * @param steps keys ({@code String}) and array indexes ({@code Integer})
   * @return the path
   */
  public static String mysqlPath(List<Object> steps) {
    StringBuilder out = new StringBuilder("$");
    for (Object step : steps) {
      mysqlStep(out, step);
    }
    return out.toString();
  }

  /**
   * @param out a path being written
   * @param step a key ({@code String}) or an array index ({@code Integer})
   */
  public static void mysqlStep(StringBuilder out, Object step) {
    if (step instanceof Integer index) {
      out.append('[').append(index).append(']');
      return;
    }
    out.append('.');
    string(out, (String) step);
  }

  /**
   * A SQLite JSON path: {@code $."a"[0]."b"}. SQLite reads a quoted key up to the next double
   * quote, with no escapes, so a key that holds a double quote cannot be named in a path.
   *
   * @param steps keys ({@code String}) and array indexes ({@code Integer})
   * @return the path
   * @throws IllegalArgumentException for a key with a double quote
   */
  public static String sqlitePath(List<Object> steps) {
    StringBuilder out = new StringBuilder("$");
    for (Object step : steps) {
      sqliteStep(out, step);
    }
    return out.toString();
  }

  /**
   * @param out a path being written
   * @param step a key ({@code String}) or an array index ({@code Integer})
   */
  public static void sqliteStep(StringBuilder out, Object step) {
    if (step instanceof Integer index) {
      out.append('[').append(index).append(']');
      return;
    }
    String key = (String) step;
    if (key.indexOf('"') >= 0) {
      throw new IllegalArgumentException(
          "SQLite's JSON paths cannot name the key "
              + key
              + ": a key with a double quote is out of reach of JSON_EXTRACT on SQLite");
    }
    out.append(".\"").append(key).append('"');
  }
}
