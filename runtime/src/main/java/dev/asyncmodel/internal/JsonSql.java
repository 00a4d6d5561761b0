package dev.asyncmodel.internal;

import dev.asyncmodel.spi.ColumnSpec;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a dialect writes the SQL of a JSON lookup or path, in either pass of the {@link Compiler}:
 * the shape pass keeps only the values of {@link #param}, in order; the render pass keeps only the
 * text, a placeholder for each value. One method of the dialect thus writes both, and the values
 * always match their placeholders. What the text depends on must be in the statement's shape:
 * {@link ExprSql} writes the lookup's column, operator, kind of value, number of keys and kind of
 * each step of its path.
 */
public final class JsonSql {
  private final @Nullable SqlBuffer text;
  private final @Nullable List<Object> params;
  private final Dialect dialect;

  private JsonSql(Dialect dialect, @Nullable SqlBuffer text, @Nullable List<Object> params) {
    this.dialect = dialect;
    this.text = text;
    this.params = params;
  }

  static JsonSql params(Dialect dialect, List<Object> params) {
    return new JsonSql(dialect, null, params);
  }

  static JsonSql text(SqlBuffer text) {
    return new JsonSql(text.dialect(), text, null);
  }

  /**
   * @param sql SQL text that asyncmodel wrote, never a value
   * @return this
   */
  public JsonSql append(String sql) {
    if (text != null) {
      text.append(sql);
    }
    return this;
  }

  /**
   * @param column a column
   * @return this, with the column's quoted name appended
   */
  public JsonSql column(ColumnSpec column) {
    if (text != null) {
      text.column(column, List.of());
    }
    return this;
  }

  /**
   * @param value a value the driver binds
   * @return this, with a placeholder for it appended
   */
  public JsonSql param(Object value) {
    if (text != null) {
      text.param();
    } else if (params != null) {
      params.add(value);
    }
    return this;
  }
}
