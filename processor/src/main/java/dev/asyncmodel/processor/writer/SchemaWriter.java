package dev.asyncmodel.processor.writer;

import dev.asyncmodel.processor.model.ColumnInfo;
import dev.asyncmodel.processor.model.ModelInfo;
import dev.asyncmodel.processor.writer.ddl.DdlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a model's DDL for each database, with the column types of Django's tables (DESIGN.md's
 * table): {@code CREATE TABLE IF NOT EXISTS}, foreign keys without {@code ON DELETE} (asyncmodel
 * cascades itself, as Django does), an index on each foreign key. The runtime's {@code
 * createTables} runs these, from each model's file ({@link ModelFileWriter}); a migration tool can
 * take the per-database script of {@link #writeAll} as a baseline. Input: valid {@link ModelInfo}s.
 * Output: SQL text.
 */
public final class SchemaWriter {
  private SchemaWriter() {}

  /**
   * @param model a valid model
   * @param dialect the database
   * @return its DDL, statements ending in a semicolon at the end of a line
   */
  public static String write(ModelInfo model, DdlDialect dialect) {
    StringBuilder sql = new StringBuilder();
    sql.append("-- ")
        .append(model.record().canonicalName())
        .append(" (")
        .append(dialect.name())
        .append("), written by asyncmodel's processor.\n");
    sql.append("CREATE TABLE IF NOT EXISTS ").append(dialect.quote(model.table())).append(" (\n");
    List<String> lines = new ArrayList<>();
    List<String> constraints = new ArrayList<>();
    for (ColumnInfo column : model.fields()) {
      StringBuilder line = new StringBuilder("  ");
      line.append(dialect.quote(column.column())).append(' ').append(dialect.columnType(column));
      if (column.primaryKey()) {
        line.append(dialect.primaryKeyClause());
      } else {
        line.append(column.nullable() ? " NULL" : " NOT NULL");
        if (column.unique()) {
          line.append(" UNIQUE");
        }
        line.append(dialect.columnCheck(column));
      }
      if (column.target() != null) {
        line.append(dialect.inlineForeignKey(column));
        dialect.foreignKeyConstraint(column).ifPresent(c -> constraints.add("  " + c));
      }
      lines.add(line.toString());
    }
    lines.addAll(constraints);
    sql.append(String.join(",\n", lines))
        .append("\n)")
        .append(dialect.tableOptions())
        .append(";\n");
    for (ColumnInfo column : model.fields()) {
      // Django indexes a foreign key, unless it is unique (a OneToOneField): UNIQUE indexes it.
      if (column.target() != null && !column.unique()) {
        dialect
            .foreignKeyIndex(model.table(), column)
            .ifPresent(index -> sql.append(index).append(";\n"));
      }
    }
    return sql.toString();
  }

  /**
   * Every model's DDL in one script, each table after the tables it references, and otherwise in
   * the order of the records' names.
   *
   * @param models valid models
   * @param dialect the database
   * @return the script
   */
  public static String writeAll(List<ModelInfo> models, DdlDialect dialect) {
    // By name, so that the script does not depend on the order the compiler lists the records in,
    // which follows the order of the source files on its command line.
    Map<String, ModelInfo> byRecord = new TreeMap<>();
    for (ModelInfo model : models) {
      byRecord.put(model.record().canonicalName(), model);
    }
    List<ModelInfo> ordered = new ArrayList<>();
    for (ModelInfo model : byRecord.values()) {
      visit(model, byRecord, ordered, new ArrayList<>());
    }
    StringBuilder sql = new StringBuilder();
    for (ModelInfo model : ordered) {
      sql.append(write(model, dialect)).append('\n');
    }
    return sql.toString();
  }

  private static void visit(
      ModelInfo model,
      Map<String, ModelInfo> byRecord,
      List<ModelInfo> ordered,
      List<ModelInfo> path) {
    if (ordered.contains(model) || path.contains(model)) {
      return; // a cycle keeps the order it was found in
    }
    path.add(model);
    for (ColumnInfo field : model.fields()) {
      if (field.target() != null) {
        ModelInfo target = byRecord.get(field.target().record().canonicalName());
        if (target != null && target != model) {
          visit(target, byRecord, ordered, path);
        }
      }
    }
    path.remove(path.size() - 1);
    ordered.add(model);
  }
}
