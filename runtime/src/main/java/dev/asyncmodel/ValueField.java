package dev.asyncmodel;

import dev.asyncmodel.Lookup.Op;
import dev.asyncmodel.spi.ColumnSpec;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * A column compared by equality: booleans, UUIDs, enums, byte arrays, and the base of every ordered
 * type.
 *
 * @param <T> the model
 * @param <V> the component's Java type (boxed)
 */
public class ValueField<T extends Record, V> extends Field<T> {
  /**
   * For generated code.
   *
   * @param spec the column
   */
  public ValueField(ColumnSpec spec) {
    super(spec);
  }

  /**
   * Django's {@code exact} lookup; {@code eq(null)} is {@code IS NULL}, as Django's {@code
   * field=None}.
   *
   * @param value the value to match
   * @return the condition
   */
  public final Condition<T> eq(@Nullable V value) {
    return value == null ? isNull(true) : Lookup.of(this, Op.EQ, value);
  }

  /**
   * Not equal, with Django's {@code exclude} semantics: {@code ne(x)} is {@code eq(x).not()} and
   * keeps rows where the column is NULL.
   *
   * @param value the value not to match
   * @return the condition
   */
  public final Condition<T> ne(@Nullable V value) {
    return eq(value).not();
  }

  /**
   * Django's {@code in} lookup. An empty collection matches nothing, without an error.
   *
   * @param values the values to match; none of them {@code null}
   * @return the condition
   */
  public final Condition<T> in(Collection<? extends V> values) {
    return Lookup.in(this, values);
  }

  /**
   * An assignment for {@code aupdate}: {@code aupdate(CATEGORY.set("rent"))}.
   *
   * @param value the new value; {@code null} only for a nullable column
   * @return the assignment
   */
  public final Assignment<T> set(@Nullable V value) {
    return Assignment.of(this, value);
  }
}
