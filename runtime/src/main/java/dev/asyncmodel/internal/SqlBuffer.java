package dev.asyncmodel.internal;

import dev.asyncmodel.RefField;
import dev.asyncmodel.spi.ColumnSpec;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A statement being rendered: its text, and the count of placeholders written so far, which the
 * dialect numbers ({@code $1}) or not ({@code ?}).
 */
public final class SqlBuffer {
  private final StringBuilder text = new StringBuilder(128);
  private final Dialect dialect;
  private int params;

  /** The tables the statement joins at the level being written; null while it joins none. */
  private @Nullable Joins joins;

  /**
   * @param dialect the dialect rendering the statement
   */
  public SqlBuffer(Dialect dialect) {
    this.dialect = dialect;
  }

  /**
   * @return the dialect
   */
  public Dialect dialect() {
    return dialect;
  }

  /**
   * @param sql text to append verbatim: only SQL asyncmodel wrote, never a value
   * @return this
   */
  public SqlBuffer append(String sql) {
    text.append(sql);
    return this;
  }

  /**
   * @param identifier a table or column name, which the dialect quotes
   * @return this
   */
  public SqlBuffer quoted(String identifier) {
    text.append(dialect.quote(identifier));
    return this;
  }

  /**
   * @return this, with the next placeholder appended
   */
  /**
   * Appends a column: {@code "amount"}, or {@code "transaction"."amount"} while the statement joins
   * tables, where {@code path} picks the table.
   *
   * @param column the column
   * @param path the foreign keys followed to reach it; empty for one of the query's model
   * @return this
   */
  public SqlBuffer column(ColumnSpec column, List<RefField<?, ?>> path) {
    text.append(columnText(column, path));
    return this;
  }

  /**
   * @param column the column
   * @param path the foreign keys followed to reach it
   * @return the column as {@link #column} writes it
   */
  public String columnText(ColumnSpec column, List<RefField<?, ?>> path) {
    Joins scope = joins;
    if (scope == null) {
      if (!path.isEmpty()) {
        throw new IllegalStateException("A column across a relation where nothing is joined");
      }
      return dialect.quote(column.column());
    }
    return dialect.quote(scope.alias(path)) + "." + dialect.quote(column.column());
  }

  /**
   * @param column a column of the model at the level being written
   * @param model that model
   * @return the column, always qualified: by the level's alias, or by the table's name where the
   *     level joins nothing; for a subquery that refers to the row around it
   */
  String outerColumnText(ColumnSpec column, dev.asyncmodel.spi.ModelMeta<?> model) {
    Joins scope = joins;
    String table = scope == null ? model.table() : scope.alias(List.of());
    return dialect.quote(table) + "." + dialect.quote(column.column());
  }

  /**
   * Sets the tables the level about to be written joins, as a subquery starts or ends.
   *
   * @param scope the joins, or null for none
   * @return the joins of the level before, to set back
   */
  @Nullable Joins scope(@Nullable Joins scope) {
    Joins before = joins;
    joins = scope;
    return before;
  }

  public SqlBuffer param() {
    dialect.placeholder(text, ++params);
    return this;
  }

  /**
   * @return the number of placeholders written
   */
  public int paramCount() {
    return params;
  }

  /**
   * Renders a part of the statement apart: its text is taken out of the buffer and returned, its
   * placeholders keep their numbers, so that a dialect can place it (once).
   *
   * @param render writes the part into this buffer
   * @return the part's text
   */
  public String fragment(Runnable render) {
    int start = text.length();
    render.run();
    String part = text.substring(start);
    text.setLength(start);
    return part;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
