package dev.asyncmodel;

import dev.asyncmodel.spi.ColumnSpec;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A {@code JsonObject} column: {@link #key} leads into it, Django's key transforms, and {@link
 * #hasKey}, {@link #hasKeys} and {@link #hasAnyKeys} test its keys.
 *
 * <pre>{@code
 * Documents.objects(db).filter(DATA.key("size").gt(10L)).orderBy(DATA.key("name").asText().asc())
 * }</pre>
 *
 * @param <T> the model
 */
public final class JsonObjectField<T extends Record> extends JsonField<T, JsonObject> {
  /**
   * For generated code.
   *
   * @param spec the column
   */
  public JsonObjectField(ColumnSpec spec) {
    super(spec);
  }

  /**
   * Django's key transform, {@code data__owner}: the value of a key. The key is bound as a value,
   * never written into the SQL.
   *
   * @param key the key
   * @return the path to its value
   */
  public JsonPath<T> key(String key) {
    return new JsonPath<>(this, List.of(JsonPath.checkKey(key)));
  }

  /**
   * Django's {@code has_key}.
   *
   * @param key the key
   * @return whether the object has it (its value may be JSON null)
   */
  public Condition<T> hasKey(String key) {
    return JsonPath.keys(this, List.of(), JsonLookup.Op.HAS_KEY, key);
  }

  /**
   * Django's {@code has_keys}.
   *
   * @param keys one key or more
   * @return whether the object has every key
   */
  public Condition<T> hasKeys(String... keys) {
    return JsonPath.keys(this, List.of(), JsonLookup.Op.HAS_KEYS, keys);
  }

  /**
   * Django's {@code has_any_keys}.
   *
   * @param keys one key or more
   * @return whether the object has one of them at least
   */
  public Condition<T> hasAnyKeys(String... keys) {
    return JsonPath.keys(this, List.of(), JsonLookup.Op.HAS_ANY_KEYS, keys);
  }
}
