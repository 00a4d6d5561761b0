package dev.asyncmodel;

import dev.asyncmodel.Lookup.Op;
import dev.asyncmodel.internal.Expr;
import dev.asyncmodel.spi.ColumnSpec;
import dev.asyncmodel.spi.ModelMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A column of model {@code T}, as a typed constant of the generated companion ({@code
 * Transactions.CREATED_AT}). Every field can be tested for NULL and ordered by; its subclasses add
 * the lookups that fit its type: {@link ValueField} (equality), {@link ComparableField} (ordering
 * comparisons), {@link StringField} (text lookups) and {@link RefField} (foreign keys). A lookup
 * that does not fit a field's type does not compile.
 *
 * <pre>{@code
 * Transactions.objects(db).filter(CATEGORY.isNull(false)).orderBy(CREATED_AT.desc())
 * }</pre>
 *
 * @param <T> the model the column belongs to
 */
public abstract class Field<T extends Record> {
  static {
    ApiAccess.install();
  }

  private final ColumnSpec spec;
  private final Expr expr;
  private @Nullable ModelMeta<T> model;

  /**
   * The foreign keys followed from model {@code T} to reach the column, each a companion's own
   * field: empty for a column of {@code T} itself. Made by {@link RefField#to}.
   */
  private final List<RefField<?, ?>> path;

  /**
   * The companion's field this one reaches through {@link #path}; itself when the path is empty.
   */
  private final Field<?> origin;

  /**
   * For generated code: the companion creates one field per record component.
   *
   * @param spec the column
   */
  protected Field(ColumnSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.expr = Expr.column(spec);
    this.path = List.of();
    this.origin = this;
  }

  /** A field of another model, reached from {@code T} through the foreign keys of {@code path}. */
  Field(Field<?> origin, List<RefField<?, ?>> path) {
    this.spec = origin.spec;
    this.path = List.copyOf(path);
    this.origin = origin;
    this.expr = Expr.column(spec, this.path);
  }

  /**
   * @return the column name, as the table has it
   */
  public final String column() {
    return spec.column();
  }

  /**
   * @return the record component's name
   */
  public final String name() {
    return spec.property();
  }

  /** What the processor knows of the column: the runtime reads it through {@link ApiAccess}. */
  final ColumnSpec spec() {
    return spec;
  }

  /** The column as an expression tree: one per field, so that a projection finds it by identity. */
  final Expr expr() {
    return expr;
  }

  /** The model the column belongs to, once its companion has initialized. */
  final ModelMeta<T> model() {
    ModelMeta<T> m = model;
    if (m == null) {
      throw new IllegalStateException("Field " + spec.property() + " is not part of a model yet");
    }
    return m;
  }

  /** Called once per field, by {@link ModelMeta}'s constructor, while the companion initializes. */
  final void attach(ModelMeta<T> owner) {
    if (model != null && model != owner) {
      throw new IllegalStateException("Field " + spec.property() + " already belongs to " + model);
    }
    model = owner;
  }

  /** The foreign keys followed to reach the column; empty for a column of the model itself. */
  final List<RefField<?, ?>> path() {
    return path;
  }

  /**
   * This column, of the companion's field this one is or reaches, reached from another model
   * through {@code hops}. Overridden by every field class that can be reached, so that the copy has
   * the receiver's class.
   *
   * @param hops the foreign keys from the new owner to this column's model, companions' own fields
   * @return the field, typed for the new owner by the caller
   */
  Field<?> reached(List<RefField<?, ?>> hops) {
    throw new UnsupportedOperationException(
        "A " + getClass().getSimpleName() + " cannot be reached across a relation yet");
  }

  /**
   * The hops of {@code target} reached through {@code via}: {@code via}'s own path, its origin,
   * then {@code target}'s own path; without a target, the hops to {@code via}'s referenced model.
   */
  static List<RefField<?, ?>> hops(RefField<?, ?> via, @Nullable Field<?> target) {
    List<RefField<?, ?>> hops = new ArrayList<>(via.path().size() + 4);
    hops.addAll(via.path());
    hops.add((RefField<?, ?>) via.origin());
    if (target != null) {
      hops.addAll(target.path());
    }
    return hops;
  }

  /** The companion's field this one is, or reaches. */
  final Field<?> origin() {
    return origin;
  }

  /**
   * Django's {@code isnull} lookup.
   *
   * @param isNull {@code true} for {@code IS NULL}, {@code false} for {@code IS NOT NULL}
   * @return the condition
   */
  public final Condition<T> isNull(boolean isNull) {
    return new Lookup<>(this, isNull ? Op.IS_NULL : Op.NOT_NULL, Lookup.NO_VALUES);
  }

  /**
   * @return ascending order on this column, for {@code orderBy} (Django's {@code "field"})
   */
  public final Ordering<T> asc() {
    return new Ordering<>(this, false);
  }

  /**
   * @return descending order on this column, for {@code orderBy} (Django's {@code "-field"})
   */
  public final Ordering<T> desc() {
    return new Ordering<>(this, true);
  }

  /**
   * Turns a value of this field into the value bound to the statement, before the dialect encodes
   * it. Overridden by {@link RefField}, whose values are references and whose column holds ids.
   *
   * @param value the value as the record holds it
   * @return the column's value
   */
  @Nullable Object columnValue(@Nullable Object value) {
    return value;
  }

  @Override
  public String toString() {
    if (path.isEmpty()) {
      return spec.property() + " (" + spec.column() + ")";
    }
    StringBuilder text = new StringBuilder();
    for (RefField<?, ?> hop : path) {
      text.append(hop.spec().property()).append("__");
    }
    return text.append(spec.property()).append(" (").append(spec.column()).append(")").toString();
  }
}
