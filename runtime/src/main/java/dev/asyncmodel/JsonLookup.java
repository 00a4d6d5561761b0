package dev.asyncmodel;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A lookup on a JSON column, Django's lookups of a {@code JSONField} and of its key transforms:
 * {@code DATA.key("a").eq(1)} ({@code data__a=1}), {@code DATA.hasKey("a")} ({@code
 * data__has_key="a"}), {@code DATA.contains(obj)} ({@code data__contains=obj}). Made by {@link
 * JsonField} and {@link JsonPath}, never directly.
 *
 * @param <T> the model
 */
public final class JsonLookup<T extends Record> extends Condition<T> {
  /** The lookups. */
  public enum Op {
    /** {@code exact}: the value at the path equals a JSON value. */
    EQ,
    /** {@code gt}. */
    GT,
    /** {@code gte}. */
    GTE,
    /** {@code lt}. */
    LT,
    /** {@code lte}. */
    LTE,
    /** {@code isnull=True}: the path leads nowhere (the key is missing). */
    IS_NULL,
    /** {@code isnull=False}: the path leads to a value, JSON null included. */
    NOT_NULL,
    /** {@code has_key}: the object at the path has the key. */
    HAS_KEY,
    /** {@code has_keys}: the object at the path has every key. */
    HAS_KEYS,
    /** {@code has_any_keys}: the object at the path has one of the keys at least. */
    HAS_ANY_KEYS,
    /** {@code contains}: the value at the path contains a JSON value (PostgreSQL, MySQL). */
    CONTAINS,
    /** {@code contained_by}: a JSON value contains the value at the path (PostgreSQL, MySQL). */
    CONTAINED_BY;

    /**
     * @return Django's name of the lookup: {@code exact}, {@code has_key}, ...
     */
    public String djangoName() {
      return switch (this) {
        case EQ -> "exact";
        case IS_NULL, NOT_NULL -> "isnull";
        default -> name().toLowerCase(Locale.ROOT);
      };
    }
  }

  /** What a lookup's value is, which decides how some databases compare it. */
  public enum Kind {
    /** No value: {@code isnull} and the {@code has_key} family. */
    NONE,
    /** JSON {@code null}. */
    NULL,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** A number. */
    NUMBER,
    /** A string. */
    STRING,
    /** An object or an array. */
    STRUCTURE
  }

  private final JsonField<T, ?> field;
  private final List<Object> path;
  private final Op op;
  private final Kind kind;
  private final @Nullable Object value;
  private final List<String> keys;

  JsonLookup(
      JsonField<T, ?> field,
      List<Object> path,
      Op op,
      Kind kind,
      @Nullable Object value,
      List<String> keys) {
    this.field = field;
    this.path = path;
    this.op = op;
    this.kind = kind;
    this.value = value;
    this.keys = keys;
  }

  /**
   * @return the JSON field tested
   */
  public JsonField<T, ?> field() {
    return field;
  }

  /**
   * @return the path into the field's value: keys ({@code String}) and array indexes ({@code
   *     Integer}); empty for a lookup on the whole value
   */
  public List<Object> path() {
    return path;
  }

  /**
   * @return the lookup
   */
  public Op op() {
    return op;
  }

  /**
   * @return what the value is
   */
  public Kind kind() {
    return kind;
  }

  /**
   * @return the value compared with: a {@code String}, {@code Long}, {@code Double}, {@code
   *     BigDecimal}, {@code Boolean}, {@code JsonObject} or {@code JsonArray}; null for JSON null
   *     and for the lookups without a value
   */
  public @Nullable Object value() {
    return value;
  }

  /**
   * @return the keys of {@code has_key}, {@code has_keys} and {@code has_any_keys}; else empty
   */
  public List<String> keys() {
    return keys;
  }

  /**
   * @return the lookup as Django writes it: {@code data__a__0__exact=1}, {@code data__has_keys=[a,
   *     b]}, {@code data__a__isnull=True}
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(field.name());
    for (Object step : path) {
      out.append("__").append(step);
    }
    out.append("__").append(op.djangoName()).append('=');
    switch (op) {
      case IS_NULL -> out.append("True");
      case NOT_NULL -> out.append("False");
      case HAS_KEY -> out.append(keys.get(0));
      case HAS_KEYS, HAS_ANY_KEYS -> out.append(keys);
      default -> out.append(kind == Kind.NULL ? "None" : String.valueOf(value));
    }
    return out.toString();
  }
}
