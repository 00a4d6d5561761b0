package dev.asyncmodel.processor.model;

/**
 * The column kinds, one per supported Java type. Each but {@link #REF} has a runtime {@code
 * ColumnType} constant of the same name; a foreign key's column holds the target's id, a {@code
 * LONG}.
 */
public enum ColumnKind {
  LONG("getLong", "bigint"),
  INT("getInteger", "integer"),
  SHORT("getShort", "smallint"),
  BOOLEAN("getBoolean", "boolean"),
  DOUBLE("getDouble", "double precision"),
  FLOAT("getFloat", "real"),
  STRING("getString", "text"),
  DECIMAL("getDecimal", "numeric"),
  INSTANT("getInstant", "timestamp with time zone"),
  OFFSET_DATE_TIME("getOffsetDateTime", "timestamp with time zone"),
  LOCAL_DATE("getLocalDate", "date"),
  LOCAL_DATE_TIME("getLocalDateTime", "timestamp"),
  LOCAL_TIME("getLocalTime", "time"),
  UUID("getUuid", "uuid"),
  BYTES("getBytes", "bytea"),
  ENUM("getEnum", "varchar"),
  REF("getRef", "bigint");

  private final String reader;
  private final String sqlType;

  ColumnKind(String reader, String sqlType) {
    this.reader = reader;
    this.sqlType = sqlType;
  }

  /** The {@code RowReader} method that reads this kind. */
  public String reader() {
    return reader;
  }

  /** The PostgreSQL type, for Javadoc. */
  public String sqlType() {
    return sqlType;
  }

  /** The runtime {@code ColumnType} constant. */
  public String columnType() {
    return this == REF ? LONG.name() : name();
  }
}
