package dev.asyncmodel;

import dev.asyncmodel.spi.ColumnSpec;
import io.vertx.core.json.JsonArray;
import java.util.List;

/**
 * A {@code JsonArray} column: {@link #index} leads into it, Django's {@code tags__0}.
 *
 * @param <T> the model
 */
public final class JsonArrayField<T extends Record> extends JsonField<T, JsonArray> {
  /**
   * For generated code.
   *
   * @param spec the column
   */
  public JsonArrayField(ColumnSpec spec) {
    super(spec);
  }

  /**
   * Django's index transform, {@code tags__0}: an element of the array.
   *
   * @param index the element's position, from 0
   * @return the path to it
   */
  public JsonPath<T> index(int index) {
    return new JsonPath<>(this, List.of(JsonPath.checkIndex(index)));
  }
}
