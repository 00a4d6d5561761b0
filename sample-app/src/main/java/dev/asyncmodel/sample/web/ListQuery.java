package dev.asyncmodel.sample.web;

import io.vertx.core.MultiMap;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The query parameters of {@code GET /api/transactions}, checked: an unknown or repeated parameter,
 * an amount that is not one, an offset that is not a whole number from 0 up, or a year or month
 * that is not a whole number in its range is a 400 naming it. An empty parameter ({@code
 * ?category=}) is the same as none, as in an HTML form.
 *
 * @param category only this category (exact match), or all
 * @param minAmount only amounts from this one up, or all
 * @param maxAmount only amounts up to this one, or all
 * @param search only descriptions containing this text, in any case, or all
 * @param offset how many of the newest to skip
 * @param year only transactions created in this year (UTC), 1 to 9999, or all
 * @param month only transactions created in this month (UTC) of any year, or of {@code year}, 1 to
 *     12, or all
 */
record ListQuery(
    @Nullable String category,
    @Nullable BigDecimal minAmount,
    @Nullable BigDecimal maxAmount,
    @Nullable String search,
    int offset,
    @Nullable Integer year,
    @Nullable Integer month) {

  static final List<String> PARAMETERS =
      List.of("category", "min_amount", "max_amount", "search", "offset", "year", "month");

  /** A whole number: ASCII digits, with an optional sign. */
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

  /**
   * @param params the request's query parameters
   * @return the query
   * @throws HttpError 400 naming each bad parameter
   */
  static ListQuery parse(MultiMap params) {
    Errors errors = new Errors(PARAMETERS);
    for (String name : params.names()) {
      if (!PARAMETERS.contains(name)) {
        errors.add(name, "Unknown query parameter: use " + String.join(", ", PARAMETERS) + ".");
      } else if (params.getAll(name).size() > 1) {
        errors.add(name, "This parameter appears more than once.");
      }
    }
    String category = text(params, "category", errors);
    String search = text(params, "search", errors);
    BigDecimal min = amount(params, "min_amount", errors);
    BigDecimal max = amount(params, "max_amount", errors);
    int offset = 0;
    String offsetText = params.get("offset");
    if (offsetText != null && !offsetText.isEmpty() && !errors.has("offset")) {
      try {
        offset = Integer.parseInt(offsetText.strip());
        if (offset < 0) {
          errors.add("offset", "Ensure this value is greater than or equal to 0.");
        }
      } catch (NumberFormatException e) {
        errors.add("offset", "A valid integer from 0 to " + Integer.MAX_VALUE + " is required.");
      }
    }
    Integer year = integer(params, "year", 1, 9999, errors);
    Integer month = integer(params, "month", 1, 12, errors);
    errors.throwIfAny();
    return new ListQuery(category, min, max, search, offset, year, month);
  }

  private static @Nullable String text(MultiMap params, String name, Errors errors) {
    String value = params.get(name);
    return value == null || value.isEmpty() || errors.has(name)
        ? null
        : Fields.checkedText(value, name, errors);
  }

  /**
   * An amount to compare with: a decimal that fits the {@code amount} column, checked by the
   * generated validation like a stored amount.
   */
  private static @Nullable BigDecimal amount(MultiMap params, String name, Errors errors) {
    String text = params.get(name);
    if (text == null || text.isEmpty() || errors.has(name)) {
      return null;
    }
    BigDecimal value = Fields.decimal(text, name, errors);
    return value == null ? null : TransactionInput.asAmount(value, name, errors);
  }

  /**
   * A whole number from {@code min} to {@code max}, whitespace around it ignored; the messages are
   * Django REST framework's {@code IntegerField}'s. A number too long for an {@code int} is out of
   * range, not malformed.
   */
  private static @Nullable Integer integer(
      MultiMap params, String name, int min, int max, Errors errors) {
    String text = params.get(name);
    if (text == null || text.isEmpty() || errors.has(name)) {
      return null;
    }
    String trimmed = text.strip();
    if (!INTEGER.matcher(trimmed).matches()) {
      errors.add(name, "A valid integer is required.");
      return null;
    }
    BigInteger value = new BigInteger(trimmed);
    if (value.compareTo(BigInteger.valueOf(min)) < 0) {
      errors.add(name, "Ensure this value is greater than or equal to " + min + ".");
      return null;
    }
    if (value.compareTo(BigInteger.valueOf(max)) > 0) {
      errors.add(name, "Ensure this value is less than or equal to " + max + ".");
      return null;
    }
    return value.intValueExact();
  }
}
