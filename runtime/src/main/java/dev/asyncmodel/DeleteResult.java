package dev.asyncmodel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code adelete} completes with: Django's {@code (count, {"app.Model": n})}, cascades
 * included.
 *
 * @param count the number of rows deleted, over every model
 * @param perModel rows deleted per model, keyed by the model's simple name ({@code "Transaction"}),
 *     with an entry only for models that lost rows
 */
public record DeleteResult(long count, Map<String, Long> perModel) {
  /** Copies the map, keeping its order, so that a result never changes. */
  public DeleteResult {
    perModel =
        perModel.size() <= 1
            ? Map.copyOf(perModel)
            : Collections.unmodifiableMap(new LinkedHashMap<>(perModel));
  }
}
