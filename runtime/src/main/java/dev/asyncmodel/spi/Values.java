package dev.asyncmodel.spi;

import dev.asyncmodel.Ref;
import java.math.BigDecimal;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Conversions the generated mappers call, each chosen by the processor for a column's type: nothing
 * is decided at run time. All of them map {@code null} to {@code null}.
 */
public final class Values {
  private Values() {}

  /**
   * @param ref a reference
   * @return the referenced id: what {@code toDict} and {@code toJson} show for a foreign key
   */
  public static @Nullable Long refId(@Nullable Ref<?> ref) {
    return ref == null ? null : ref.id();
  }

  /**
   * The cast {@code fromValues} needs for a foreign key: values of a model's array are of its
   * components' types.
   *
   * @param value a component value
   * @param <M> the referenced model
   * @return the value as a reference
   */
  @SuppressWarnings("unchecked")
  public static <M extends Record> @Nullable Ref<M> ref(@Nullable Object value) {
    return (Ref<M>) value;
  }

  /**
   * @param value a decimal
   * @return its plain text, at its scale ({@code "12.50"}): Django's {@code str(amount)}
   */
  public static @Nullable String decimal(@Nullable BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  /**
   * @param value a date, time, UUID or enum
   * @return its ISO-8601 text ({@code toString()}), or an enum's name
   */
  public static @Nullable String text(@Nullable Object value) {
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    return value == null ? null : value.toString();
  }

  /**
   * @param value bytes
   * @return their base64 text
   */
  public static @Nullable String base64(byte @Nullable [] value) {
    return value == null ? null : Base64.getEncoder().encodeToString(value);
  }

  /**
   * A column value as {@code toJson} shows it.
   *
   * @param type the column's type
   * @param value a component value of that column (not a reference)
   * @return decimals as plain text, dates, times, UUIDs and enums as text, bytes in base64, other
   *     values as they are
   */
  public static @Nullable Object json(ColumnType type, @Nullable Object value) {
    return switch (type) {
      case DECIMAL -> decimal((BigDecimal) value);
      case INSTANT, OFFSET_DATE_TIME, LOCAL_DATE, LOCAL_DATE_TIME, LOCAL_TIME, UUID, ENUM ->
          text(value);
      case BYTES -> base64((byte[]) value);
      default -> value;
    };
  }
}
