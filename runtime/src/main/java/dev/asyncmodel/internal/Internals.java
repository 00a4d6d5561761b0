package dev.asyncmodel.internal;

import dev.asyncmodel.Assignment;
import dev.asyncmodel.Comparison;
import dev.asyncmodel.Condition;
import dev.asyncmodel.Exists;
import dev.asyncmodel.Field;
import dev.asyncmodel.InSubquery;
import dev.asyncmodel.Ordering;
import dev.asyncmodel.Prefetched;
import dev.asyncmodel.Ref;
import dev.asyncmodel.RefField;
import dev.asyncmodel.spi.ColumnSpec;
import dev.asyncmodel.spi.ModelMeta;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The engine's door into the API: what {@code dev.asyncmodel} keeps package-private so that users
 * never see it (a field's column spec and model; a lookup or assignment built from an untyped
 * value). The API installs its side once, when {@link Field} initializes; since a field exists
 * before any query does, every call here finds it installed.
 */
public final class Internals {
  private Internals() {}

  /** What the API gives the engine. */
  public interface Api {
    /**
     * @param field a field
     * @return what the processor knows of its column
     */
    ColumnSpec spec(Field<?> field);

    /**
     * @param field a field
     * @param <T> its model
     * @return its model
     */
    <T extends Record> ModelMeta<T> model(Field<T> field);

    /**
     * Binds a field to its model, once.
     *
     * @param field the field
     * @param model its model
     * @param <T> the model
     */
    <T extends Record> void attach(Field<T> field, ModelMeta<T> model);

    /**
     * @param field a field
     * @param value a value as the record holds it
     * @return the column's value: a foreign key's id for a {@code Ref}, else the value
     */
    @Nullable Object columnValue(Field<?> field, @Nullable Object value);

    /**
     * @param field a field
     * @param value a value of the field's type, not null
     * @param <T> the model
     * @return {@code field = value}
     */
    <T extends Record> Condition<T> equal(Field<T> field, Object value);

    /**
     * @param field a field
     * @param values values of the field's type, none null
     * @param <T> the model
     * @return {@code field IN (values)}
     */
    <T extends Record> Condition<T> in(Field<T> field, Collection<?> values);

    /**
     * @param field a field
     * @param value a value of the field's type
     * @param <T> the model
     * @return {@code field := value}
     */
    <T extends Record> Assignment<T> assignment(Field<T> field, @Nullable Object value);

    /**
     * @param conditions one or more conditions
     * @param <T> the model
     * @return them ANDed, as {@code exclude} negates them
     */
    <T extends Record> Condition<T> allOf(List<Condition<T>> conditions);

    Expr left(Comparison<?> comparison);

    List<Expr> right(Comparison<?> comparison);

    Expr expr(Ordering<?> ordering);

    @Nullable Expr expression(Assignment<?> assignment);

    Query<?> rows(InSubquery<?> subquery);

    Query<?> rows(Exists<?> exists);

    List<RefField<?, ?>> path(Field<?> field);

    List<RefField<?, ?>> hops(RefField<?, ?> field);

    <M extends Record> Ref<M> loaded(long id, M model);

    <M extends Record, T extends Record> Prefetched<M, T> prefetched(Map<Long, List<T>> sets);
  }

  // Written once, in Field's static initializer: every thread that holds a Field has seen it.
  private static @Nullable Api api;

  /**
   * Called by the API, once.
   *
   * @param side the API's side
   */
  public static void install(Api side) {
    if (api == null) {
      api = side;
    }
  }

  /**
   * @return the API's side
   */
  public static Api api() {
    Api side = api;
    if (side == null) {
      try {
        // Initializes Field, which installs the API's side.
        Class.forName(Field.class.getName(), true, Field.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      side = api;
      if (side == null) {
        throw new IllegalStateException("The asyncmodel API did not install its engine access");
      }
    }
    return side;
  }

  /**
   * @param field a field
   * @return its column spec
   */
  public static ColumnSpec spec(Field<?> field) {
    return api().spec(field);
  }

  /**
   * @param field a field
   * @param <T> its model
   * @return its model
   */
  public static <T extends Record> ModelMeta<T> model(Field<T> field) {
    return api().model(field);
  }

  /**
   * @param field a field
   * @param value a value as the record holds it
   * @return the column's value
   */
  /**
   * @param field a field
   * @return the foreign keys followed to reach its column; empty for a column of its own model
   */
  public static List<RefField<?, ?>> path(Field<?> field) {
    return api().path(field);
  }

  public static @Nullable Object columnValue(Field<?> field, @Nullable Object value) {
    return api().columnValue(field, value);
  }
}
