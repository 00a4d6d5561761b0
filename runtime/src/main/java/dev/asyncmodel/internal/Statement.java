package dev.asyncmodel.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A rendered statement with its bound values, encoded for the driver.
 *
 * @param sql the SQL text, from the shape cache
 * @param params the values, in placeholder order
 * @param model the model it is about, for error messages
 */
public record Statement(String sql, List<Object> params, String model) {
  /**
   * The types of bound values, for what people read (the statement log, {@code qs.sql()}): never
   * the values themselves.
   *
   * @param values the values, in placeholder order
   * @return each value's simple class name, {@code null} for a NULL
   */
  public static List<String> typesOf(List<?> values) {
    List<String> types = new ArrayList<>(values.size());
    for (Object value : values) {
      types.add(value == null ? "null" : value.getClass().getSimpleName());
    }
    return List.copyOf(types);
  }
}
