package dev.asyncmodel.spi;

import dev.asyncmodel.Ref;
import dev.asyncmodel.internal.DjangoJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One row of a result, read by column position. Each dialect decodes its driver's values here
 * (PostgreSQL's native types, SQLite's text dates), so a generated row mapper is the same for every
 * backend. Every getter returns {@code null} for SQL NULL.
 */
public interface RowReader {
  /**
   * @param i column position, from 0
   * @return the value, or {@code null} for SQL NULL
   */
  @Nullable Long getLong(int i);

  /**
   * @param i column position, from 0
   * @return the value, or {@code null} for SQL NULL
   */
  @Nullable Integer getInteger(int i);

  /**
   * @param i column position, from 0
   * @return the value, or {@code null} for SQL NULL
   */
  @Nullable Short getShort(int i);

  /**
   * @param i column position, from 0
   * @return the value, or {@code null} for SQL NULL
   */
  @Nullable Boolean getBoolean(int i);

  /**
   * @param i column position, from 0
   * @return the value, or {@code null} for SQL NULL
   */
  @Nullable Double getDouble(int i);

  /**
   * @param i column position, from 0
   * @return the value, or {@code null} for SQL NULL
   */
  @Nullable Float getFloat(int i);

  /**
   * @param i column position, from 0
   * @return the value, or {@code null} for SQL NULL
   */
  @Nullable String getString(int i);

  /**
   * @param i column position
   * @param scale the column's decimal places: the value is returned at this scale
   * @return the value
   */
  @Nullable BigDecimal getDecimal(int i, int scale);

  /**
   * @param i column position, from 0
   * @return the value, or {@code null} for SQL NULL
   */
  @Nullable Instant getInstant(int i);

  /**
   * @param i column position, from 0
   * @return the value, at offset UTC, or {@code null} for SQL NULL
   */
  @Nullable OffsetDateTime getOffsetDateTime(int i);

  /**
   * @param i column position, from 0
   * @return the value, or {@code null} for SQL NULL
   */
  @Nullable LocalDate getLocalDate(int i);

  /**
   * @param i column position, from 0
   * @return the value, or {@code null} for SQL NULL
   */
  @Nullable LocalDateTime getLocalDateTime(int i);

  /**
   * @param i column position, from 0
   * @return the value, or {@code null} for SQL NULL
   */
  @Nullable LocalTime getLocalTime(int i);

  /**
   * @param i column position, from 0
   * @return the value, or {@code null} for SQL NULL
   */
  @Nullable UUID getUuid(int i);

  /**
   * @param i column position, from 0
   * @return the value, or {@code null} for SQL NULL
   */
  byte @Nullable [] getBytes(int i);

  /**
   * @param i column position
   * @param valueOf the enum's {@code valueOf}
   * @param <E> the enum
   * @return the constant named by the stored text
   */
  default <E extends Enum<E>> @Nullable E getEnum(int i, Function<String, E> valueOf) {
    String name = getString(i);
    return name == null ? null : valueOf.apply(name);
  }

  /**
   * @param i column position
   * @param <M> the referenced model
   * @return a reference to the row whose id the column holds
   */
  default <M extends Record> @Nullable Ref<M> getRef(int i) {
    Long id = getLong(i);
    return id == null ? null : Ref.ofId(id);
  }

  /**
   * A JSON column's value. By default the column's text, read as JSON; a database with a JSON type
   * of its own (PostgreSQL's {@code jsonb}) reads its driver's value.
   *
   * @param i column position
   * @return a {@link JsonObject}, {@link JsonArray}, {@code String}, {@code Number} or {@code
   *     Boolean}; {@code null} for SQL NULL and for JSON null
   */
  default @Nullable Object getJson(int i) {
    String text = getString(i);
    return text == null ? null : DjangoJson.loads(text);
  }

  /**
   * @param i column position
   * @return the JSON object the column holds; {@code null} for SQL NULL and for JSON null
   * @throws IllegalStateException when the column holds JSON that is not an object
   */
  default @Nullable JsonObject getJsonObject(int i) {
    Object value = getJson(i);
    if (value == null || value instanceof JsonObject) {
      return (JsonObject) value;
    }
    throw new IllegalStateException(
        "Column " + (i + 1) + " holds the JSON " + value + ", which is not an object");
  }

  /**
   * @param i column position
   * @return the JSON array the column holds; {@code null} for SQL NULL and for JSON null
   * @throws IllegalStateException when the column holds JSON that is not an array
   */
  default @Nullable JsonArray getJsonArray(int i) {
    Object value = getJson(i);
    if (value == null || value instanceof JsonArray) {
      return (JsonArray) value;
    }
    throw new IllegalStateException(
        "Column " + (i + 1) + " holds the JSON " + value + ", which is not an array");
  }
}
