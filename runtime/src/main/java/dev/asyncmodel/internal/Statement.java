package dev.asyncmodel.internal;

import java.util.List;

/**
 * A rendered statement with its bound values, encoded for the driver.
 *
 * @param sql the SQL text, from the shape cache
 * @param params the values, in placeholder order
 * @param model the model it is about, for error messages
 */
public record Statement(String sql, List<Object> params, String model) {}
