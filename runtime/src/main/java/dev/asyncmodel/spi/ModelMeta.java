package dev.asyncmodel.spi;

import dev.asyncmodel.Field;
import dev.asyncmodel.FieldError;
import dev.asyncmodel.Model;
import dev.asyncmodel.Ref;
import dev.asyncmodel.RefField;
import dev.asyncmodel.internal.Internals;
import dev.asyncmodel.internal.Schema;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Everything the runtime knows of one model, built once by the generated companion's static
 * initializer: table, columns in component order, and the generated functions that map a row to a
 * record and a record to its column values. No reflection: each function is a method the processor
 * wrote.
 *
 * @param <T> the model
 */
public final class ModelMeta<T extends Record> implements Model<T> {
  private static final Map<Class<?>, ModelMeta<?>> BY_TYPE = new ConcurrentHashMap<>();

  /** Every foreign key of every model initialized so far: the reverse relations for cascades. */
  private static final List<RefField<?, ?>> ALL_REFS = new CopyOnWriteArrayList<>();

  private final Class<T> type;
  private final String name;
  private final String table;
  private final List<Field<T>> fields;
  private final Field<T> primaryKey;
  private final Function<RowReader, T> reader;
  private final Function<T, @Nullable Object[]> values;
  private final Function<@Nullable Object[], T> factory;
  private final Supplier<List<RefField<?, T>>> knownDependents;

  /**
   * For generated code, for a model that no other model of its compilation references.
   *
   * @param type the record class
   * @param name the model's name, the record's simple name: what exceptions and delete counts say
   * @param table the table name
   * @param fields the field constants, in component order
   * @param reader the generated row mapper, reading columns in component order
   * @param values the record's component values, in component order
   * @param factory a record from component values, in component order
   */
  public ModelMeta(
      Class<T> type,
      String name,
      String table,
      List<Field<T>> fields,
      Function<RowReader, T> reader,
      Function<T, @Nullable Object[]> values,
      Function<@Nullable Object[], T> factory) {
    this(type, name, table, fields, reader, values, factory, List::of);
  }

  /**
   * For generated code.
   *
   * @param type the record class
   * @param name the model's name, the record's simple name: what exceptions and delete counts say
   * @param table the table name
   * @param fields the field constants, in component order
   * @param reader the generated row mapper, reading columns in component order
   * @param values the record's component values, in component order
   * @param factory a record from component values, in component order
   * @param knownDependents the foreign keys to this model that the processor saw, for cascades;
   *     others are found as their companions initialize
   */
  public ModelMeta(
      Class<T> type,
      String name,
      String table,
      List<Field<T>> fields,
      Function<RowReader, T> reader,
      Function<T, @Nullable Object[]> values,
      Function<@Nullable Object[], T> factory,
      Supplier<List<RefField<?, T>>> knownDependents) {
    this.type = Objects.requireNonNull(type, "type");
    this.name = Objects.requireNonNull(name, "name");
    this.table = Objects.requireNonNull(table, "table");
    this.fields = List.copyOf(fields);
    this.reader = Objects.requireNonNull(reader, "reader");
    this.values = Objects.requireNonNull(values, "values");
    this.factory = Objects.requireNonNull(factory, "factory");
    this.knownDependents = Objects.requireNonNull(knownDependents, "knownDependents");
    Field<T> pk = null;
    for (int i = 0; i < this.fields.size(); i++) {
      Field<T> field = this.fields.get(i);
      if (Internals.spec(field).index() != i) {
        throw new IllegalArgumentException(
            field + " has index " + Internals.spec(field).index() + ", not " + i);
      }
      if (Internals.spec(field).primaryKey()) {
        pk = field;
      }
      Internals.api().attach(field, this);
      if (field instanceof RefField<?, ?> ref) {
        ALL_REFS.add(ref);
      }
    }
    if (pk == null) {
      throw new IllegalArgumentException("Model " + name + " has no primary key");
    }
    this.primaryKey = pk;
    BY_TYPE.put(type, this);
  }

  /**
   * The model of a record, for code that holds only the record ({@code Ref.of(user).id()}).
   *
   * @param model a record of an {@code @AsyncModel} type
   * @param <M> its type
   * @return its model
   * @throws IllegalArgumentException if the record's class is not a model
   */
  @SuppressWarnings("unchecked") // BY_TYPE maps each class to the model of that class
  public static <M extends Record> ModelMeta<M> of(M model) {
    Class<?> type = model.getClass();
    ModelMeta<?> meta = BY_TYPE.get(type);
    if (meta == null) {
      initializeCompanion(type);
      meta = BY_TYPE.get(type);
      if (meta == null) {
        throw new IllegalArgumentException(
            type.getName() + " is not an @AsyncModel record, or its companion was not generated");
      }
    }
    return (ModelMeta<M>) meta;
  }

  /**
   * Reads the companion's name from the first line of the model's file, {@code
   * META-INF/asyncmodel/models/<record binary name>} (its format, and its reader, are {@link
   * Schema}'s; the rest of the file is the DDL, not used here); loading the companion registers the
   * model. This runs once per record class, never on the query path.
   */
  private static void initializeCompanion(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    if (loader == null) {
      return;
    }
    try {
      Schema.ModelFile file = Schema.read(loader, type);
      if (file == null) {
        return;
      }
      Class.forName(file.companion(), true, loader);
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException(
          "Cannot load the companion of "
              + type.getName()
              + " named by META-INF/asyncmodel/models/"
              + type.getName()
              + ": rebuild the project with asyncmodel-processor so that the companion and that"
              + " file match",
          e);
    }
  }

  /**
   * @return the record class
   */
  @Override
  public Class<T> type() {
    return type;
  }

  /**
   * @return the model's name: the record's simple name
   */
  @Override
  public String name() {
    return name;
  }

  /**
   * @return the table name
   */
  @Override
  public String table() {
    return table;
  }

  /**
   * @return the fields, in component order
   */
  @Override
  public List<Field<T>> fields() {
    return fields;
  }

  /**
   * @return the {@code @Id} field
   */
  @Override
  public Field<T> primaryKey() {
    return primaryKey;
  }

  /**
   * @param row a row whose columns are this model's, in component order
   * @return the record
   */
  public T read(RowReader row) {
    return reader.apply(row);
  }

  /**
   * @param record a record
   * @return its component values, in component order (a fresh array)
   */
  public @Nullable Object[] values(T record) {
    return values.apply(record);
  }

  /**
   * @param values component values, in component order
   * @return the record
   */
  public T create(@Nullable Object[] values) {
    return factory.apply(values);
  }

  /**
   * @param record a record
   * @return its id, or {@code null} if it has none yet
   */
  public @Nullable Long idOrNull(T record) {
    Object id = values(record)[Internals.spec(primaryKey).index()];
    // An @Id Integer (Django's AutoField) is read as a long, as every id is.
    return id == null ? null : ((Number) id).longValue();
  }

  /**
   * @param record a saved record
   * @return its id
   * @throws IllegalStateException if it has no id yet
   */
  public long idOf(T record) {
    Long id = idOrNull(record);
    if (id == null) {
      throw new IllegalStateException(
          "This " + name + " has no id: save it (acreate) before referencing it");
    }
    return id;
  }

  /**
   * Checks a record's values against their columns, without I/O: NOT NULL, {@code @MaxLength},
   * {@code @Decimal}. A null {@code @Id} or {@code @AutoNowAdd} is fine: insert fills it.
   *
   * @param record the record
   * @return what does not fit, in component order; empty when the record can be written as it is
   */
  public List<FieldError> validate(T record) {
    @Nullable Object[] values = values(record);
    List<FieldError> errors = new ArrayList<>(0);
    for (Field<T> field : fields) {
      boolean filledByInsert =
          Internals.spec(field).primaryKey() || Internals.spec(field).autoNowAdd();
      FieldError error =
          Validation.check(field, values[Internals.spec(field).index()], filledByInsert);
      if (error != null) {
        errors.add(error);
      }
    }
    return errors;
  }

  /**
   * The record as a map, Django's {@code model_to_dict}: the fields {@code toDict} shows, under
   * their keys, in component order; a foreign key shows the referenced id.
   *
   * @param record a record
   * @return a new mutable map
   */
  public Map<String, @Nullable Object> toDict(T record) {
    Map<String, @Nullable Object> dict = new LinkedHashMap<>();
    dictEntries(record, false, dict::put);
    return dict;
  }

  /**
   * The record as JSON, with {@link #toDict}'s keys: decimals as plain text ({@code "12.50"}),
   * dates and times as ISO-8601 text, UUIDs as text, enums by name, bytes in base64.
   *
   * @param record a record
   * @return a new JSON object
   */
  public JsonObject toJson(T record) {
    JsonObject json = new JsonObject();
    dictEntries(record, true, json::put);
    return json;
  }

  /**
   * Each field {@code toDict} shows, in component order, with its key and value: a foreign key's
   * referenced id, and for JSON a value as {@link Values#json} shows it.
   */
  private void dictEntries(T record, boolean json, BiConsumer<String, @Nullable Object> entry) {
    @Nullable Object[] values = values(record);
    for (Field<T> field : fields) {
      ColumnSpec spec = Internals.spec(field);
      if (spec.inDict()) {
        @Nullable Object value = values[spec.index()];
        entry.accept(
            spec.dictKey(),
            field instanceof RefField<?, ?>
                ? Values.refId((Ref<?>) value)
                : json ? Values.json(spec.type(), value) : value);
      }
    }
  }

  /**
   * The foreign keys of every known model that reference this one: what {@code adelete} cascades
   * to.
   *
   * @return the referencing fields, in a stable order
   */
  @SuppressWarnings("unchecked") // a RefField whose target is this model references T
  public List<RefField<?, T>> dependents() {
    List<RefField<?, T>> result = new ArrayList<>(knownDependents.get());
    for (RefField<?, ?> ref : ALL_REFS) {
      if (ref.target() == this && !result.contains(ref)) {
        result.add((RefField<?, T>) ref);
      }
    }
    return Collections.unmodifiableList(result);
  }

  /**
   * Changes whenever a model with foreign keys initializes, and so whenever {@link #dependents()}
   * may change: part of the cache key of a deletion plan.
   *
   * @return the number of foreign keys known
   */
  public static int relationsVersion() {
    return ALL_REFS.size();
  }

  @Override
  public String toString() {
    return name + " (" + table + ")";
  }
}
