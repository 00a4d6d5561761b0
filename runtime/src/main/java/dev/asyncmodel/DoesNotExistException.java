package dev.asyncmodel;

/**
 * {@code aget} found no row: Django's {@code Model.DoesNotExist}. The message and {@link #model()}
 * name the model.
 */
public final class DoesNotExistException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String model;

  /**
   * @param model the model's name
   */
  public DoesNotExistException(String model) {
    super(model + " matching query does not exist.");
    this.model = model;
  }

  /**
   * @return the model's name, e.g. {@code "Transaction"}
   */
  public String model() {
    return model;
  }
}
