package dev.asyncmodel.internal;

import dev.asyncmodel.Field;
import dev.asyncmodel.Model;
import dev.asyncmodel.RefField;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Runs the DDL the processor wrote for each model, and reads the file it is in. The processor
 * writes one file per model, {@code META-INF/asyncmodel/models/<record binary name>}, UTF-8 text:
 *
 * <pre>
 * com.example.Transactions                 the companion's class name, alone on the first line
 * -- asyncmodel:postgresql                 a section marker: "-- asyncmodel:" and a database
 * -- com.example.Transaction (postgresql), written by asyncmodel's processor.
 * CREATE TABLE IF NOT EXISTS "transaction" (
 *   ...
 * );                                       that database's DDL
 * -- asyncmodel:mysql                      the next section, up to the end of the file
 * ...
 * </pre>
 *
 * <p>A section runs from its marker line (a line that starts with {@link #SECTION}) to the next one
 * or the end of the file; its name is a {@link Dialect#name()}. The DDL never holds a line that
 * starts with the marker (the processor checks). Its statements end in a semicolon at the end of a
 * line, and lines starting with {@code --} are comments. A file of an older processor holds the
 * first line only: the companion is found, and {@link #ddl} fails with what to do. The SQL comes
 * from the processor, never from user input. The writer is the processor's {@code ModelFileWriter}:
 * change both together.
 */
public final class Schema {
  private Schema() {}

  /** The folder of the models' files. */
  static final String DIRECTORY = "META-INF/asyncmodel/models/";

  /** The start of a section's marker line; the database's name follows it. */
  static final String SECTION = "-- asyncmodel:";

  /**
   * A model's file, read.
   *
   * @param resource its path, for messages
   * @param companion the companion's class name
   * @param ddl each database's DDL, by dialect name; empty for a file of an older processor
   */
  public record ModelFile(String resource, String companion, Map<String, String> ddl) {}

  /**
   * Creates the models' tables, and those of the models they reference, referenced tables first.
   *
   * @param session where to run the statements
   * @param models the models
   * @return a Future completed when every statement ran
   */
  public static Future<Void> create(Session session, Model<?>... models) {
    List<String> statements = new ArrayList<>();
    List<String> owners = new ArrayList<>();
    try {
      for (Model<?> model : order(models)) {
        for (String statement : ddl(session.dialect(), model)) {
          statements.add(statement);
          owners.add(model.name());
        }
      }
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    Future<Void> done = Future.succeededFuture();
    for (int i = 0; i < statements.size(); i++) {
      Statement statement = new Statement(statements.get(i), List.of(), owners.get(i));
      done = done.compose(ignored -> session.update(statement).<Void>mapEmpty());
    }
    return done;
  }

  /** The models and every model they reference, each after the models it references. */
  static List<Model<?>> order(Model<?>... models) {
    Set<Model<?>> ordered = new LinkedHashSet<>();
    for (Model<?> model : models) {
      visit(model, ordered, new ArrayList<>());
    }
    return List.copyOf(ordered);
  }

  private static void visit(Model<?> model, Set<Model<?>> ordered, List<Model<?>> path) {
    if (ordered.contains(model)) {
      return;
    }
    if (path.contains(model)) {
      throw new IllegalStateException(
          "The foreign keys of " + path + " form a cycle: create these tables with your own DDL");
    }
    path.add(model);
    for (Field<?> field : model.fields()) {
      if (field instanceof RefField<?, ?> ref && ref.target() != model) {
        visit(ref.target(), ordered, path);
      }
    }
    path.remove(path.size() - 1);
    ordered.add(model);
  }

  /** The statements of one model's DDL for a dialect, read from its file each time. */
  static List<String> ddl(Dialect dialect, Model<?> model) {
    Class<?> type = model.type();
    ClassLoader loader =
        type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
    ModelFile file;
    try {
      file = read(loader, type);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + DIRECTORY + type.getName(), e);
    }
    String ddl = file == null ? null : file.ddl().get(dialect.name());
    if (ddl == null) {
      throw new IllegalStateException(
          "No DDL for "
              + model.name()
              + " on "
              + dialect.name()
              + " in "
              + DIRECTORY
              + type.getName()
              + (file == null ? " (no such resource)" : "")
              + ": compile "
              + type.getName()
              + " with this version's asyncmodel-processor, in a clean build (an incremental"
              + " build can keep the files an older processor wrote)");
    }
    return statements(ddl);
  }

  /**
   * Reads a model's file (the format is in this class's documentation). Nothing is cached: each
   * call reads the resource.
   *
   * @param loader the class loader to read it from
   * @param type the record class
   * @return the file, or null if the loader has none for this record
   * @throws IOException if it cannot be read
   * @throws IllegalStateException if it is not in the format
   */
  public static @Nullable ModelFile read(ClassLoader loader, Class<?> type) throws IOException {
    String resource = DIRECTORY + type.getName();
    String text;
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return parse(resource, text);
  }

  /** Splits a model file's text into the companion's name and the sections. */
  static ModelFile parse(String resource, String text) {
    int firstEnd = text.indexOf('\n');
    String companion = (firstEnd < 0 ? text : text.substring(0, firstEnd)).strip();
    if (companion.isEmpty() || companion.startsWith(SECTION)) {
      throw new IllegalStateException(
          resource
              + " does not start with the companion's class name: rebuild "
              + "the project so that asyncmodel-processor writes it again");
    }
    Map<String, String> ddl = new LinkedHashMap<>();
    String section = null;
    int sectionStart = -1;
    int start = firstEnd < 0 ? text.length() : firstEnd + 1;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      int next = end < 0 ? text.length() : end + 1;
      if (text.startsWith(SECTION, start)) {
        if (section != null) {
          put(resource, ddl, section, text.substring(sectionStart, start));
        }
        section = text.substring(start + SECTION.length(), end < 0 ? text.length() : end).strip();
        sectionStart = next;
      } else if (section == null && !text.substring(start, next).isBlank()) {
        throw new IllegalStateException(
            resource
                + " has text between the companion's name and the first \""
                + SECTION
                + "\" line: rebuild the project so that asyncmodel-processor writes it again");
      }
      start = next;
    }
    if (section != null) {
      put(resource, ddl, section, text.substring(sectionStart));
    }
    return new ModelFile(resource, companion, Collections.unmodifiableMap(ddl));
  }

  private static void put(String resource, Map<String, String> ddl, String section, String text) {
    if (section.isEmpty() || ddl.putIfAbsent(section, text) != null) {
      throw new IllegalStateException(
          resource
              + (section.isEmpty()
                  ? " has a section without a database name"
                  : " has two " + section + " sections")
              + ": rebuild the project so that asyncmodel-processor writes it again");
    }
  }

  /** Splits a script at semicolons that end a line, leaving out comment lines. */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      if (line.strip().startsWith("--") || line.isBlank()) {
        continue;
      }
      current.append(line).append('\n');
      if (line.stripTrailing().endsWith(";")) {
        String statement = current.toString().strip();
        statements.add(statement.substring(0, statement.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return statements;
  }
}
