package dev.asyncmodel;

import dev.asyncmodel.internal.Expr.Transform;

/**
 * A text: a {@code String} field, or {@code lower()}/{@code upper()} of one. Django's {@code
 * Length}, {@code Lower} and {@code Upper}.
 *
 * @param <T> the model
 */
public sealed interface TextExpression<T extends Record> extends ComparableExpression<T, String>
    permits StringField, Computed.TextNode {

  /**
   * Django's {@code Length}: in characters, on every database.
   *
   * @return the length; NULL for a NULL text
   */
  default IntegerExpression<T, Integer> length() {
    return Computed.transform(this, Transform.LENGTH);
  }

  /**
   * Django's {@code Lower}.
   *
   * @return the text in lower case
   */
  default TextExpression<T> lower() {
    return new Computed.TextNode<>(Computed.expr(this, Transform.LOWER));
  }

  /**
   * Django's {@code Upper}.
   *
   * @return the text in upper case
   */
  default TextExpression<T> upper() {
    return new Computed.TextNode<>(Computed.expr(this, Transform.UPPER));
  }
}
