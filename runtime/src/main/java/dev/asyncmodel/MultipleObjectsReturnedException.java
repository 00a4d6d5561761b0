package dev.asyncmodel;

/**
 * {@code aget} found more than one row: Django's {@code Model.MultipleObjectsReturned}. The message
 * and {@link #model()} name the model.
 */
public final class MultipleObjectsReturnedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String model;

  /**
   * @param model the model's name
   * @param found how many rows matched, or a number past {@code limit} when there were more
   * @param limit how many rows were counted at most
   */
  public MultipleObjectsReturnedException(String model, int found, int limit) {
    super(
        "get() returned more than one "
            + model
            + " -- it returned "
            + (found > limit ? "more than " + limit : String.valueOf(found))
            + "!");
    this.model = model;
  }

  /**
   * @return the model's name, e.g. {@code "Transaction"}
   */
  public String model() {
    return model;
  }
}
