package dev.asyncmodel;

import dev.asyncmodel.spi.ModelMeta;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rows of model {@code T} that reference each of some records of model {@code M} through a
 * foreign key, read by {@link QuerySet#aprefetch} in one statement (a chunk of keys at a time):
 * Django's {@code prefetch_related}, or {@code prefetch_related_objects(users,
 * Prefetch("transaction_set", queryset=...))}. The records themselves are never changed: look their
 * sets up here.
 *
 * <pre>{@code
 * Prefetched<User, Transaction> sets = ...;
 * for (User user : users) {
 *   List<Transaction> ofUser = sets.of(user);   // in the QuerySet's order; empty for none
 * }
 * }</pre>
 *
 * @param <M> the referenced model
 * @param <T> the referencing model
 */
public final class Prefetched<M extends Record, T extends Record> {
  private final Map<Long, List<T>> sets;

  Prefetched(Map<Long, List<T>> sets) {
    this.sets = sets;
  }

  /**
   * @param target one of the records the sets were read for, or any record of that model
   * @return the rows that reference it, in the QuerySet's order; empty when none does
   * @throws IllegalStateException if the record has no id
   */
  public List<T> of(M target) {
    Objects.requireNonNull(target, "target");
    return sets.getOrDefault(ModelMeta.of(target).idOf(target), List.of());
  }

  /**
   * @param target a reference to a record of the referenced model
   * @return the rows that reference it, in the QuerySet's order; empty when none does
   */
  public List<T> of(Ref<M> target) {
    return sets.getOrDefault(Objects.requireNonNull(target, "target").id(), List.of());
  }

  /**
   * @return every set, by the referenced record's id, in the order of the records given; a record
   *     that no row references maps to an empty list
   */
  public Map<Long, List<T>> asMap() {
    return sets;
  }

  @Override
  public String toString() {
    return "Prefetched" + sets;
  }
}
