package dev.asyncmodel.processor.writer.ddl;

import dev.asyncmodel.processor.model.ColumnInfo;
import java.util.Optional;

/**
 * MySQL's and MariaDB's DDL: backquoted names, foreign keys as table constraints (InnoDB ignores a
 * {@code REFERENCES} on a column), InnoDB and utf8mb4 for every table.
 */
final class MysqlDdl implements DdlDialect {
  @Override
  public String name() {
    return "mysql";
  }

  @Override
  public String quote(String name) {
    return '`' + name.replace("`", "``") + '`';
  }

  @Override
  public String primaryKeyClause() {
    return " AUTO_INCREMENT NOT NULL PRIMARY KEY";
  }

  @Override
  public String columnType(ColumnInfo column) {
    return switch (column.kind()) {
      case LONG -> "bigint";
      case REF -> intKey(column) ? "integer" : "bigint";
      case INT -> "integer";
      case SHORT -> "smallint";
      case BOOLEAN -> "bool";
      case DOUBLE -> "double precision";
      case FLOAT -> "real";
      case STRING -> column.maxLength() > 0 ? "varchar(" + column.maxLength() + ")" : "longtext";
      case DECIMAL -> "numeric(" + column.maxDigits() + ", " + column.decimalPlaces() + ")";
      case INSTANT, OFFSET_DATE_TIME, LOCAL_DATE_TIME -> "datetime(6)";
      case LOCAL_DATE -> "date";
      case LOCAL_TIME -> "time(6)";
      case UUID -> "char(32)";
      case BYTES -> "longblob";
      case ENUM -> "varchar(255)";
      // MariaDB makes it longtext with a CHECK (JSON_VALID(...)) of its own, as for Django.
      case JSON_OBJECT, JSON_ARRAY -> "json";
    };
  }

  @Override
  public String inlineForeignKey(ColumnInfo column) {
    return "";
  }

  @Override
  public Optional<String> foreignKeyConstraint(ColumnInfo column) {
    return Optional.of(
        "FOREIGN KEY (" + quote(column.column()) + ") " + references(column.target()));
  }

  @Override
  public String tableOptions() {
    return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
  }

  /** InnoDB indexes every foreign key itself. */
  @Override
  public Optional<String> foreignKeyIndex(String table, ColumnInfo column) {
    return Optional.empty();
  }
}
