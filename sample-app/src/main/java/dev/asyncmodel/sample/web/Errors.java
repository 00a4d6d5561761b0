package dev.asyncmodel.sample.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Error messages by field, collected while checking one request. They are reported with the
 * request-wide ones first, then the model's fields in the model's order, then any other member in
 * the order found.
 */
final class Errors {
  /** The key of errors about the request as a whole, Django's {@code NON_FIELD_ERRORS}. */
  static final String ALL = "__all__";

  private final List<String> order;
  private final Map<String, List<String>> byField = new LinkedHashMap<>();

  /**
   * @param order the fields to report first, in this order
   */
  Errors(List<String> order) {
    this.order = order;
  }

  void add(String field, String message) {
    byField.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
  }

  boolean has(String field) {
    return byField.containsKey(field);
  }

  List<String> messages(String field) {
    return byField.getOrDefault(field, List.of());
  }

  boolean isEmpty() {
    return byField.isEmpty();
  }

  /**
   * @throws HttpError a 400 with every message, when there is any
   */
  void throwIfAny() {
    if (byField.isEmpty()) {
      return;
    }
    Map<String, List<String>> sorted = new LinkedHashMap<>();
    if (byField.containsKey(ALL)) {
      sorted.put(ALL, byField.get(ALL));
    }
    for (String field : order) {
      if (byField.containsKey(field)) {
        sorted.put(field, byField.get(field));
      }
    }
    byField.forEach(sorted::putIfAbsent);
    throw HttpError.badRequest(sorted);
  }
}
