package dev.asyncmodel.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.processor.AsyncModelProcessor;
import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runtime is a JPMS module: a user's module with an {@code @AsyncModel} record compiles against
 * it with the processor, under the documented flags ({@link Javac#OPTIONS}), and runs a query on
 * the module path (a separate JVM, on an SQLite file); the engine's package is not exported, so
 * code that imports it does not compile.
 */
class ModulePathTest {
  private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

  private static final String MODULE_INFO =
      """
      module com.example.notes {
        requires dev.asyncmodel.runtime;
        requires static java.compiler; // @Generated on the generated classes
      }
      """;

  private static final String NOTE =
      """
      package com.example.notes;

      import dev.asyncmodel.AsyncModel;
      import dev.asyncmodel.Id;
      import dev.asyncmodel.MaxLength;
      import org.jspecify.annotations.Nullable;

      @AsyncModel
      public record Note(@Id @Nullable Long id, @MaxLength(100) String text) {}
      """;

  private static final String MAIN =
      """
      package com.example.notes;

      import dev.asyncmodel.Database;
      import io.vertx.core.Vertx;
      import java.util.concurrent.TimeUnit;

      public final class Main {
        private Main() {}

        public static void main(String[] args) throws Exception {
          Vertx vertx = Vertx.vertx();
          Database db = Database.connect(vertx, "sqlite:" + args[0]);
          try {
            String texts =
                db.createTables(Notes.model())
                    .compose(v -> Notes.objects(db).acreate(new Note(null, "on the module path")))
                    .compose(n -> Notes.objects(db).filter(Notes.TEXT.contains("module")).aall())
                    .map(notes -> notes.size() + " " + notes.get(0).text() + " " + notes.get(0).id())
                    .await(30, TimeUnit.SECONDS);
            System.out.println(texts);
          } finally {
            db.close().await(10, TimeUnit.SECONDS);
            vertx.close().await(10, TimeUnit.SECONDS);
          }
        }
      }
      """;

  private static List<Path> modulePath;

  /** The runtime and the modules it needs, from this test's class path. */
  @BeforeAll
  static void findModules() {
    List<Path> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.isEmpty() || !Files.exists(Path.of(entry))) {
        continue;
      }
      Path path = Path.of(entry);
      String name = path.getFileName().toString();
      boolean runtime =
          name.startsWith("asyncmodel-runtime") || path.endsWith(Path.of("runtime/target/classes"));
      if (runtime
          || name.startsWith("vertx-")
          || name.startsWith("netty-")
          || name.startsWith("jackson-core")
          || name.startsWith("sqlite-jdbc")
          || name.startsWith("jspecify")) {
        entries.add(path);
      }
    }
    modulePath = entries;
  }

  @Test
  void theRuntimeIsANamedModuleThatExportsTheApiAndTheSpiButNotTheEngine() {
    Optional<ModuleReference> runtime =
        ModuleFinder.of(modulePath.toArray(Path[]::new)).find("dev.asyncmodel.runtime");
    assertTrue(runtime.isPresent(), "dev.asyncmodel.runtime on " + modulePath);
    ModuleDescriptor descriptor = runtime.get().descriptor();
    assertFalse(descriptor.isAutomatic(), "a module-info, not an automatic module");
    assertEquals(
        List.of("dev.asyncmodel", "dev.asyncmodel.spi"),
        descriptor.exports().stream().map(ModuleDescriptor.Exports::source).sorted().toList());
    assertTrue(
        descriptor.packages().stream().anyMatch(p -> p.startsWith("dev.asyncmodel.internal")),
        "the engine is in the module, unexported: " + descriptor.packages());
  }

  @Test
  void aGeneratedModelCompilesAndRunsOnTheModulePath() throws Exception {
    Path dir = Files.createTempDirectory("asyncmodel-module-path");
    String errors =
        compile(
            dir,
            Map.of(
                "module-info.java", MODULE_INFO,
                "com/example/notes/Note.java", NOTE,
                "com/example/notes/Main.java", MAIN));
    assertEquals("", errors);
    assertTrue(Files.exists(dir.resolve("classes/com/example/notes/Notes.class")));

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("--module-path");
    command.add(dir.resolve("classes") + File.pathSeparator + joined(modulePath));
    command.add("--module");
    command.add("com.example.notes/com.example.notes.Main");
    command.add(dir.resolve("notes.db").toString());
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile()).start();
    boolean finished = process.waitFor(60, TimeUnit.SECONDS);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!finished) {
      process.destroyForcibly();
    }
    assertTrue(finished, "the module ran within 60 s: " + output);
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.lines().anyMatch("1 on the module path 1"::equals), output);
  }

  @Test
  void theEngineIsNotVisibleToAUserModule() throws Exception {
    Path dir = Files.createTempDirectory("asyncmodel-module-path-internal");
    String errors =
        compile(
            dir,
            Map.of(
                "module-info.java",
                MODULE_INFO,
                "com/example/notes/Note.java",
                NOTE,
                "com/example/notes/Peek.java",
                """
                package com.example.notes;

                final class Peek {
                  private Peek() {}

                  static Object engine() {
                    return dev.asyncmodel.internal.Compiler.class;
                  }
                }
                """));
    // javac says "is not visible", with "does not export it" as a note, or the note alone.
    assertTrue(
        errors.contains("package dev.asyncmodel.internal")
            && (errors.contains("is not visible") || errors.contains("does not export it")),
        errors);
  }

  /** Compiles a module with the processor; returns the errors, one per line, or nothing. */
  private static String compile(Path dir, Map<String, String> sources) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path generated = Files.createDirectories(dir.resolve("generated"));
    List<File> files = new ArrayList<>();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
      files.add(file.toFile());
    }
    List<String> options = new ArrayList<>(Javac.OPTIONS);
    options.addAll(
        List.of(
            "--module-path",
            joined(modulePath),
            "-d",
            classes.toString(),
            "-s",
            generated.toString()));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fileManager =
        JAVAC.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task =
          JAVAC.getTask(
              null,
              fileManager,
              diagnostics,
              options,
              null,
              fileManager.getJavaFileObjectsFromFiles(files));
      task.setProcessors(List.of(new AsyncModelProcessor()));
      task.call();
    }
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
        .map(d -> d.getMessage(null))
        .collect(Collectors.joining("\n"));
  }

  private static String joined(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }
}
