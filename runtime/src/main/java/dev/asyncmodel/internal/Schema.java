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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the DDL the processor wrote for each model: {@code
 * META-INF/asyncmodel/schema/<dialect>/<record binary name>.sql}, statements ending in a semicolon
 * at the end of a line. The SQL comes from the processor, never from user input.
 */
public final class Schema {
  private Schema() {}

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

  /** The statements of one model's DDL for a dialect. */
  static List<String> ddl(Dialect dialect, Model<?> model) {
    Class<?> type = model.type();
    String resource =
        "META-INF/asyncmodel/schema/" + dialect.name() + "/" + type.getName() + ".sql";
    ClassLoader loader =
        type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "No DDL for "
                + model.name()
                + " on "
                + dialect.name()
                + " ("
                + resource
                + "): compile "
                + type.getName()
                + " with this version's asyncmodel-processor");
      }
      return statements(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
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
