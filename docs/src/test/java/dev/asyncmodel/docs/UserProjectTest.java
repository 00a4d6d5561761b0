package dev.asyncmodel.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * A project set up as README.md and getting-started.md say, built with javac in process: the
 * runtime and what it brings on the class path, with {@code vertx-codegen-api} and {@code
 * vertx-codegen-json} as the page's compiler warnings section adds them; the processor and its
 * dependencies on the processor path, where javac finds it by its service file, as Maven's {@code
 * annotationProcessorPaths} and Gradle's {@code annotationProcessor} give it; and the page's
 * compiler flags. The sources are the page's models and {@code Main}, and a record with a
 * {@code @Nullable} foreign key.
 */
class UserProjectTest {
  private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

  private static final String NOTE =
      """
      package com.example;

      import dev.asyncmodel.AsyncModel;
      import dev.asyncmodel.ForeignKey;
      import dev.asyncmodel.Id;
      import dev.asyncmodel.MaxLength;
      import dev.asyncmodel.OnDelete;
      import dev.asyncmodel.Ref;
      import org.jspecify.annotations.Nullable;

      @AsyncModel
      public record Note(
          @Id Long id,
          @ForeignKey(onDelete = OnDelete.SET_NULL) @Nullable Ref<User> author,
          @MaxLength(500) @Nullable String text) {}
      """;

  /**
   * What a build gave.
   *
   * @param success whether javac succeeded
   * @param diagnostics every diagnostic, as {@code kind: message}
   * @param generated the generated sources, by path below the source output
   * @param classFiles how many class files javac wrote
   */
  private record Build(
      boolean success, List<String> diagnostics, List<String> generated, long classFiles) {}

  @Test
  void mavenAndGradleGiveTheSameCompilerFlags() {
    assertEquals(DocumentedBuild.mavenCompilerArgs(), DocumentedBuild.gradleCompilerArgs());
  }

  @Test
  void projectSetUpAsDocumentedCompilesWithoutAWarning() throws IOException {
    Build build = build("documented", DocumentedBuild.javacOptions());
    assertTrue(build.success(), () -> String.join("\n", build.diagnostics()));
    assertEquals(List.of(), build.diagnostics());
    for (String model : List.of("User", "Transaction", "Note")) {
      String companion = model.equals("Transaction") ? "Transactions" : model + "s";
      assertTrue(build.generated().contains("com/example/" + companion + ".java"), build::toString);
      assertTrue(
          build.generated().contains("com/example/" + model + "QuerySet.java"), build::toString);
    }
  }

  /**
   * Why the page's flags leave out {@code processing}: with it, javac lists the {@code @Generated}
   * of the generated classes as unclaimed, and nothing else, and {@code -Werror} stops the build.
   * The page quotes both lines.
   */
  @Test
  void underXlintAllTheOnlyWarningIsTheUnclaimedGeneratedAnnotation() throws IOException {
    Build build =
        build(
            "xlint-all", List.of("-Xlint:all", "-Werror", "--release", DocumentedBuild.release()));
    assertFalse(build.success(), build::toString);
    List<String> expected =
        List.of(
            "warning: No processor claimed any of these annotations:"
                + " java.compiler/javax.annotation.processing.Generated",
            "error: warnings found and -Werror specified");
    assertEquals(expected, build.diagnostics());
    assertEquals(0, build.classFiles(), build::toString);
    String quoted = DocumentedBuild.block("text", "No processor claimed");
    assertEquals(expected, quoted.lines().toList());
  }

  private static Build build(String name, List<String> flags) throws IOException {
    Path dir = Docs.dir().resolve("target/user-project").resolve(name);
    Map<String, String> sources = new LinkedHashMap<>();
    for (Markdown.Block block : Docs.javaBlocks(DocumentedBuild.PAGE)) {
      if (JavaBlocks.isUnit(block.code())) {
        sources.put(JavaBlocks.unitPath(block.code()), block.code());
      }
    }
    sources.put("com/example/Note.java", NOTE);
    Javac.delete(dir);
    Path src = Files.createDirectories(dir.resolve("src/main/java"));
    Path generated = Files.createDirectories(dir.resolve("generated-sources"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    List<File> files = new ArrayList<>();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
      files.add(file.toFile());
    }
    List<String> options = new ArrayList<>(flags);
    options.addAll(
        List.of(
            "-classpath",
            joined(userClasspath()),
            "-processorpath",
            joined(processorPath()),
            "-d",
            classes.toString(),
            "-s",
            generated.toString()));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean success;
    try (StandardJavaFileManager fileManager =
        JAVAC.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      // No setProcessors: javac finds the processor on the processor path, by its service file.
      success =
          JAVAC
              .getTask(
                  null,
                  fileManager,
                  diagnostics,
                  options,
                  null,
                  fileManager.getJavaFileObjectsFromFiles(files))
              .call();
    }
    List<String> messages = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      String kind =
          d.getKind() == Diagnostic.Kind.MANDATORY_WARNING ? "WARNING" : d.getKind().name();
      messages.add(kind.toLowerCase(Locale.ROOT) + ": " + d.getMessage(Locale.ROOT));
    }
    List<String> written;
    try (var walk = Files.walk(generated)) {
      written =
          walk.filter(Files::isRegularFile)
              .map(p -> generated.relativize(p).toString().replace(File.separatorChar, '/'))
              .sorted()
              .toList();
    }
    long classFiles;
    try (var walk = Files.walk(classes)) {
      classFiles = walk.filter(p -> p.toString().endsWith(".class")).count();
    }
    return new Build(success, messages, written, classFiles);
  }

  /** The processor and what it needs, as annotationProcessorPaths resolves them. */
  private static List<Path> processorPath() {
    List<Path> path = new ArrayList<>();
    for (Path entry : testClasspath()) {
      if (isProcessor(entry) || entry.getFileName().toString().startsWith("javapoet-")) {
        path.add(entry);
      }
    }
    assertEquals(2, path.size(), () -> "the processor and JavaPoet, in " + testClasspath());
    return path;
  }

  /**
   * The runtime and what it brings, and the two provided Vert.x jars: the test's class path without
   * the processor, its dependencies, the test frameworks and this module's own classes.
   */
  private static List<Path> userClasspath() {
    List<String> notOfTheUser =
        List.of(
            "javapoet-",
            "auto-service-",
            "vertx-codegen-processor-",
            "junit-",
            "opentest4j-",
            "apiguardian-");
    List<Path> path = new ArrayList<>();
    for (Path entry : testClasspath()) {
      String name = entry.getFileName().toString();
      if (isProcessor(entry)
          || entry.toAbsolutePath().startsWith(Docs.dir().resolve("target"))
          || notOfTheUser.stream().anyMatch(name::startsWith)) {
        continue;
      }
      path.add(entry);
    }
    return path;
  }

  private static boolean isProcessor(Path entry) {
    return entry.getFileName().toString().startsWith("asyncmodel-processor")
        || entry.endsWith(Path.of("processor", "target", "classes"));
  }

  private static List<Path> testClasspath() {
    List<Path> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isEmpty() && Files.exists(Path.of(entry))) {
        entries.add(Path.of(entry).toAbsolutePath());
      }
    }
    return entries;
  }

  private static String joined(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }
}
