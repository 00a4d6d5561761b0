package dev.asyncmodel;

import dev.asyncmodel.spi.ColumnSpec;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A JSON column, Django's {@code JSONField}: {@code jsonb} on PostgreSQL, {@code json} on MySQL and
 * MariaDB, JSON text on SQLite, read as Vert.x's {@code JsonObject} ({@link JsonObjectField}) or
 * {@code JsonArray} ({@link JsonArrayField}). Besides {@code isNull}, the whole value has {@link
 * #eq}, {@link #contains} and {@link #containedBy}; the keys and indexes of its subclasses lead
 * into it ({@link JsonPath}).
 *
 * <pre>{@code
 * Documents.objects(db).filter(DATA.key("owner").key("name").eq("ann"), DATA.hasKey("tags"))
 * }</pre>
 *
 * @param <T> the model
 * @param <V> {@code JsonObject} or {@code JsonArray}
 */
public abstract sealed class JsonField<T extends Record, V> extends Field<T>
    permits JsonObjectField, JsonArrayField {
  JsonField(ColumnSpec spec) {
    super(spec);
  }

  /**
   * Django's {@code exact} on the whole value, compared as JSON ({@code {"a": 1}} equals {@code
   * {"a":1}}); {@code eq(null)} is {@code IS NULL}, SQL NULL.
   *
   * @param value the value
   * @return the condition
   */
  public final Condition<T> eq(@Nullable V value) {
    return value == null
        ? isNull(true)
        : new JsonLookup<>(
            this, List.of(), JsonLookup.Op.EQ, JsonLookup.Kind.STRUCTURE, value, List.of());
  }

  /**
   * Django's {@code contains}: every key and value of {@code value} is in the column's value (for
   * an array, every element). PostgreSQL's {@code @>}, MySQL's {@code JSON_CONTAINS}. SQLite has no
   * such function: there the query's Future fails with an {@link UnsupportedOperationException}, as
   * Django raises {@code NotSupportedError}.
   *
   * @param value the value contained
   * @return the condition
   */
  public final Condition<T> contains(V value) {
    return new JsonLookup<>(
        this,
        List.of(),
        JsonLookup.Op.CONTAINS,
        JsonLookup.Kind.STRUCTURE,
        Objects.requireNonNull(value, "contains needs a value"),
        List.of());
  }

  /**
   * Django's {@code contained_by}: the column's value is contained in {@code value}. PostgreSQL and
   * MySQL only, as {@link #contains}.
   *
   * @param value the value that contains
   * @return the condition
   */
  public final Condition<T> containedBy(V value) {
    return new JsonLookup<>(
        this,
        List.of(),
        JsonLookup.Op.CONTAINED_BY,
        JsonLookup.Kind.STRUCTURE,
        Objects.requireNonNull(value, "containedBy needs a value"),
        List.of());
  }

  /**
   * An assignment for {@code aupdate}.
   *
   * @param value the new value; {@code null} (SQL NULL) only for a nullable column
   * @return the assignment
   */
  public final Assignment<T> set(@Nullable V value) {
    return Assignment.of(this, value);
  }
}
