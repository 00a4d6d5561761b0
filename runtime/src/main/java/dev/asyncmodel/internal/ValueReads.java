package dev.asyncmodel.internal;

import dev.asyncmodel.spi.ColumnSpec;
import dev.asyncmodel.spi.RowReader;
import org.jspecify.annotations.Nullable;

/** Reads the columns of a projection, each by the type of the expression that selected it. */
final class ValueReads {
  private ValueReads() {}

  /**
   * @param row the row
   * @param i the column's position
   * @param type the expression's type
   * @return the value, as a record would hold it
   */
  static @Nullable Object read(RowReader row, int i, ColumnSpec type) {
    return switch (type.type()) {
      case LONG -> row.getLong(i);
      case INT -> row.getInteger(i);
      case SHORT -> row.getShort(i);
      case BOOLEAN -> row.getBoolean(i);
      case DOUBLE -> row.getDouble(i);
      case FLOAT -> row.getFloat(i);
      case STRING -> row.getString(i);
      case DECIMAL -> row.getDecimal(i, type.decimalPlaces());
      case INSTANT -> row.getInstant(i);
      case OFFSET_DATE_TIME -> row.getOffsetDateTime(i);
      case LOCAL_DATE -> row.getLocalDate(i);
      case LOCAL_DATE_TIME -> row.getLocalDateTime(i);
      case LOCAL_TIME -> row.getLocalTime(i);
      case UUID -> row.getUuid(i);
      case BYTES -> row.getBytes(i);
      case JSON -> row.getJson(i);
      // The API refuses to select one: a projection does not know the enum's class.
      case ENUM -> throw new IllegalStateException("An enum column cannot be read by a projection");
    };
  }
}
