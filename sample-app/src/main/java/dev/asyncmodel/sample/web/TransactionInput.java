package dev.asyncmodel.sample.web;

import static dev.asyncmodel.sample.model.Transactions.AMOUNT;
import static dev.asyncmodel.sample.model.Transactions.CATEGORY;
import static dev.asyncmodel.sample.model.Transactions.DESCRIPTION;

import dev.asyncmodel.Assignment;
import dev.asyncmodel.Ref;
import dev.asyncmodel.sample.model.Transaction;
import dev.asyncmodel.sample.model.Transactions;
import dev.asyncmodel.sample.model.User;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST} and {@code PATCH /api/transactions}: {@code amount}, {@code description}
 * and {@code category}, nothing else. Everything is checked before anything is written, and every
 * problem is reported at once: unknown and missing members and wrong JSON types here, the column
 * rules ({@code @MaxLength}, {@code @Decimal}, NOT NULL) by the generated {@link
 * Transactions#validate}.
 *
 * @param amount the amount, at scale 2, or null when a patch leaves it
 * @param description the description, or null when a patch leaves it
 * @param category the category, or null when a patch leaves it
 */
record TransactionInput(
    @Nullable BigDecimal amount, @Nullable String description, @Nullable String category) {

  /** The members a client may send, in the order errors are reported. */
  static final List<String> FIELDS = List.of("amount", "description", "category");

  /** The one member of an adjustment's body. */
  static final String DELTA = "delta";

  /** Members of a transaction's JSON that the server sets. */
  private static final Set<String> READ_ONLY = Set.of("id", "user", "created_at");

  /**
   * @param body the request's members
   * @param user the signed-in user
   * @return the transaction to insert
   * @throws HttpError 400 naming each bad member
   */
  static Transaction create(Map<String, JsonBody.Value> body, User user) {
    Errors errors = new Errors(FIELDS);
    for (String field : FIELDS) {
      if (!body.containsKey(field)) {
        errors.add(field, Fields.REQUIRED);
      }
    }
    TransactionInput input = read(body, errors);
    Transaction record =
        new Transaction(
            null, Ref.of(user), input.amount(), input.description(), input.category(), null);
    check(record, Set.copyOf(FIELDS), body, errors);
    return new Transaction(
        null, Ref.of(user), scaled(input.amount()), input.description(), input.category(), null);
  }

  /**
   * @param body the request's members
   * @return the members to change, checked
   * @throws HttpError 400 naming each bad member, or when there is none to change
   */
  static TransactionInput patch(Map<String, JsonBody.Value> body) {
    Errors errors = new Errors(FIELDS);
    Set<String> sent = new LinkedHashSet<>();
    for (String field : FIELDS) {
      if (body.containsKey(field)) {
        sent.add(field);
      }
    }
    if (body.isEmpty()) {
      errors.add(Errors.ALL, "Send at least one of " + String.join(", ", FIELDS) + ".");
    }
    TransactionInput input = read(body, errors);
    // The columns are checked one by one, so the members left out may stand in with any value
    // that fits; only the errors of the members sent are kept.
    Transaction probe =
        new Transaction(
            null,
            Ref.ofId(0),
            sent.contains("amount") ? input.amount() : BigDecimal.ZERO,
            sent.contains("description") ? input.description() : "-",
            sent.contains("category") ? input.category() : "-",
            null);
    check(probe, sent, body, errors);
    return new TransactionInput(scaled(input.amount()), input.description(), input.category());
  }

  /**
   * @return the changes this patch makes, at least one
   */
  List<Assignment<Transaction>> assignments() {
    List<Assignment<Transaction>> changes = new ArrayList<>(3);
    if (amount != null) {
      changes.add(AMOUNT.set(amount));
    }
    if (description != null) {
      changes.add(DESCRIPTION.set(description));
    }
    if (category != null) {
      changes.add(CATEGORY.set(category));
    }
    return changes;
  }

  /**
   * The body of {@code POST /api/transactions/{id}/adjust}: {@code {"delta": "-2.50"}}, a JSON
   * number or decimal string as {@code amount} takes it, under the same rules (at most 2 decimal
   * places, 8 digits before the point), and nothing else.
   *
   * @param body the request's members
   * @return the delta, at scale 2
   * @throws HttpError 400 naming each bad member
   */
  static BigDecimal delta(Map<String, JsonBody.Value> body) {
    Errors errors = new Errors(List.of(DELTA));
    JsonBody.Value sent = body.get(DELTA);
    BigDecimal delta = null;
    if (sent == null) {
      errors.add(DELTA, Fields.REQUIRED);
    } else {
      delta = Fields.decimal(sent, DELTA, errors);
      if (!errors.has(DELTA)) {
        delta = asAmount(delta, DELTA, errors);
      }
    }
    for (String name : body.keySet()) {
      if (!name.equals(DELTA)) {
        errors.add(name, "Unknown field.");
      }
    }
    errors.throwIfAny();
    if (delta == null) {
      throw new IllegalStateException("A delta without a value and without an error");
    }
    return delta.setScale(2, RoundingMode.UNNECESSARY);
  }

  /**
   * A number checked by the {@code amount} column's rules, the generated validation's (NOT NULL,
   * {@code @Decimal(maxDigits = 10, decimalPlaces = 2)}), its errors reported under another name.
   *
   * @param value the number, or null when it was JSON null
   * @param name the member or parameter it came from
   * @param errors where the column's errors go, under {@code name}
   * @return the number, or null when it breaks a rule
   */
  static @Nullable BigDecimal asAmount(@Nullable BigDecimal value, String name, Errors errors) {
    Transaction probe = new Transaction(null, Ref.ofId(0), value, "-", "-", null);
    Errors columnErrors = new Errors(List.of());
    Fields.addAll(Transactions.validate(probe), Set.of("amount"), columnErrors);
    if (columnErrors.isEmpty()) {
      return value;
    }
    for (String message : columnErrors.messages("amount")) {
      errors.add(name, message);
    }
    return null;
  }

  private static void unknown(Map<String, JsonBody.Value> body, Errors errors) {
    for (String name : body.keySet()) {
      if (READ_ONLY.contains(name)) {
        errors.add(name, "This field is read-only.");
      } else if (!FIELDS.contains(name)) {
        errors.add(name, "Unknown field.");
      }
    }
  }

  private static TransactionInput read(Map<String, JsonBody.Value> body, Errors errors) {
    JsonBody.Value amount = body.get("amount");
    JsonBody.Value description = body.get("description");
    JsonBody.Value category = body.get("category");
    return new TransactionInput(
        amount == null ? null : Fields.decimal(amount, "amount", errors),
        description == null ? null : notBlank(description, "description", errors),
        category == null ? null : notBlank(category, "category", errors));
  }

  private static @Nullable String notBlank(JsonBody.Value value, String field, Errors errors) {
    String text = Fields.string(value, field, errors);
    if (text != null && text.isEmpty()) {
      errors.add(field, Fields.BLANK);
      return null;
    }
    return text;
  }

  /**
   * The generated validation of the record, whose values are the body's; then the members that are
   * not the model's; then a 400 with everything found.
   */
  private static void check(
      Transaction record, Set<String> fields, Map<String, JsonBody.Value> body, Errors errors) {
    Fields.addAll(Transactions.validate(record), fields, errors);
    unknown(body, errors);
    errors.throwIfAny();
  }

  /** {@code 12.5} as {@code 12.50}: exact, since validation allowed at most 2 places. */
  private static @Nullable BigDecimal scaled(@Nullable BigDecimal amount) {
    return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY);
  }
}
