package dev.asyncmodel;

/**
 * {@code adelete} would delete rows that other rows reference with {@link OnDelete#PROTECT}:
 * nothing was deleted. Django's {@code ProtectedError}.
 */
public final class ProtectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param model the model whose rows were to be deleted
   * @param referencing the model whose rows protect them
   * @param field the protecting foreign key's component name
   */
  public ProtectedException(String model, String referencing, String field) {
    super(
        "Cannot delete some "
            + model
            + " rows because they are referenced through the protected foreign key "
            + referencing
            + "."
            + field
            + ". Nothing was deleted.");
  }
}
