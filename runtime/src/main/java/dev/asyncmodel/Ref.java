package dev.asyncmodel;

import dev.asyncmodel.spi.ModelMeta;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A reference to a row of model {@code M}: the value of a {@link ForeignKey} component. A reference
 * read from the database holds the id; one made with {@link #of(Record)} holds the record, whose id
 * it reads when needed; one read by a QuerySet with {@code selectRelated} holds both. Nothing is
 * loaded lazily: {@link #model()} is the record only if the reference was made from one or read
 * with one.
 *
 * <pre>{@code
 * new Transaction(null, Ref.of(user), amount, "Coffee", "food", null)
 * long userId = transaction.user().id();
 * }</pre>
 *
 * @param <M> the referenced model
 */
public final class Ref<M extends Record> {
  private final @Nullable Long id;
  private final @Nullable M model;

  private Ref(@Nullable Long id, @Nullable M model) {
    this.id = id;
    this.model = model;
  }

  /**
   * A reference to a record; it must have its id (be saved) by the time the reference is written.
   *
   * @param model the record
   * @param <M> its model
   * @return the reference
   */
  public static <M extends Record> Ref<M> of(M model) {
    return new Ref<>(null, Objects.requireNonNull(model, "model"));
  }

  /**
   * A reference to the row with this id.
   *
   * @param id the target's primary key
   * @param <M> the referenced model
   * @return the reference
   */
  public static <M extends Record> Ref<M> ofId(long id) {
    return new Ref<>(id, null);
  }

  /** A reference read with its record, by a query with {@code selectRelated}. */
  static <M extends Record> Ref<M> loaded(long id, M model) {
    return new Ref<>(id, Objects.requireNonNull(model, "model"));
  }

  /**
   * The referenced row's id.
   *
   * @return the id
   * @throws IllegalStateException if the reference was made from a record that has no id yet
   */
  public long id() {
    if (id != null) {
      return id;
    }
    M m = Objects.requireNonNull(model);
    return ModelMeta.of(m).idOf(m);
  }

  /**
   * @return the record this reference was made from, or that a query read with it through {@code
   *     selectRelated}; empty for a reference that holds only an id
   */
  public Optional<M> model() {
    return Optional.ofNullable(model);
  }

  @Nullable Long knownId() {
    return id;
  }

  @Nullable M knownModel() {
    return model;
  }

  /** Two references are equal when they name the same row of the same model. */
  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Ref<?> other)) {
      return false;
    }
    if (model != null && other.model != null && model.getClass() != other.model.getClass()) {
      return false;
    }
    Long mine = resolvedId();
    Long theirs = other.resolvedId();
    if (mine == null || theirs == null) {
      return mine == theirs && Objects.equals(model, other.model);
    }
    return mine.equals(theirs);
  }

  @Override
  public int hashCode() {
    Long resolved = resolvedId();
    return resolved != null ? Long.hashCode(resolved) : Objects.hashCode(model);
  }

  private @Nullable Long resolvedId() {
    if (id != null) {
      return id;
    }
    M m = Objects.requireNonNull(model);
    return ModelMeta.of(m).idOrNull(m);
  }

  /**
   * @return {@code Ref[id=1]}, however the reference was made; {@code Ref[id=unsaved]} for a record
   *     without its id yet
   */
  @Override
  public String toString() {
    Long resolved = resolvedId();
    return "Ref[id=" + (resolved == null ? "unsaved" : resolved) + "]";
  }
}
