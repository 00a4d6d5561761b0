package dev.asyncmodel.internal;

/**
 * A statement being rendered: its text, and the count of placeholders written so far, which the
 * dialect numbers ({@code $1}) or not ({@code ?}).
 */
public final class SqlBuffer {
  private final StringBuilder text = new StringBuilder(128);
  private final Dialect dialect;
  private int params;

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
