package dev.asyncmodel;

import dev.asyncmodel.internal.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One statement as the runtime sends it: its SQL text, exactly as prepared on the database, and
 * what its placeholders bind. {@link #toString()} shows the text and the types of the bound values,
 * never the values; {@link #boundValues()} gives them when asked.
 *
 * <pre>{@code
 * System.out.println(Transactions.objects(db).filter(CATEGORY.eq("food")).sql());
 * // SELECT "id", "user_id", ... FROM "transaction" WHERE "category" = $1  -- binds (String)
 * }</pre>
 */
public final class SqlStatement {
  private final String text;
  private final List<@Nullable Object> values;

  SqlStatement(String text, List<?> values) {
    this.text = text;
    this.values = Collections.unmodifiableList(new ArrayList<>(values));
  }

  /**
   * @return the SQL, with the database's placeholders ({@code $1} or {@code ?})
   */
  public String text() {
    return text;
  }

  /**
   * @return the Java types the driver binds, in placeholder order: {@code String}, {@code Long},
   *     {@code BigDecimal}, {@code Long[]} for PostgreSQL's {@code = ANY($1)}; {@code null} for a
   *     NULL
   */
  public List<String> parameterTypes() {
    return Statement.typesOf(values);
  }

  /**
   * The values themselves, as the driver binds them (a foreign key as its id, a time as the
   * database stores it). They may be personal data: log them only on purpose.
   *
   * @return the values, in placeholder order
   */
  public List<@Nullable Object> boundValues() {
    return values;
  }

  /**
   * @return the text, then the types it binds: {@code ... WHERE "id" = $1 -- binds (Long)}
   */
  @Override
  public String toString() {
    return values.isEmpty()
        ? text
        : text + "  -- binds (" + String.join(", ", parameterTypes()) + ")";
  }
}
