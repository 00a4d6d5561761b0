package dev.asyncmodel;

import dev.asyncmodel.Lookup.Op;
import dev.asyncmodel.spi.ColumnSpec;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A column compared by equality: booleans, UUIDs, enums, byte arrays, and the base of every ordered
 * type.
 *
 * @param <T> the model
 * @param <V> the component's Java type (boxed)
 */
public non-sealed class ValueField<T extends Record, V> extends Field<T>
    implements Expression<T, V> {
  /**
   * For generated code.
   *
   * @param spec the column
   */
  public ValueField(ColumnSpec spec) {
    super(spec);
  }

  ValueField(Field<?> origin, List<RefField<?, ?>> path) {
    super(origin, path);
  }

  @Override
  ValueField<?, ?> reached(List<RefField<?, ?>> hops) {
    return new ValueField<>(origin(), hops);
  }

  /**
   * Django's {@code exact} lookup; {@code eq(null)} is {@code IS NULL}, as Django's {@code
   * field=None}.
   *
   * @param value the value to match
   * @return the condition
   */
  @Override
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
  @Override
  public final Condition<T> ne(@Nullable V value) {
    return eq(value).not();
  }

  /**
   * Django's {@code in} lookup. An empty collection matches nothing, without an error.
   *
   * @param values the values to match; none of them {@code null}
   * @return the condition
   */
  @Override
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

  /**
   * An assignment of an expression, computed by the database for each row: Django's {@code
   * update(amount=F("amount") + delta)}, rendered {@code SET "amount" = ("amount" + $1)}, so that
   * concurrent updates never lose one another's change. (Named apart from {@link #set}, so that
   * {@code set(null)} stays unambiguous.)
   *
   * <pre>{@code
   * Transactions.objects(db).filter(ID.eq(id)).aupdate(AMOUNT.setTo(AMOUNT.plus(delta)));
   * }</pre>
   *
   * <p>A result that does not fit the column fails the update with a {@link DataException} and
   * changes nothing; a decimal result is rounded to the column's places, as the database rounds.
   *
   * @param expression the new value, an expression of this model and type
   * @return the assignment
   */
  public final Assignment<T> setTo(Expression<T, V> expression) {
    return Assignment.ofExpression(this, Objects.requireNonNull(expression, "expression"));
  }
}
