package dev.asyncmodel;

import dev.asyncmodel.JsonLookup.Kind;
import dev.asyncmodel.JsonLookup.Op;
import dev.asyncmodel.internal.Expr;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A path into a JSON column, Django's key and index transforms: {@code
 * DATA.key("owner").key("name")} is {@code data__owner__name}, {@code DATA.key("items").index(0)}
 * is {@code data__items__0}. Keys and indexes are bound as values (or as a bound JSON path), never
 * written into the SQL.
 *
 * <p>Its lookups compare the value found there as JSON, as Django does: {@code eq(1L)} matches the
 * number 1 and not the text "1". {@link #isJsonNull()} matches a key that holds JSON {@code null};
 * {@code isNull(true)} a key that is missing. Under {@code exclude} and {@code not()}, a row whose
 * value lacks the key matches neither a lookup nor its negation, as in Django (SQL's unknown).
 *
 * @param <T> the model
 */
public final class JsonPath<T extends Record> {
  private final JsonField<T, ?> field;
  private final List<Object> steps;

  JsonPath(JsonField<T, ?> field, List<Object> steps) {
    this.field = field;
    this.steps = steps;
  }

  static String checkKey(String key) {
    return Objects.requireNonNull(key, "a JSON key must not be null");
  }

  static Integer checkIndex(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("A JSON array index is 0 or more, not " + index);
    }
    return index;
  }

  private JsonPath<T> then(Object step) {
    List<Object> longer = new ArrayList<>(steps.size() + 1);
    longer.addAll(steps);
    longer.add(step);
    return new JsonPath<>(field, List.copyOf(longer));
  }

  /**
   * @param key a key of the object found here
   * @return the path to its value
   */
  public JsonPath<T> key(String key) {
    return then(checkKey(key));
  }

  /**
   * @param index a position in the array found here, from 0
   * @return the path to the element
   */
  public JsonPath<T> index(int index) {
    return then(checkIndex(index));
  }

  private JsonLookup<T> lookup(Op op, Kind kind, @Nullable Object value) {
    return new JsonLookup<>(field, steps, op, kind, value, List.of());
  }

  private static <V> V value(Op op, @Nullable V value) {
    return Objects.requireNonNull(value, () -> op.djangoName() + " needs a value, not null");
  }

  private static Double number(Op op, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(op.djangoName() + ": JSON has no " + value);
    }
    return value;
  }

  /**
   * @param value a text
   * @return the value here is that JSON string
   */
  public Condition<T> eq(String value) {
    return lookup(Op.EQ, Kind.STRING, value(Op.EQ, value));
  }

  /**
   * @param value an integer
   * @return the value here is that JSON number
   */
  public Condition<T> eq(long value) {
    return lookup(Op.EQ, Kind.NUMBER, value);
  }

  /**
   * @param value a number
   * @return the value here is that JSON number
   */
  public Condition<T> eq(double value) {
    return lookup(Op.EQ, Kind.NUMBER, number(Op.EQ, value));
  }

  /**
   * @param value a number
   * @return the value here is that JSON number
   */
  public Condition<T> eq(BigDecimal value) {
    return lookup(Op.EQ, Kind.NUMBER, value(Op.EQ, value));
  }

  /**
   * @param value true or false
   * @return the value here is that JSON boolean
   */
  public Condition<T> eq(boolean value) {
    return lookup(Op.EQ, Kind.BOOLEAN, value);
  }

  /**
   * @param value an object
   * @return the value here is that object, compared as JSON
   */
  public Condition<T> eq(JsonObject value) {
    return lookup(Op.EQ, Kind.STRUCTURE, value(Op.EQ, value));
  }

  /**
   * @param value an array
   * @return the value here is that array, compared as JSON
   */
  public Condition<T> eq(JsonArray value) {
    return lookup(Op.EQ, Kind.STRUCTURE, value(Op.EQ, value));
  }

  /**
   * Django's {@code data__key=None} on a key transform: the key is there and holds JSON {@code
   * null}. (A missing key is {@code isNull(true)}.)
   *
   * @return the condition
   */
  public Condition<T> isJsonNull() {
    return lookup(Op.EQ, Kind.NULL, null);
  }

  /**
   * Django's {@code isnull} on a key transform: {@code isNull(true)} when the path leads nowhere
   * (the key is missing, or the column is NULL), {@code isNull(false)} when it leads to a value,
   * JSON {@code null} included ({@code has_key}).
   *
   * @param isNull whether the key is missing
   * @return the condition
   */
  public Condition<T> isNull(boolean isNull) {
    return lookup(isNull ? Op.IS_NULL : Op.NOT_NULL, Kind.NONE, null);
  }

  /**
   * @param value the bound
   * @return the value here is a number greater than {@code value}
   */
  public Condition<T> gt(long value) {
    return lookup(Op.GT, Kind.NUMBER, value);
  }

  /**
   * @param value the bound
   * @return the value here is a number greater than {@code value}
   */
  public Condition<T> gt(double value) {
    return lookup(Op.GT, Kind.NUMBER, number(Op.GT, value));
  }

  /**
   * @param value the bound
   * @return the value here is a number greater than {@code value}
   */
  public Condition<T> gt(BigDecimal value) {
    return lookup(Op.GT, Kind.NUMBER, value(Op.GT, value));
  }

  /**
   * @param value the bound
   * @return the value here is a string after {@code value}
   */
  public Condition<T> gt(String value) {
    return lookup(Op.GT, Kind.STRING, value(Op.GT, value));
  }

  /**
   * @param value the bound
   * @return the value here is a number at least {@code value}
   */
  public Condition<T> gte(long value) {
    return lookup(Op.GTE, Kind.NUMBER, value);
  }

  /**
   * @param value the bound
   * @return the value here is a number at least {@code value}
   */
  public Condition<T> gte(double value) {
    return lookup(Op.GTE, Kind.NUMBER, number(Op.GTE, value));
  }

  /**
   * @param value the bound
   * @return the value here is a number at least {@code value}
   */
  public Condition<T> gte(BigDecimal value) {
    return lookup(Op.GTE, Kind.NUMBER, value(Op.GTE, value));
  }

  /**
   * @param value the bound
   * @return the value here is a string equal to or after {@code value}
   */
  public Condition<T> gte(String value) {
    return lookup(Op.GTE, Kind.STRING, value(Op.GTE, value));
  }

  /**
   * @param value the bound
   * @return the value here is a number less than {@code value}
   */
  public Condition<T> lt(long value) {
    return lookup(Op.LT, Kind.NUMBER, value);
  }

  /**
   * @param value the bound
   * @return the value here is a number less than {@code value}
   */
  public Condition<T> lt(double value) {
    return lookup(Op.LT, Kind.NUMBER, number(Op.LT, value));
  }

  /**
   * @param value the bound
   * @return the value here is a number less than {@code value}
   */
  public Condition<T> lt(BigDecimal value) {
    return lookup(Op.LT, Kind.NUMBER, value(Op.LT, value));
  }

  /**
   * @param value the bound
   * @return the value here is a string before {@code value}
   */
  public Condition<T> lt(String value) {
    return lookup(Op.LT, Kind.STRING, value(Op.LT, value));
  }

  /**
   * @param value the bound
   * @return the value here is a number at most {@code value}
   */
  public Condition<T> lte(long value) {
    return lookup(Op.LTE, Kind.NUMBER, value);
  }

  /**
   * @param value the bound
   * @return the value here is a number at most {@code value}
   */
  public Condition<T> lte(double value) {
    return lookup(Op.LTE, Kind.NUMBER, number(Op.LTE, value));
  }

  /**
   * @param value the bound
   * @return the value here is a number at most {@code value}
   */
  public Condition<T> lte(BigDecimal value) {
    return lookup(Op.LTE, Kind.NUMBER, value(Op.LTE, value));
  }

  /**
   * @param value the bound
   * @return the value here is a string equal to or before {@code value}
   */
  public Condition<T> lte(String value) {
    return lookup(Op.LTE, Kind.STRING, value(Op.LTE, value));
  }

  /**
   * Django's {@code has_key} on a key transform: {@code data__owner__has_key="name"}.
   *
   * @param key the key
   * @return whether the object here has it
   */
  public Condition<T> hasKey(String key) {
    return keys(field, steps, Op.HAS_KEY, key);
  }

  /**
   * @param keys one key or more
   * @return whether the object here has every key
   */
  public Condition<T> hasKeys(String... keys) {
    return keys(field, steps, Op.HAS_KEYS, keys);
  }

  /**
   * @param keys one key or more
   * @return whether the object here has one of them at least
   */
  public Condition<T> hasAnyKeys(String... keys) {
    return keys(field, steps, Op.HAS_ANY_KEYS, keys);
  }

  static <T extends Record> Condition<T> keys(
      JsonField<T, ?> field, List<Object> steps, Op op, String... keys) {
    if (keys.length == 0) {
      throw new IllegalArgumentException(op.djangoName() + " needs one key at least");
    }
    List<String> list = new ArrayList<>(keys.length);
    for (String key : keys) {
      list.add(checkKey(key));
    }
    return new JsonLookup<>(field, steps, op, Kind.NONE, null, List.copyOf(list));
  }

  /**
   * Django's {@code contains} on a key transform; PostgreSQL and MySQL only, as {@link
   * JsonField#contains}.
   *
   * @param value the object contained
   * @return the condition
   */
  public Condition<T> contains(JsonObject value) {
    return lookup(Op.CONTAINS, Kind.STRUCTURE, value(Op.CONTAINS, value));
  }

  /**
   * @param value the array contained
   * @return the condition; PostgreSQL and MySQL only
   */
  public Condition<T> contains(JsonArray value) {
    return lookup(Op.CONTAINS, Kind.STRUCTURE, value(Op.CONTAINS, value));
  }

  /**
   * @param value the object that contains
   * @return the condition; PostgreSQL and MySQL only
   */
  public Condition<T> containedBy(JsonObject value) {
    return lookup(Op.CONTAINED_BY, Kind.STRUCTURE, value(Op.CONTAINED_BY, value));
  }

  /**
   * @param value the array that contains
   * @return the condition; PostgreSQL and MySQL only
   */
  public Condition<T> containedBy(JsonArray value) {
    return lookup(Op.CONTAINED_BY, Kind.STRUCTURE, value(Op.CONTAINED_BY, value));
  }

  /**
   * Django's {@code KT("data__owner__name")}: the value here as text, a string without its quotes,
   * a number or boolean as JSON writes it, NULL for JSON null or a missing key. It filters with the
   * text lookups, orders ({@code asText().asc()}) and is selected by {@code values}.
   *
   * @return the text
   */
  public TextExpression<T> asText() {
    return new Computed.TextNode<>(Expr.json(Expr.JsonCast.TEXT, field.expr(), steps));
  }

  /**
   * Django's {@code Cast(KT("data__size"), FloatField())}: the number here, to compare, order and
   * aggregate as a number; NULL for a missing key.
   *
   * @return the number
   */
  public FloatExpression<T, Double> asDouble() {
    return new Computed.FloatNode<>(Expr.json(Expr.JsonCast.DOUBLE, field.expr(), steps));
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(field.name());
    for (Object step : steps) {
      out.append("__").append(step);
    }
    return out.toString();
  }
}
