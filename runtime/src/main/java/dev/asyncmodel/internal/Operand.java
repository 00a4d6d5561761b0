package dev.asyncmodel.internal;

/**
 * An operand a dialect places in its SQL for a function or an operator: rendering it writes the
 * operand's text, and its placeholders, into the statement at that point.
 */
@FunctionalInterface
public interface Operand {
  /** Writes the operand into the statement. */
  void render();
}
