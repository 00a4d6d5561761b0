package dev.asyncmodel.processor.writer.ddl;

import dev.asyncmodel.processor.model.ColumnInfo;

/**
 * SQLite's DDL: Django's declared types for it (SQLite keeps them as written and maps them to its
 * storage classes), and an {@code integer} {@code @Id}, which makes the column the rowid.
 */
final class SqliteDdl implements DdlDialect {
  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public String primaryKeyClause() {
    return " NOT NULL PRIMARY KEY AUTOINCREMENT";
  }

  @Override
  public String columnType(ColumnInfo column) {
    return switch (column.kind()) {
      // AUTOINCREMENT is allowed only on an INTEGER PRIMARY KEY, spelled so.
      case LONG -> column.primaryKey() ? "integer" : "bigint";
      case REF -> intKey(column) ? "integer" : "bigint";
      case INT -> "integer";
      case SHORT -> "smallint";
      case BOOLEAN -> "bool";
      case DOUBLE, FLOAT -> "real";
      case STRING -> column.maxLength() > 0 ? "varchar(" + column.maxLength() + ")" : "text";
      case DECIMAL -> "decimal";
      case INSTANT, OFFSET_DATE_TIME, LOCAL_DATE_TIME -> "datetime";
      case LOCAL_DATE -> "date";
      case LOCAL_TIME -> "time";
      case UUID -> "char(32)";
      case BYTES -> "BLOB";
      case ENUM -> "varchar";
      case JSON_OBJECT, JSON_ARRAY -> "text";
    };
  }

  /** Django's JSONField check on SQLite, which has no JSON type: the text must be valid JSON. */
  @Override
  public String columnCheck(ColumnInfo column) {
    if (!column.kind().isJson()) {
      return "";
    }
    String name = quote(column.column());
    return " CHECK ((JSON_VALID(" + name + ") OR " + name + " IS NULL))";
  }
}
