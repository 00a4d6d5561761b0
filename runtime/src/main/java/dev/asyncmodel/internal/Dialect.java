package dev.asyncmodel.internal;

import dev.asyncmodel.DataException;
import dev.asyncmodel.DatabaseException;
import dev.asyncmodel.IntegrityException;
import dev.asyncmodel.Isolation;
import dev.asyncmodel.PoolExhaustedException;
import dev.asyncmodel.QueryTimeoutException;
import dev.asyncmodel.RowLock;
import dev.asyncmodel.TransactionOptions;
import dev.asyncmodel.spi.ColumnSpec;
import dev.asyncmodel.spi.ColumnType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What one SQL database does its own way: placeholders, identifier quoting, LIKE escaping, value
 * encoding, RETURNING. Every backend difference lives in a subclass; nothing else asks which
 * database it runs on. Also holds the rendered-SQL cache, since SQL text is per dialect.
 */
public abstract class Dialect {
  /** Past this many query shapes the cache stops growing (an {@code in} of every size, say). */
  private static final int MAX_CACHED_SHAPES = 10_000;

  private final Map<Object, Object> cache = new ConcurrentHashMap<>();

  /**
   * @return the dialect's name, as in connection URLs: {@code postgresql}
   */
  public abstract String name();

  /**
   * Quotes a table or column name. Names come from the processor, never from user input; quoting
   * keeps reserved words ({@code user}, {@code order}) usable as names.
   *
   * @param identifier the name
   * @return the quoted name
   */
  public String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /**
   * Appends the placeholder of the {@code n}th parameter.
   *
   * @param sql the statement
   * @param n the parameter's position, from 1
   */
  public abstract void placeholder(StringBuilder sql, int n);

  /**
   * Turns a component's value into the value the driver binds.
   *
   * @param column the column
   * @param value the value, after a foreign key's reference became its id
   * @return the driver's value
   */
  public abstract @Nullable Object encode(ColumnSpec column, @Nullable Object value);

  /**
   * Appends the placeholder of a value compared with a column ({@code =}, {@code <}, {@code IN}). A
   * dialect whose text comparisons ignore case by default makes them exact here.
   *
   * @param sql the statement
   * @param column the column the value is compared with
   */
  public void value(SqlBuffer sql, ColumnSpec column) {
    sql.param();
  }

  /**
   * Appends the placeholder of a value in an expression ({@code "amount" + $1}, {@code EXTRACT(...)
   * = $1}), where no column gives it a type. By default as {@link #value}.
   *
   * @param sql the statement
   * @param type the value's type
   */
  public void expressionValue(SqlBuffer sql, ColumnSpec type) {
    value(sql, type);
  }

  /**
   * Appends a text expression compared with another ({@code "description" = "category"}), the way
   * {@link #value} binds a text compared with a column: exact, where a dialect's text comparisons
   * would ignore case.
   *
   * @param sql the statement
   * @param text the expression
   */
  public void textOperand(SqlBuffer sql, Operand text) {
    text.render();
  }

  /**
   * Appends arithmetic: {@code (left + right)}. Integer division truncates toward zero, as on
   * PostgreSQL and SQLite; a dialect whose {@code /} does otherwise renders it so.
   *
   * @param sql the statement
   * @param operator the operator
   * @param type the result's type
   * @param left the left operand
   * @param right the right operand
   */
  public void arithmetic(
      SqlBuffer sql, Expr.Arithmetic operator, ColumnType type, Operand left, Operand right) {
    sql.append("(");
    left.render();
    sql.append(
        switch (operator) {
          case PLUS -> " + ";
          case MINUS -> " - ";
          case TIMES -> " * ";
          case DIVIDED_BY -> " / ";
        });
    right.render();
    sql.append(")");
  }

  /**
   * Appends a transform: the date and time parts and truncations in UTC, which each dialect writes
   * with its own functions, and {@code LENGTH}, {@code LOWER}, {@code UPPER}.
   *
   * @param sql the statement
   * @param transform the transform
   * @param source the type of what it transforms
   * @param arg what it transforms
   */
  public void transform(SqlBuffer sql, Expr.Transform transform, ColumnType source, Operand arg) {
    String function =
        switch (transform) {
          case LENGTH -> "LENGTH(";
          case LOWER -> "LOWER(";
          case UPPER -> "UPPER(";
          default -> throw new IllegalStateException(name() + " does not render " + transform);
        };
    sql.append(function);
    arg.render();
    sql.append(")");
  }

  /**
   * Appends an aggregate: {@code COUNT(*)}, {@code COUNT(DISTINCT x)}, {@code SUM(x)}, ...
   *
   * @param sql the statement
   * @param aggregate the function
   * @param source the type of what it aggregates; null for {@code COUNT(*)}
   * @param arg what it aggregates; null for {@code COUNT(*)}
   */
  public void aggregate(
      SqlBuffer sql, Expr.Aggregate aggregate, @Nullable ColumnType source, @Nullable Operand arg) {
    if (arg == null) {
      sql.append("COUNT(*)");
      return;
    }
    sql.append(
        switch (aggregate) {
          case COUNT, COUNT_ALL -> "COUNT(";
          case COUNT_DISTINCT -> "COUNT(DISTINCT ";
          case SUM -> "SUM(";
          case AVG -> "AVG(";
          case MIN -> "MIN(";
          case MAX -> "MAX(";
        });
    arg.render();
    sql.append(")");
  }

  /**
   * Writes a lookup on a JSON column ({@code data__a=1}, {@code data__has_key="a"}): Django's SQL
   * for the database, with the keys, paths and values as parameters. The text may depend only on
   * what the shape holds (see {@link JsonSql}).
   *
   * @param sql where to write
   * @param column the JSON column
   * @param lookup the lookup
   */
  public void jsonLookup(JsonSql sql, ColumnSpec column, dev.asyncmodel.JsonLookup<?> lookup) {
    throw new UnsupportedOperationException(name() + " has no JSON lookups");
  }

  /**
   * Writes the value at a path into a JSON column as text or as a number: Django's {@code KT()} and
   * its {@code Cast}.
   *
   * @param sql where to write
   * @param column the JSON column
   * @param path keys and indexes, one at least
   * @param cast what the value is read as
   */
  public void jsonExtract(JsonSql sql, ColumnSpec column, List<Object> path, Expr.JsonCast cast) {
    throw new UnsupportedOperationException(name() + " has no JSON paths");
  }

  /**
   * Appends the value an {@code UPDATE} assigns from an expression ({@code SET "amount" = ...}). By
   * default the expression itself: the database rounds a decimal to the column's places and refuses
   * one that does not fit (SQLSTATE 22003).
   *
   * @param sql the statement
   * @param target the column assigned
   * @param value the expression
   */
  public void assignExpression(SqlBuffer sql, ColumnSpec target, Operand value) {
    value.render();
  }

  /**
   * Whether an {@code in} lookup binds its values as one array, {@code column = ANY(?)}, so that
   * lists of every size share one statement; otherwise it has one placeholder per value.
   *
   * @return whether {@link #array} is used
   */
  public boolean inAsArray() {
    return false;
  }

  /**
   * The values of an {@code in} lookup, each already {@link #encode encoded}, as the one array the
   * driver binds for them.
   *
   * @param column the column the lookup is on
   * @param encoded the encoded values, none null
   * @return the array
   */
  public Object array(ColumnSpec column, List<Object> encoded) {
    throw new UnsupportedOperationException(name() + " binds each value of an in lookup");
  }

  /**
   * Escapes LIKE's wildcards and the escape character itself, so that the text matches literally.
   *
   * @param text the user's text
   * @return the escaped text, without surrounding wildcards
   */
  public String escapeLike(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == '%' || c == '_') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * Renders a pattern match of {@code column} against the next parameter, escaped by {@link
   * #escapeLike}.
   *
   * @param sql the statement
   * @param column the quoted column
   * @param ignoreCase whether case is ignored
   */
  public abstract void like(SqlBuffer sql, String column, boolean ignoreCase);

  /**
   * Renders a regular-expression match of {@code column} against the next parameter: PostgreSQL's
   * {@code ~} and {@code ~*} by default.
   *
   * @param sql the statement
   * @param column the quoted column
   * @param ignoreCase whether case is ignored
   */
  public void regex(SqlBuffer sql, String column, boolean ignoreCase) {
    sql.append(column).append(ignoreCase ? " ~* " : " ~ ").param();
  }

  /**
   * Renders a case-insensitive equality of {@code column} and the next parameter.
   *
   * @param sql the statement
   * @param column the quoted column
   */
  public void iexact(SqlBuffer sql, String column) {
    sql.append("UPPER(").append(column).append(") = UPPER(").param().append(")");
  }

  /**
   * Appends one term of an ORDER BY: {@code "column" ASC NULLS FIRST}, the standard form, which
   * PostgreSQL and SQLite (3.30 and later) have.
   *
   * @param sql the statement
   * @param column the quoted column
   * @param descending whether descending
   * @param nulls where NULLs go
   */
  public void orderTerm(
      SqlBuffer sql, String column, boolean descending, dev.asyncmodel.Ordering.Nulls nulls) {
    sql.append(column).append(descending ? " DESC" : " ASC");
    switch (nulls) {
      case FIRST -> sql.append(" NULLS FIRST");
      case LAST -> sql.append(" NULLS LAST");
      case DEFAULT -> {}
    }
  }

  /**
   * How many times {@link #orderTerm} writes its term: a term that is an expression with values
   * binds them that many times where placeholders are positional.
   *
   * @param nulls where NULLs go
   * @return 1, or 2 for a dialect that writes {@code term IS NULL, term}
   */
  public int orderTermRepeats(dev.asyncmodel.Ordering.Nulls nulls) {
    return 1;
  }

  /**
   * Renders LIMIT, as a literal, and OFFSET, as a parameter. The limit is part of the query's shape
   * (queries use a few page sizes): PostgreSQL plans {@code LIMIT $n} anew on every execution,
   * since its generic plan cannot know the limit, but reuses the plan of {@code LIMIT 50}.
   *
   * @param sql the statement
   * @param limit the limit, or -1 for none
   * @param offset whether an offset parameter follows
   */
  public void limitOffset(SqlBuffer sql, int limit, boolean offset) {
    if (limit >= 0) {
      sql.append(" LIMIT ").append(Integer.toString(limit));
    }
    if (offset) {
      sql.append(" OFFSET ").param();
    }
  }

  /**
   * Begins the statement that shows how the database would run a query: {@code EXPLAIN }, which
   * PostgreSQL, MySQL and MariaDB have; the query follows.
   *
   * @param sql the statement, empty so far
   */
  public void explain(SqlBuffer sql) {
    sql.append("EXPLAIN ");
  }

  /**
   * The statements that start a transaction, in order: {@code BEGIN}, with the options' isolation
   * level and {@code READ ONLY} where they ask for them.
   *
   * @param options the transaction's options
   * @return the statements
   */
  public List<String> begin(TransactionOptions options) {
    StringBuilder begin = new StringBuilder("BEGIN");
    Isolation isolation = options.isolationLevel();
    if (isolation != null) {
      begin.append(" ISOLATION LEVEL ").append(isolationName(isolation));
    }
    if (options.isReadOnly()) {
      begin.append(" READ ONLY");
    }
    return List.of(begin.toString());
  }

  /**
   * The statements that undo, on the connection, what {@link #begin} set beyond the transaction,
   * after its COMMIT or ROLLBACK; none by default.
   *
   * @param options the transaction's options
   * @return the statements
   */
  public List<String> afterTransaction(TransactionOptions options) {
    return List.of();
  }

  /**
   * @param isolation a level
   * @return its SQL name: {@code REPEATABLE READ}
   */
  protected static String isolationName(Isolation isolation) {
    return isolation.name().replace('_', ' ');
  }

  /**
   * @return whether {@code INSERT ... RETURNING} gives the generated id
   */
  public abstract boolean supportsReturning();

  /**
   * Whether an INSERT of several rows can return their ids ({@code RETURNING}), in the order of its
   * VALUES: PostgreSQL, SQLite 3.35 and MariaDB 10.5 can; MySQL cannot.
   *
   * @return whether it can, or {@code null} while unknown: a MySQL-protocol database learns from
   *     its first connection whether the server is MariaDB
   */
  public @Nullable Boolean bulkReturning() {
    return supportsReturning();
  }

  /**
   * @return whether a cursor lives only inside a transaction (PostgreSQL's portals), so that a
   *     stream outside one begins its own
   */
  public boolean cursorNeedsTransaction() {
    return false;
  }

  /**
   * @return whether an {@code UPDATE} or a {@code DELETE} may read the table it writes in a
   *     subquery of its {@code WHERE}; MySQL refuses it (error 1093), so the rows are selected
   *     through a derived table there
   */
  public boolean writesReadTheirTable() {
    return true;
  }

  /**
   * Whether bulk writes bind one array per column ({@code unnest}) instead of one value per row and
   * column: one statement shape for any number of rows, and far less work per row for the server.
   *
   * @return whether {@link #columnArray} and {@link #arrayOf} are used
   */
  public boolean bulkByArrays() {
    return false;
  }

  /**
   * The values of one column of many rows, each already {@link #encode encoded}, as the array the
   * driver binds; nulls allowed.
   *
   * @param column the column
   * @param encoded the values, in row order
   * @return the array
   */
  public Object columnArray(ColumnSpec column, List<@Nullable Object> encoded) {
    throw new UnsupportedOperationException(name() + " binds bulk writes row by row");
  }

  /**
   * Appends a placeholder bound to a {@link #columnArray}, typed as an array of the column's type.
   *
   * @param sql the statement
   * @param column the column
   */
  public void arrayOf(SqlBuffer sql, ColumnSpec column) {
    throw new UnsupportedOperationException(name() + " binds bulk writes row by row");
  }

  /**
   * @return the most values one statement may bind
   */
  public int maxParams() {
    return 65_535;
  }

  /**
   * Begins an INSERT: {@code INSERT INTO}, or the database's own form for one that skips rows a
   * unique constraint refuses.
   *
   * @param sql the statement
   * @param ignoreConflicts whether rows that conflict are skipped
   */
  public void insertInto(SqlBuffer sql, boolean ignoreConflicts) {
    sql.append("INSERT INTO ");
  }

  /**
   * Appends what an INSERT does with a row that a unique constraint refuses: skip it, or update the
   * row it conflicts with ({@code ON CONFLICT ... DO UPDATE}).
   *
   * @param sql the statement
   * @param update the columns to overwrite with the refused row's values; empty to skip the row
   * @param unique the columns whose unique constraint decides a conflict; used where the database
   *     names one
   */
  public void onConflict(SqlBuffer sql, List<String> update, List<String> unique) {
    if (update.isEmpty()) {
      sql.append(" ON CONFLICT DO NOTHING");
      return;
    }
    sql.append(" ON CONFLICT (");
    for (int i = 0; i < unique.size(); i++) {
      sql.append(i == 0 ? "" : ", ").quoted(unique.get(i));
    }
    sql.append(") DO UPDATE SET ");
    for (int i = 0; i < update.size(); i++) {
      String column = quote(update.get(i));
      sql.append(i == 0 ? "" : ", ").append(column).append(" = EXCLUDED.").append(column);
    }
  }

  /**
   * @return whether {@code SELECT ... FOR UPDATE} locks rows; where it does not (SQLite), a
   *     transaction holds the only write lock anyway
   */
  public boolean supportsForUpdate() {
    return true;
  }

  /**
   * Appends the row lock of a {@code SELECT}; nothing where the database has no row locks.
   *
   * @param sql the statement
   * @param lock the lock
   */
  public void forUpdate(SqlBuffer sql, RowLock lock) {
    if (!supportsForUpdate()) {
      return;
    }
    sql.append(" FOR UPDATE");
    switch (lock) {
      case NOWAIT -> sql.append(" NOWAIT");
      case SKIP_LOCKED -> sql.append(" SKIP LOCKED");
      case WAIT -> {}
    }
  }

  /**
   * What is cached for a query shape: its SQL text, or a plan of several statements.
   *
   * @param shape the shape; it may be a probe that changes after the call, since it is not kept
   * @param <V> the value's type, the same for every shape of one kind
   * @return the cached value, or {@code null} on a miss
   */
  @SuppressWarnings("unchecked") // each kind of shape is always rendered by the same code
  public <V> @Nullable V cached(Object shape) {
    return (V) cache.get(shape);
  }

  /**
   * Caches what a shape renders to, after a miss. Past {@value #MAX_CACHED_SHAPES} shapes the cache
   * stops growing and the value is returned uncached.
   *
   * @param shape the shape, as a key that never changes again
   * @param value what it renders to
   * @param <V> the value's type
   * @return the value now cached for the shape: {@code value}, or one another thread cached first
   */
  @SuppressWarnings("unchecked") // each kind of shape is always rendered by the same code
  public <V> V cache(Object shape, V value) {
    if (cache.size() >= MAX_CACHED_SHAPES) {
      return value;
    }
    Object previous = cache.putIfAbsent(shape, value);
    return previous != null ? (V) previous : value;
  }

  /**
   * The SQLSTATE of a driver's exception, if it carries one.
   *
   * @param error the driver's exception
   * @return the SQLSTATE, or {@code null}
   */
  protected abstract @Nullable String sqlState(Throwable error);

  /**
   * Whether the driver's exception is a unique-constraint violation.
   *
   * @param error the driver's exception
   * @return whether a unique constraint refused the write
   */
  protected abstract boolean isUniqueViolation(Throwable error);

  /**
   * Whether a statement failed only because the client's prepared copy of it is stale: a migration
   * changed a column it returns while the statement was cached on the connection. The client drops
   * the copy, and the statement, prepared again, runs.
   *
   * @param error the driver's exception
   * @return whether running the statement again may succeed
   */
  public boolean isStaleStatement(Throwable error) {
    return false;
  }

  /**
   * Wraps a driver's exception in asyncmodel's, naming the model and the statement.
   *
   * @param error the driver's exception
   * @param model the model the statement was about
   * @param sql the statement
   * @return the exception to fail the Future with
   */
  public RuntimeException translate(Throwable error, String model, String sql) {
    if (error instanceof DatabaseException || error instanceof IllegalStateException) {
      return (RuntimeException) error;
    }
    String state =
        error instanceof io.vertx.sqlclient.DatabaseException db
            ? db.getSqlState()
            : sqlState(error);
    if (error instanceof io.vertx.core.http.ConnectionPoolTooBusyException) {
      return PoolExhaustedException.queueFull(model, sql, error);
    }
    if (isAcquireTimeout(error)) {
      return new PoolExhaustedException(
          "No connection was free within acquire_timeout: every connection of the pool stayed"
              + " busy and nothing was sent; retry later, or raise pool_size or acquire_timeout in"
              + " the database URL ["
              + model
              + ": "
              + sql
              + "]",
          error);
    }
    Integer code = errorCode(error);
    String own = databaseMessage(error);
    String message = describe(error, state, code, own) + " [" + model + ": " + sql + "]";
    if (isTimeout(state, code, own)) {
      return new QueryTimeoutException(message, null, state, code, own, error);
    }
    if (state != null && state.startsWith("23")) {
      return new IntegrityException(message, state, code, own, isUniqueViolation(error), error);
    }
    if (state != null && state.startsWith("22")) {
      return new DataException(message, state, code, own, error);
    }
    return new DatabaseException(message, state, code, own, error);
  }

  /**
   * Whether the database stopped a statement for a time limit of its own (PostgreSQL's {@code
   * statement_timeout}, MariaDB's {@code max_statement_time}).
   *
   * @param state the SQLSTATE, if any
   * @param code the database's error number, if any
   * @param own the database's own message, if any
   * @return whether the error is a timeout
   */
  protected boolean isTimeout(
      @Nullable String state, @Nullable Integer code, @Nullable String own) {
    return false;
  }

  /** The Vert.x pool's failure when a request waited {@code acquire_timeout} for a connection. */
  private static boolean isAcquireTimeout(Throwable error) {
    if (!(error instanceof io.vertx.core.VertxException)) {
      return false;
    }
    String text = error.getMessage();
    return "Timeout".equals(text) || "Timeout waiting for connection".equals(text);
  }

  /**
   * The database's own error number, where it has one beside the SQLSTATE.
   *
   * @param error the driver's exception
   * @return the number, or {@code null}
   */
  protected @Nullable Integer errorCode(Throwable error) {
    return null;
  }

  /**
   * The database's own message, without the driver's decoration.
   *
   * @param error the driver's exception
   * @return the message, or {@code null} when the error did not come from the database
   */
  protected @Nullable String databaseMessage(Throwable error) {
    return null;
  }

  /**
   * The first part of an exception's message: the database's error as its own client shows it.
   *
   * @param error the driver's exception
   * @param state the SQLSTATE, if any
   * @param code the database's error number, if any
   * @param own the database's own message, if any
   * @return the text
   */
  protected String describe(
      Throwable error, @Nullable String state, @Nullable Integer code, @Nullable String own) {
    return String.valueOf(error.getMessage());
  }
}
