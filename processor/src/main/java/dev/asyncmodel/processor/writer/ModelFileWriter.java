package dev.asyncmodel.processor.writer;

import dev.asyncmodel.processor.model.ModelInfo;
import dev.asyncmodel.processor.writer.ddl.DdlDialect;

/**
 * Writes a model's one resource, {@code META-INF/asyncmodel/models/<record binary name>}, which the
 * runtime reads to find the record's companion ({@code ModelMeta}) and the model's DDL ({@code
 * Schema}, for {@code Database.createTables}). One file per model, because javac's Filer does work
 * per file it creates. The format, UTF-8 text with {@code \n} line ends:
 *
 * <pre>
 * com.example.Transactions                 the companion's class name, alone on the first line
 * -- asyncmodel:postgresql                 a section marker: "-- asyncmodel:" and a database
 * -- com.example.Transaction (postgresql), written by asyncmodel's processor.
 * CREATE TABLE IF NOT EXISTS "transaction" (
 *   ...
 * );                                       that database's DDL, as {@link SchemaWriter#write}
 * -- asyncmodel:mysql                      the next section, up to the end of the file
 * ...
 * </pre>
 *
 * <p>A section runs from its marker line to the next marker line or the end of the file; there is
 * one per database of {@link DdlDialect#ALL}, in that order. A marker is a whole line that starts
 * with {@link #SECTION}. The DDL cannot hold such a line: its lines start with {@code CREATE}, two
 * spaces, {@code )}, or {@code -- } and a record's canonical name (Java names have no colon), and
 * its identifiers are checked SQL names (no line breaks). {@link #write} still checks, and fails
 * rather than write a file the runtime would misread. The marker is an SQL comment, so each
 * section, marker included, is also a valid script.
 *
 * <p>A file of an older processor holds the first line only; the runtime then finds the companion
 * but no DDL. The reader is {@code dev.asyncmodel.internal.Schema} in the runtime: change both
 * together.
 */
public final class ModelFileWriter {
  private ModelFileWriter() {}

  /** The folder of the models' files, in the class output. */
  public static final String DIRECTORY = "META-INF/asyncmodel/models/";

  /** The start of a section's marker line; the database's name follows it. */
  public static final String SECTION = "-- asyncmodel:";

  /**
   * @param model a valid model
   * @return the path of its file in the class output
   */
  public static String path(ModelInfo model) {
    return DIRECTORY + model.binaryName();
  }

  /**
   * @param model a valid model
   * @return the text of its file
   * @throws IllegalStateException if a line of the DDL would read as a section marker
   */
  public static String write(ModelInfo model) {
    StringBuilder text = new StringBuilder(2048);
    text.append(model.companion().canonicalName()).append('\n');
    for (DdlDialect dialect : DdlDialect.ALL) {
      String ddl = SchemaWriter.write(model, dialect);
      if (ddl.startsWith(SECTION) || ddl.contains("\n" + SECTION)) {
        throw new IllegalStateException(
            "The "
                + dialect.name()
                + " DDL of "
                + model.record().canonicalName()
                + " has a line starting with \""
                + SECTION
                + "\", which the runtime would read as a new section: a bug in SchemaWriter");
      }
      text.append(SECTION).append(dialect.name()).append('\n').append(ddl);
      if (!ddl.endsWith("\n")) {
        text.append('\n');
      }
    }
    return text.toString();
  }
}
