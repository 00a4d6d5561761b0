package dev.asyncmodel;

/**
 * What deleting a referenced row does to the rows that reference it, as Django's {@code on_delete}.
 * asyncmodel applies it itself when {@code adelete} runs, like Django, so it holds on a database
 * whose foreign keys have no {@code ON DELETE} clause.
 */
public enum OnDelete {
  /** Delete the referencing rows too (and theirs, recursively). Django's {@code CASCADE}. */
  CASCADE,
  /**
   * Refuse: the delete fails with {@link ProtectedException} and deletes nothing. Django's {@code
   * PROTECT}.
   */
  PROTECT,
  /** Set the referencing column to NULL; the component must be {@code @Nullable}. */
  SET_NULL,
  /** Do nothing; the database's own constraint decides. Django's {@code DO_NOTHING}. */
  DO_NOTHING,
  /**
   * Not a choice: what {@link ForeignKey#onDelete()} is when it is left out, so that the processor
   * can report the missing rule ({@code [asyncmodel.MissingOnDelete]}) instead of javac's "missing
   * a default value". The processor refuses it, given or left out, so no model ever has it.
   */
  UNSET
}
