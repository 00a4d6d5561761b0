package dev.asyncmodel.spi;

import dev.asyncmodel.OnDelete;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the processor knows of one column: its position among the record's components, its name,
 * type and constraints. Immutable; the {@code with*} methods return a changed copy, which generated
 * code chains once, in a static initializer.
 *
 * @param index the component's position in the record, from 0; also the column's position in every
 *     SELECT asyncmodel renders
 * @param column the column name, as the table has it
 * @param property the record component's name
 * @param type how values are encoded and decoded
 * @param nullable whether the column accepts NULL
 * @param primaryKey whether this is the {@code @Id}
 * @param unique whether the column has a UNIQUE constraint
 * @param autoNowAdd whether an insert fills a null value with the current time
 * @param inDict whether {@code toDict}/{@code toJson} show it
 * @param maxLength {@code varchar} length, or 0 for {@code text} and for non-string columns
 * @param maxDigits {@code numeric} precision, or 0
 * @param decimalPlaces {@code numeric} scale, or 0
 * @param onDelete the foreign key's rule, or {@code null} when the column is not a foreign key
 * @param dictKey the key of the value in {@code toDict} and {@code toJson}: the component's name in
 *     snake_case
 */
public record ColumnSpec(
    int index,
    String column,
    String property,
    ColumnType type,
    boolean nullable,
    boolean primaryKey,
    boolean unique,
    boolean autoNowAdd,
    boolean inDict,
    int maxLength,
    int maxDigits,
    int decimalPlaces,
    @Nullable OnDelete onDelete,
    String dictKey) {

  /** Checks the invariants the processor guarantees; a violation is a bug in the generator. */
  public ColumnSpec {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(dictKey, "dictKey");
    if (index < 0) {
      throw new IllegalArgumentException("index " + index + " < 0");
    }
  }

  /**
   * A NOT NULL column with no constraint, shown by {@code toDict} under its column name.
   *
   * @param index the component's position
   * @param column the column name
   * @param property the component name
   * @param type the column type
   * @return the column
   */
  public static ColumnSpec of(int index, String column, String property, ColumnType type) {
    return new ColumnSpec(
        index, column, property, type, false, false, false, false, true, 0, 0, 0, null, column);
  }

  /**
   * @return this column, nullable
   */
  public ColumnSpec withNullable() {
    return new ColumnSpec(
        index,
        column,
        property,
        type,
        true,
        primaryKey,
        unique,
        autoNowAdd,
        inDict,
        maxLength,
        maxDigits,
        decimalPlaces,
        onDelete,
        dictKey);
  }

  /**
   * @return this column as the primary key the database generates
   */
  public ColumnSpec withPrimaryKey() {
    return new ColumnSpec(
        index,
        column,
        property,
        type,
        nullable,
        true,
        unique,
        autoNowAdd,
        inDict,
        maxLength,
        maxDigits,
        decimalPlaces,
        onDelete,
        dictKey);
  }

  /**
   * @return this column, unique
   */
  public ColumnSpec withUnique() {
    return new ColumnSpec(
        index,
        column,
        property,
        type,
        nullable,
        primaryKey,
        true,
        autoNowAdd,
        inDict,
        maxLength,
        maxDigits,
        decimalPlaces,
        onDelete,
        dictKey);
  }

  /**
   * @return this column, filled with the current time on insert when null
   */
  public ColumnSpec withAutoNowAdd() {
    return new ColumnSpec(
        index,
        column,
        property,
        type,
        nullable,
        primaryKey,
        unique,
        true,
        inDict,
        maxLength,
        maxDigits,
        decimalPlaces,
        onDelete,
        dictKey);
  }

  /**
   * @return this column, left out of {@code toDict} and {@code toJson}
   */
  public ColumnSpec withoutDict() {
    return new ColumnSpec(
        index,
        column,
        property,
        type,
        nullable,
        primaryKey,
        unique,
        autoNowAdd,
        false,
        maxLength,
        maxDigits,
        decimalPlaces,
        onDelete,
        dictKey);
  }

  /**
   * @param length the {@code varchar} length
   * @return this column with a maximum length
   */
  public ColumnSpec withMaxLength(int length) {
    return new ColumnSpec(
        index,
        column,
        property,
        type,
        nullable,
        primaryKey,
        unique,
        autoNowAdd,
        inDict,
        length,
        maxDigits,
        decimalPlaces,
        onDelete,
        dictKey);
  }

  /**
   * @param digits the precision
   * @param places the scale
   * @return this column with a decimal precision and scale
   */
  public ColumnSpec withDecimal(int digits, int places) {
    return new ColumnSpec(
        index,
        column,
        property,
        type,
        nullable,
        primaryKey,
        unique,
        autoNowAdd,
        inDict,
        maxLength,
        digits,
        places,
        onDelete,
        dictKey);
  }

  /**
   * @param rule what deleting the referenced row does
   * @return this column as a foreign key
   */
  public ColumnSpec withOnDelete(OnDelete rule) {
    return new ColumnSpec(
        index,
        column,
        property,
        type,
        nullable,
        primaryKey,
        unique,
        autoNowAdd,
        inDict,
        maxLength,
        maxDigits,
        decimalPlaces,
        rule,
        dictKey);
  }

  /**
   * @param key the key in {@code toDict} and {@code toJson}, when it is not the column name (a
   *     foreign key's {@code user} for the column {@code user_id})
   * @return this column with that key
   */
  public ColumnSpec withDictKey(String key) {
    return new ColumnSpec(
        index,
        column,
        property,
        type,
        nullable,
        primaryKey,
        unique,
        autoNowAdd,
        inDict,
        maxLength,
        maxDigits,
        decimalPlaces,
        onDelete,
        key);
  }
}
