package dev.asyncmodel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One field lookup, Django's {@code field__lookup=value}: made by a field constant ({@code
 * TITLE.startsWith("Du")}, {@code AMOUNT.between(lo, hi)}), never directly, so that a lookup always
 * fits its field's type.
 *
 * @param <T> the model
 */
public final class Lookup<T extends Record> extends Condition<T> {
  /** The lookups, each with the number of values it binds. */
  public enum Op {
    /** {@code exact}: one value. */
    EQ,
    /** {@code gt}: one value. */
    GT,
    /** {@code gte}: one value. */
    GTE,
    /** {@code lt}: one value. */
    LT,
    /** {@code lte}: one value. */
    LTE,
    /** {@code in}: any number of values, none of them null. */
    IN,
    /** {@code range}: the two bounds, both included. */
    BETWEEN,
    /** {@code isnull=True}: no value. */
    IS_NULL,
    /** {@code isnull=False}: no value. */
    NOT_NULL,
    /** {@code iexact}: one text. */
    IEQ,
    /** {@code contains}: one text, matched literally. */
    CONTAINS,
    /** {@code icontains}: one text, matched literally, in any case. */
    ICONTAINS,
    /** {@code startswith}: one text. */
    STARTS_WITH,
    /** {@code istartswith}: one text. */
    ISTARTS_WITH,
    /** {@code endswith}: one text. */
    ENDS_WITH,
    /** {@code iendswith}: one text. */
    IENDS_WITH,
    /** {@code regex}: one regular expression, bound as it is. */
    REGEX,
    /** {@code iregex}: one regular expression, matched in any case. */
    IREGEX;

    /**
     * @return whether the lookup is a pattern match ({@code LIKE}), whose text is escaped
     */
    public boolean isPattern() {
      return ordinal() >= CONTAINS.ordinal() && ordinal() <= IENDS_WITH.ordinal();
    }

    /**
     * @return whether the lookup ignores case
     */
    public boolean ignoresCase() {
      return this == IEQ
          || this == ICONTAINS
          || this == ISTARTS_WITH
          || this == IENDS_WITH
          || this == IREGEX;
    }

    /**
     * @return Django's name of the lookup: {@code exact}, {@code range}, {@code isnull}, ...
     */
    public String djangoName() {
      return switch (this) {
        case EQ -> "exact";
        case BETWEEN -> "range";
        case IS_NULL, NOT_NULL -> "isnull";
        case IEQ -> "iexact";
        default -> name().toLowerCase(Locale.ROOT).replace("_", "");
      };
    }
  }

  static final List<Object> NO_VALUES = List.of();

  private final Field<T> field;
  private final Op op;
  private final List<Object> values;

  Lookup(Field<T> field, Op op, List<Object> values) {
    this.field = field;
    this.op = op;
    this.values = values;
  }

  static <T extends Record> Lookup<T> of(Field<T> field, Op op, Object value) {
    if (value == null) {
      throw new NullPointerException(op + " on " + field.name() + " needs a value, not null");
    }
    return new Lookup<>(field, op, List.of(value));
  }

  static <T extends Record> Lookup<T> between(Field<T> field, Object low, Object high) {
    Objects.requireNonNull(low, () -> "between on " + field.name() + " needs a lower bound");
    Objects.requireNonNull(high, () -> "between on " + field.name() + " needs an upper bound");
    return new Lookup<>(field, Op.BETWEEN, List.of(low, high));
  }

  static <T extends Record> Lookup<T> in(Field<T> field, Collection<?> values) {
    List<Object> copy = new ArrayList<>(values.size());
    for (Object value : values) {
      copy.add(Objects.requireNonNull(value, () -> "in on " + field.name() + " got a null value"));
    }
    return new Lookup<>(field, Op.IN, List.copyOf(copy));
  }

  /**
   * @return the field tested
   */
  public Field<T> field() {
    return field;
  }

  /**
   * @return the lookup
   */
  public Op op() {
    return op;
  }

  /**
   * @return the values, as the record holds them (a {@link Ref} for a foreign key): none for {@code
   *     isNull}, two for {@code between}, the list for {@code in}, else one
   */
  public List<Object> values() {
    return values;
  }

  /**
   * @return the lookup as Django writes it: {@code amount__gt=10}, {@code rating__isnull=True},
   *     {@code id__in=[1, 2]}, {@code amount__range=(1, 5)}
   */
  @Override
  public String toString() {
    String lookup = field.name() + "__" + op.djangoName() + "=";
    return switch (op) {
      case IS_NULL -> lookup + "True";
      case NOT_NULL -> lookup + "False";
      case BETWEEN -> lookup + "(" + values.get(0) + ", " + values.get(1) + ")";
      case IN -> lookup + values;
      default -> lookup + values.get(0);
    };
  }
}
