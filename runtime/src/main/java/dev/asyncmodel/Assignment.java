package dev.asyncmodel;

import dev.asyncmodel.internal.Expr;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A new value for one column, for {@code aupdate}: made by {@code FIELD.set(value)}, or by {@code
 * FIELD.setTo(expression)} for a value the database computes from the row.
 *
 * @param <T> the model
 */
public final class Assignment<T extends Record> {
  private final Field<T> field;
  private final @Nullable Object value;
  private final @Nullable Expr expression;

  private Assignment(Field<T> field, @Nullable Object value, @Nullable Expr expression) {
    this.field = field;
    this.value = value;
    this.expression = expression;
  }

  static <T extends Record> Assignment<T> of(Field<T> field, @Nullable Object value) {
    Objects.requireNonNull(field, "field");
    if (value == null && !field.spec().nullable()) {
      throw new NullPointerException(
          field.name() + " is NOT NULL: set(null) is allowed only on a @Nullable component");
    }
    return new Assignment<>(field, value, null);
  }

  static <T extends Record> Assignment<T> ofExpression(
      Field<T> field, Expression<T, ?> expression) {
    return new Assignment<>(field, expression, Exprs.of(expression));
  }

  /** The expression assigned, or null for a value. */
  @Nullable Expr expression() {
    return expression;
  }

  /**
   * @return the field assigned
   */
  public Field<T> field() {
    return field;
  }

  /**
   * @return the value, as the record holds it (a {@link Ref} for a foreign key), or the {@link
   *     Expression} of {@link ValueField#setTo}
   */
  public @Nullable Object value() {
    return value;
  }

  @Override
  public String toString() {
    return field.name() + " = " + (expression != null ? expression : value);
  }
}
