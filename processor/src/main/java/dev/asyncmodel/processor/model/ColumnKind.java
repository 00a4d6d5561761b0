package dev.asyncmodel.processor.model;

/**
 * The column kinds, one per supported Java type. Each but {@link #REF} and the two JSON kinds has a
 * runtime {@code ColumnType} constant of the same name; a foreign key's column holds the target's
 * id, a {@code LONG}, and a {@code JsonObject} or {@code JsonArray} column is a {@code JSON} one.
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
  JSON_OBJECT("getJsonObject", "jsonb"),
  JSON_ARRAY("getJsonArray", "jsonb"),
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

  /** The runtime {@code ColumnType} constant: one {@code JSON} for objects and arrays. */
  public String columnType() {
    return switch (this) {
      case REF -> LONG.name();
      case JSON_OBJECT, JSON_ARRAY -> "JSON";
      default -> name();
    };
  }

  /** Whether the column is Django's {@code JSONField}. */
  public boolean isJson() {
    return this == JSON_OBJECT || this == JSON_ARRAY;
  }
}
