package dev.asyncmodel.processor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;
import javax.tools.DiagnosticListener;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.ForwardingJavaFileObject;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;

/**
 * The Eclipse compiler, as compile-testing drives it, with files on disk where ECJ needs them. ECJ
 * takes a source's URI, and a generated source's {@link JavaFileObject#getName() name}, as a path:
 * its Filer reads a generated source back from that path to compile it. compile-testing keeps
 * generated files in memory under names such as {@code /SOURCE_OUTPUT/com/example/Users.java}, and
 * gives sources written as text a {@code mem:} URI; without real files there, ECJ fails. So each
 * generated source is also written to a temporary directory, and so is each source given as text
 * (its diagnostics then name that copy, so {@code inFile} works for sources from files only).
 * compile-testing still sees every generated file in memory, as with javac. This is about the test
 * harness only: under Maven, Gradle or Eclipse, ECJ reads and writes real files itself.
 */
final class Ecj implements JavaCompiler {
  private final EclipseCompiler ecj = new EclipseCompiler();

  @Override
  public CompilationTask getTask(
      Writer out,
      JavaFileManager fileManager,
      DiagnosticListener<? super JavaFileObject> diagnosticListener,
      Iterable<String> options,
      Iterable<String> classes,
      Iterable<? extends JavaFileObject> compilationUnits) {
    Path directory = temporaryDirectory();
    List<JavaFileObject> units = new ArrayList<>();
    for (JavaFileObject unit : compilationUnits) {
      units.add(onDisk(unit, directory.resolve("sources")));
    }
    // compile-testing passes no writer, and ECJ would then print every diagnostic to the console;
    // the diagnostics reach compile-testing through the listener either way.
    return ecj.getTask(
        out == null ? Writer.nullWriter() : out,
        new SourcesOnDisk(fileManager, directory.resolve("generated")),
        diagnosticListener,
        options,
        classes,
        units);
  }

  /**
   * ECJ takes each source's URI as a file, so a source given as text (a {@code mem:} or {@code
   * string:} URI) is written to a file first.
   */
  private static JavaFileObject onDisk(JavaFileObject unit, Path directory) {
    if ("file".equals(unit.toUri().getScheme())) {
      return unit;
    }
    try {
      Path copy = directory.resolve(unit.toUri().getPath().replaceFirst("^/+", ""));
      Files.createDirectories(copy.getParent());
      Files.writeString(copy, unit.getCharContent(true), StandardCharsets.UTF_8);
      return new ForwardingJavaFileObject<JavaFileObject>(unit) {
        @Override
        public URI toUri() {
          return copy.toUri();
        }

        @Override
        public String getName() {
          return copy.toString();
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One directory per compilation, under one root that the JVM deletes when it exits. */
  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory(ROOT, "compilation");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final Path ROOT = root();

  private static Path root() {
    try {
      Path root = Files.createTempDirectory("asyncmodel-ecj");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // A temporary directory left behind is harmless.
    }
  }

  @Override
  public StandardJavaFileManager getStandardFileManager(
      DiagnosticListener<? super JavaFileObject> diagnosticListener,
      Locale locale,
      Charset charset) {
    return ecj.getStandardFileManager(diagnosticListener, locale, charset);
  }

  @Override
  public int run(InputStream in, OutputStream out, OutputStream err, String... arguments) {
    return ecj.run(in, out, err, arguments);
  }

  @Override
  public Set<SourceVersion> getSourceVersions() {
    return ecj.getSourceVersions();
  }

  @Override
  public int isSupportedOption(String option) {
    return ecj.isSupportedOption(option);
  }

  /** compile-testing's in-memory file manager, with generated sources copied to a directory. */
  private static final class SourcesOnDisk extends ForwardingJavaFileManager<JavaFileManager> {
    private final Path directory;

    SourcesOnDisk(JavaFileManager inMemory, Path directory) {
      super(inMemory);
      this.directory = directory;
    }

    @Override
    public JavaFileObject getJavaFileForOutput(
        Location location, String className, JavaFileObject.Kind kind, FileObject sibling)
        throws IOException {
      JavaFileObject file = super.getJavaFileForOutput(location, className, kind, sibling);
      if (location != StandardLocation.SOURCE_OUTPUT) {
        return file;
      }
      Path copy = directory.resolve(className.replace('.', '/') + kind.extension);
      return new Copied(file, copy);
    }
  }

  /** A generated source kept in memory and, once closed, also on disk under {@link #getName}. */
  private static final class Copied extends ForwardingJavaFileObject<JavaFileObject> {
    private final Path copy;

    Copied(JavaFileObject inMemory, Path copy) {
      super(inMemory);
      this.copy = copy;
    }

    @Override
    public String getName() {
      return copy.toString();
    }

    @Override
    public Writer openWriter() {
      return new StringWriter() {
        @Override
        public void close() throws IOException {
          save(toString().getBytes(StandardCharsets.UTF_8));
        }
      };
    }

    @Override
    public OutputStream openOutputStream() {
      return new ByteArrayOutputStream() {
        @Override
        public void close() throws IOException {
          save(toByteArray());
        }
      };
    }

    private void save(byte[] bytes) throws IOException {
      try (OutputStream out = fileObject.openOutputStream()) {
        out.write(bytes);
      }
      Files.createDirectories(copy.getParent());
      Files.write(copy, bytes);
    }
  }
}
