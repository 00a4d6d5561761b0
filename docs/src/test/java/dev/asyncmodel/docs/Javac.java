package dev.asyncmodel.docs;

import dev.asyncmodel.processor.AsyncModelProcessor;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * javac, in process, with asyncmodel's processor and the options users are told to build with, read
 * from getting-started.md ({@link DocumentedBuild}). The class path is the test's own (the runtime,
 * Vert.x, JSpecify), after the directories a compilation adds.
 */
final class Javac {
  private Javac() {}

  private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

  /** One file manager for every compilation, so that each jar of the class path is read once. */
  private static final StandardJavaFileManager FILES =
      JAVAC.getStandardFileManager(null, null, StandardCharsets.UTF_8);

  /** The options every snippet is compiled with: getting-started.md's compiler flags. */
  static final List<String> OPTIONS = DocumentedBuild.javacOptions();

  /**
   * What a compilation gave.
   *
   * @param success whether it compiled without an error (or a warning, under {@code -Werror})
   * @param errors where each error is: the file's name and the line
   * @param report the diagnostics, then each source with line numbers, for a failure message
   */
  record Result(boolean success, List<Position> errors, String report) {}

  /**
   * Where a diagnostic points.
   *
   * @param file the source file's name, without directories
   * @param line the line, from 1
   */
  record Position(String file, long line) {}

  /**
   * Compiles sources into {@code dir/classes}, writing them first to {@code dir/src} and the
   * generated sources to {@code dir/generated}.
   *
   * @param dir a directory of this compilation's own, emptied first
   * @param sources the sources, by path below a source root
   * @param classpath directories to put before the test's class path
   * @return the result
   */
  static Result compile(Path dir, Map<String, String> sources, List<Path> classpath) {
    try {
      delete(dir);
      Path src = Files.createDirectories(dir.resolve("src"));
      Path generated = Files.createDirectories(dir.resolve("generated"));
      Path classes = Files.createDirectories(dir.resolve("classes"));
      List<File> files = new ArrayList<>();
      for (Map.Entry<String, String> source : sources.entrySet()) {
        Path file = src.resolve(source.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
        files.add(file.toFile());
      }
      List<String> options = new ArrayList<>(OPTIONS);
      options.addAll(
          List.of(
              "-d",
              classes.toString(),
              "-s",
              generated.toString(),
              "-sourcepath",
              src.toString(),
              "-classpath",
              classpath(classpath)));

      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      boolean success;
      synchronized (JAVAC) {
        JavaCompiler.CompilationTask task =
            JAVAC.getTask(
                null, FILES, diagnostics, options, null, FILES.getJavaFileObjectsFromFiles(files));
        task.setProcessors(List.of(new AsyncModelProcessor()));
        success = task.call();
      }
      List<Position> errors = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null) {
          errors.add(
              new Position(
                  Path.of(d.getSource().toUri()).getFileName().toString(), d.getLineNumber()));
        }
      }
      return new Result(success, errors, report(diagnostics.getDiagnostics(), sources));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The given directories, then the entries of the test's class path that exist. */
  private static String classpath(List<Path> first) {
    List<String> entries = new ArrayList<>();
    for (Path dir : first) {
      entries.add(dir.toString());
    }
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isEmpty() && Files.exists(Path.of(entry))) {
        entries.add(entry);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static String report(
      List<Diagnostic<? extends JavaFileObject>> diagnostics, Map<String, String> sources) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
      String file = d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName() + ":";
      out.append(file)
          .append(d.getLineNumber())
          .append(": ")
          .append(d.getKind().name().toLowerCase(java.util.Locale.ROOT))
          .append(": ")
          .append(d.getMessage(null))
          .append('\n');
    }
    for (Map.Entry<String, String> source : sources.entrySet()) {
      out.append("\n--- ").append(source.getKey()).append('\n');
      List<String> lines = source.getValue().lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        out.append(String.format("%4d  %s%n", i + 1, lines.get(i)));
      }
    }
    return out.toString();
  }

  /** Deletes a directory tree, if it exists. */
  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
