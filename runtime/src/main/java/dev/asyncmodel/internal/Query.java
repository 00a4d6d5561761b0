package dev.asyncmodel.internal;

import dev.asyncmodel.Condition;
import dev.asyncmodel.Ordering;
import dev.asyncmodel.RefField;
import dev.asyncmodel.RowLock;
import dev.asyncmodel.spi.ModelMeta;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a QuerySet stands for, as data the {@link Compiler} renders: the model, the conditions
 * (ANDed), the ordering and the slice. Immutable; every list is immutable and kept, not copied.
 *
 * @param <T> the model
 */
public final class Query<T extends Record> {
  private final ModelMeta<T> model;
  private final List<Condition<T>> where;
  private final List<Ordering<T>> order;
  private final int limit;
  private final int offset;
  private final @Nullable RowLock lock;

  /** The foreign keys {@code selectRelated} loads, each followed by its own path; in order. */
  private final List<RefField<T, ?>> related;

  /** How rows with the {@link #related} models are read, made once when first asked for. */
  private @Nullable RelatedRows<T> relatedRows;

  /**
   * Django's {@code standard_ordering}, false after an odd number of {@code reverse()}: every
   * ordering, one given later included, runs the other way.
   */
  private final boolean reversed;

  /** The ordering as it runs: {@link #order}, each term reversed when {@link #reversed}. */
  private final List<Ordering<T>> effective;

  private Query(
      ModelMeta<T> model,
      List<Condition<T>> where,
      List<Ordering<T>> order,
      int limit,
      int offset,
      @Nullable RowLock lock,
      boolean reversed,
      List<RefField<T, ?>> related) {
    this.model = model;
    this.related = related;
    this.where = where;
    this.order = order;
    this.limit = limit;
    this.offset = offset;
    this.lock = lock;
    this.reversed = reversed;
    if (reversed && !order.isEmpty()) {
      java.util.ArrayList<Ordering<T>> flipped = new java.util.ArrayList<>(order.size());
      for (Ordering<T> ordering : order) {
        flipped.add(ordering.reversed());
      }
      this.effective = List.copyOf(flipped);
    } else {
      this.effective = order;
    }
  }

  /**
   * @param model the model
   * @param <T> the model
   * @return every row of the model, unordered
   */
  public static <T extends Record> Query<T> all(ModelMeta<T> model) {
    return new Query<>(
        Objects.requireNonNull(model, "model"),
        List.of(),
        List.of(),
        -1,
        0,
        null,
        false,
        List.of());
  }

  /**
   * @return the model
   */
  public ModelMeta<T> model() {
    return model;
  }

  /**
   * @return the conditions, ANDed
   */
  public List<Condition<T>> where() {
    return where;
  }

  /**
   * @return the ordering; empty for none
   */
  public List<Ordering<T>> order() {
    return effective;
  }

  /**
   * @return the limit, or -1 for none
   */
  public int limit() {
    return limit;
  }

  /**
   * @return the rows skipped, 0 for none
   */
  public int offset() {
    return offset;
  }

  /**
   * @return how the rows a query reads are locked ({@code selectForUpdate}), or null for not at all
   */
  public @Nullable RowLock lock() {
    return lock;
  }

  /**
   * @param newLock how rows are locked, or null for not at all
   * @return this query with that lock instead
   */
  public Query<T> withLock(@Nullable RowLock newLock) {
    return new Query<>(model, where, order, limit, offset, newLock, reversed, related);
  }

  /**
   * @return the foreign keys {@code selectRelated} loads with each row; empty for none
   */
  public List<RefField<T, ?>> related() {
    return related;
  }

  /**
   * @return how the rows are read with the models {@link #related} loads; made once, as the query
   *     never changes (two threads may make it twice, which is harmless)
   */
  RelatedRows<T> relatedRows() {
    RelatedRows<T> rows = relatedRows;
    if (rows == null) {
      rows = RelatedRows.of(this);
      relatedRows = rows;
    }
    return rows;
  }

  /**
   * @param newRelated the foreign keys to load with each row, an immutable list
   * @return this query loading them instead
   */
  public Query<T> withRelated(List<RefField<T, ?>> newRelated) {
    return new Query<>(model, where, order, limit, offset, lock, reversed, newRelated);
  }

  /**
   * @return whether a limit or an offset is set: Django's "a slice has been taken"
   */
  public boolean sliced() {
    return limit >= 0 || offset > 0;
  }

  /**
   * @param newWhere the conditions, an immutable list
   * @return this query with them instead
   */
  public Query<T> withWhere(List<Condition<T>> newWhere) {
    return new Query<>(model, newWhere, order, limit, offset, lock, reversed, related);
  }

  /**
   * @param newOrder the ordering, an immutable list
   * @return this query with it instead
   */
  public Query<T> withOrder(List<Ordering<T>> newOrder) {
    return new Query<>(model, where, newOrder, limit, offset, lock, reversed, related);
  }

  /**
   * @return this query with its ordering, and any given later, run the other way: Django's {@code
   *     reverse()}
   */
  public Query<T> withReversedOrder() {
    return new Query<>(model, where, order, limit, offset, lock, !reversed, related);
  }

  /**
   * @return whether the ordering runs the other way ({@link #withReversedOrder})
   */
  public boolean reversed() {
    return reversed;
  }

  /**
   * @param newLimit the limit, or -1
   * @param newOffset the offset
   * @return this query with that slice instead
   */
  public Query<T> withSlice(int newLimit, int newOffset) {
    return new Query<>(model, where, order, newLimit, newOffset, lock, reversed, related);
  }

  /**
   * @param more conditions to AND, none null
   * @return this query with the conditions added after its own
   */
  public Query<T> and(Condition<T>[] more) {
    if (more.length == 0) {
      return this;
    }
    if (where.isEmpty() && more.length == 1) {
      return withWhere(List.of(Objects.requireNonNull(more[0], "condition")));
    }
    @SuppressWarnings("unchecked") // holds only Condition<T>s
    Condition<T>[] all = (Condition<T>[]) new Condition<?>[where.size() + more.length];
    for (int i = 0; i < where.size(); i++) {
      all[i] = where.get(i);
    }
    for (int i = 0; i < more.length; i++) {
      all[where.size() + i] = Objects.requireNonNull(more[i], "condition");
    }
    return withWhere(List.of(all));
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(model.name());
    if (!where.isEmpty()) {
      text.append(" where ");
      for (int i = 0; i < where.size(); i++) {
        text.append(i == 0 ? "" : " & ").append(where.get(i));
      }
    }
    if (!effective.isEmpty()) {
      text.append(", order ").append(effective);
    } else if (reversed) {
      text.append(", reversed");
    }
    if (limit >= 0) {
      text.append(", limit ").append(limit);
    }
    if (offset > 0) {
      text.append(", offset ").append(offset);
    }
    if (lock != null) {
      text.append(", select for update ").append(lock);
    }
    if (!related.isEmpty()) {
      text.append(", select related ").append(related);
    }
    return text.toString();
  }
}
