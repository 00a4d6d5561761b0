package dev.asyncmodel.internal;

import dev.asyncmodel.Ref;
import dev.asyncmodel.spi.ColumnSpec;
import dev.asyncmodel.spi.ColumnType;
import dev.asyncmodel.spi.RowReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Statements the user writes ({@code QuerySet.raw}, {@code Database.execute}): {@code ?}
 * placeholders on every backend, turned into the database's own; values bound, never formatted into
 * the text, each encoded as the runtime encodes a column of its Java type.
 */
public final class RawSql {
  private RawSql() {}

  /** The text of a raw statement for a dialect, and how many values it binds. */
  record Parsed(String text, int placeholders) {}

  /**
   * @param dialect the database's dialect
   * @param sql the user's SQL, with {@code ?} placeholders
   * @param params the values
   * @param model what the statement is about, for errors
   * @return the statement to run
   * @throws IllegalArgumentException when the values do not match the placeholders, or a value has
   *     no column type
   */
  public static Statement statement(
      Dialect dialect, String sql, @Nullable Object[] params, String model) {
    Parsed parsed = parse(dialect, sql);
    if (parsed.placeholders() != params.length) {
      throw new IllegalArgumentException(
          "The statement has "
              + parsed.placeholders()
              + " placeholder(s) (?) but "
              + params.length
              + " value(s) were given: "
              + sql);
    }
    List<Object> encoded = new ArrayList<>(params.length);
    for (int i = 0; i < params.length; i++) {
      encoded.add(encode(dialect, params[i], i + 1));
    }
    return new Statement(parsed.text(), encoded, model);
  }

  /** The dialect's text of {@code sql}, cached per dialect: each raw statement is parsed once. */
  private static Parsed parse(Dialect dialect, String sql) {
    RawKey key = new RawKey(sql);
    Parsed cached = dialect.cached(key);
    if (cached != null) {
      return cached;
    }
    SqlBuffer out = new SqlBuffer(dialect);
    int placeholders = 0;
    StringBuilder run = new StringBuilder();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        int end = sql.indexOf(c, i + 1);
        while (end >= 0 && end + 1 < sql.length() && sql.charAt(end + 1) == c) {
          end = sql.indexOf(c, end + 2); // a doubled quote inside the literal
        }
        if (end < 0) {
          throw new IllegalArgumentException("Unterminated " + c + " in the statement: " + sql);
        }
        run.append(sql, i, end + 1);
        i = end + 1;
      } else if (c == '-' && sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? sql.length() : end;
        run.append(sql, i, end);
        i = end;
      } else if (c == '/' && sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        if (end < 0) {
          throw new IllegalArgumentException("Unterminated comment in the statement: " + sql);
        }
        run.append(sql, i, end + 2);
        i = end + 2;
      } else if (c == '?') {
        out.append(run.toString()).param();
        run.setLength(0);
        placeholders++;
        i++;
      } else {
        run.append(c);
        i++;
      }
    }
    out.append(run.toString());
    return dialect.cache(key, new Parsed(out.toString(), placeholders));
  }

  /** The cache key of a raw statement: never equal to a query's shape. */
  private record RawKey(String sql) {}

  private static final Map<Class<?>, ColumnType> TYPES =
      Map.ofEntries(
          Map.entry(Long.class, ColumnType.LONG),
          Map.entry(Integer.class, ColumnType.INT),
          Map.entry(Short.class, ColumnType.SHORT),
          Map.entry(Boolean.class, ColumnType.BOOLEAN),
          Map.entry(Double.class, ColumnType.DOUBLE),
          Map.entry(Float.class, ColumnType.FLOAT),
          Map.entry(String.class, ColumnType.STRING),
          Map.entry(BigDecimal.class, ColumnType.DECIMAL),
          Map.entry(Instant.class, ColumnType.INSTANT),
          Map.entry(OffsetDateTime.class, ColumnType.OFFSET_DATE_TIME),
          Map.entry(LocalDate.class, ColumnType.LOCAL_DATE),
          Map.entry(LocalDateTime.class, ColumnType.LOCAL_DATE_TIME),
          Map.entry(LocalTime.class, ColumnType.LOCAL_TIME),
          Map.entry(UUID.class, ColumnType.UUID),
          Map.entry(byte[].class, ColumnType.BYTES));

  /** A value as the runtime binds a column of its Java type; a {@code Ref} as its id. */
  private static @Nullable Object encode(Dialect dialect, @Nullable Object value, int position) {
    if (value == null) {
      return null;
    }
    Object plain = value instanceof Ref<?> ref ? (Object) ref.id() : value;
    ColumnType type = plain instanceof Enum<?> ? ColumnType.ENUM : TYPES.get(plain.getClass());
    if (type == null) {
      throw new IllegalArgumentException(
          "Value "
              + position
              + " of the statement is a "
              + plain.getClass().getName()
              + ", which has no column type: bind a String, a number, a BigDecimal, a boolean,"
              + " a java.time value, a UUID, a byte[], an enum or a Ref");
    }
    int scale = plain instanceof BigDecimal decimal ? Math.max(decimal.scale(), 0) : 0;
    ColumnSpec spec = ColumnSpec.of(0, "?", "?", type);
    if (type == ColumnType.DECIMAL) {
      spec = spec.withDecimal(Math.max(scale + 1, ((BigDecimal) plain).precision()), scale);
    }
    return dialect.encode(spec, ColumnValues.exact(spec, plain));
  }

  /**
   * A mapper of rows to a model whose columns may come in any order: each column of the model is
   * found in the result by name, as Django's {@code raw()} maps them.
   *
   * @param columns the model's columns, in component order
   * @param model the model's name, for the error
   * @param read the model's mapper, which reads columns in component order
   * @param <T> the model
   * @return a function from the result's column names to the mapper
   */
  public static <T> Function<List<String>, Function<RowReader, T>> byName(
      List<String> columns, String model, Function<RowReader, T> read) {
    return names -> {
      int[] positions = new int[columns.size()];
      List<String> missing = new ArrayList<>();
      List<String> lower = new ArrayList<>(names.size());
      for (String name : names) {
        lower.add(name.toLowerCase(Locale.ROOT));
      }
      for (int c = 0; c < columns.size(); c++) {
        int at = lower.indexOf(columns.get(c).toLowerCase(Locale.ROOT));
        if (at < 0) {
          missing.add(columns.get(c));
        }
        positions[c] = at;
      }
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException(
            "raw() must select every column of "
                + model
                + ", by name: missing "
                + String.join(", ", missing)
                + " (the result has "
                + String.join(", ", names)
                + ")");
      }
      RemappedRow row = new RemappedRow(positions);
      return reader -> read.apply(row.over(reader));
    };
  }

  /** A row reader that reads column {@code i} of the model from its position in the result. */
  private static final class RemappedRow implements RowReader {
    private final int[] positions;
    private @Nullable RowReader row;

    RemappedRow(int[] positions) {
      this.positions = positions;
    }

    RowReader over(RowReader next) {
      row = next;
      return this;
    }

    private RowReader row() {
      RowReader r = row;
      if (r == null) {
        throw new IllegalStateException("No row");
      }
      return r;
    }

    @Override
    public @Nullable Long getLong(int i) {
      return row().getLong(positions[i]);
    }

    @Override
    public @Nullable Integer getInteger(int i) {
      return row().getInteger(positions[i]);
    }

    @Override
    public @Nullable Short getShort(int i) {
      return row().getShort(positions[i]);
    }

    @Override
    public @Nullable Boolean getBoolean(int i) {
      return row().getBoolean(positions[i]);
    }

    @Override
    public @Nullable Double getDouble(int i) {
      return row().getDouble(positions[i]);
    }

    @Override
    public @Nullable Float getFloat(int i) {
      return row().getFloat(positions[i]);
    }

    @Override
    public @Nullable String getString(int i) {
      return row().getString(positions[i]);
    }

    @Override
    public @Nullable BigDecimal getDecimal(int i, int scale) {
      return row().getDecimal(positions[i], scale);
    }

    @Override
    public @Nullable Instant getInstant(int i) {
      return row().getInstant(positions[i]);
    }

    @Override
    public @Nullable OffsetDateTime getOffsetDateTime(int i) {
      return row().getOffsetDateTime(positions[i]);
    }

    @Override
    public @Nullable LocalDate getLocalDate(int i) {
      return row().getLocalDate(positions[i]);
    }

    @Override
    public @Nullable LocalDateTime getLocalDateTime(int i) {
      return row().getLocalDateTime(positions[i]);
    }

    @Override
    public @Nullable LocalTime getLocalTime(int i) {
      return row().getLocalTime(positions[i]);
    }

    @Override
    public @Nullable UUID getUuid(int i) {
      return row().getUuid(positions[i]);
    }

    @Override
    public byte @Nullable [] getBytes(int i) {
      return row().getBytes(positions[i]);
    }
  }
}
