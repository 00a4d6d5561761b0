package dev.asyncmodel.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What the annotation processor adds to a build: 200 generated {@code @AsyncModel} records compiled
 * with and without it ({@code -proc:none}), same classpath, same javac. In this JVM through {@code
 * javax.tools}, alternating, best of several runs (a warm compiler, as in a Maven or Gradle daemon
 * and an IDE); and, for comparison, each compilation in a fresh {@code javac} process (a cold
 * compiler, as in a first {@code mvn compile}).
 */
public final class ProcessorCost {
  private static final String PROCESSOR = "dev.asyncmodel.processor.AsyncModelProcessor";

  private ProcessorCost() {}

  /** The time of one compilation and what it produced. */
  record Compilation(long nanos, int sourcesIn, int generatedSources, int classFiles) {}

  /**
   * @param args {@code [--models N] [--runs N] [--no-fork]}
   */
  public static void main(String[] args) throws Exception {
    int models = 200;
    int runs = 5;
    boolean fork = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--models" -> models = Integer.parseInt(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--no-fork" -> fork = false;
        default -> {
          System.err.println(
              "usage: ... processor-cost [--models N (200)] [--runs N (5)] [--no-fork]");
          System.exit(2);
        }
      }
    }
    Path work = Files.createTempDirectory("asyncmodel-processor-cost");
    try {
      List<Path> sources = generate(work.resolve("src"), models);
      List<File> classpath = classpath();
      System.err.println(
          "[processor-cost] " + models + " models, classpath of " + classpath.size() + " jars");

      // In this JVM: one unmeasured compilation of each kind to load javac (reported as the
      // first), then the kinds in turn, in a rotating order, keeping the best time of each.
      Path kept = work.resolve("generated");
      Compilation first = compile(sources, classpath, true, work.resolve("w0"), kept);
      List<Path> withGenerated = new ArrayList<>(sources);
      try (Stream<Path> files = Files.walk(kept)) {
        files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(withGenerated::add);
      }
      Compilation firstPlain = compile(sources, classpath, false, work.resolve("n0"), null);
      long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
      Compilation[] last = new Compilation[3];
      for (int r = 1; r <= runs; r++) {
        for (int k = 0; k < 3; k++) {
          int kind = (r + k) % 3;
          Path out = work.resolve("k" + kind + "r" + r);
          Compilation c =
              switch (kind) {
                case 0 -> compile(sources, classpath, true, out, null);
                case 1 -> compile(sources, classpath, false, out, null);
                default -> compile(withGenerated, classpath, false, out, null);
              };
          best[kind] = Math.min(best[kind], c.nanos());
          last[kind] = c;
        }
      }
      long coldWith = -1;
      long coldWithout = -1;
      int coldRuns = Math.max(1, runs / 2 + 1);
      Path javacTool = Path.of(System.getProperty("java.home"), "bin", "javac");
      if (fork && Files.isExecutable(javacTool)) {
        coldWith = Long.MAX_VALUE;
        coldWithout = Long.MAX_VALUE;
        for (int r = 1; r <= coldRuns; r++) {
          coldWith = Math.min(coldWith, fork(javacTool, sources, classpath, true, work, r));
          coldWithout = Math.min(coldWithout, fork(javacTool, sources, classpath, false, work, r));
        }
      }
      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "Processor cost: %d @AsyncModel records; with the processor javac also compiles the %d"
              + " files it generates (%d class files, against %d without).%n%n",
          models,
          last[0].generatedSources(),
          last[0].classFiles(),
          last[1].classFiles());
      System.out.println("| javac | with processor | -proc:none | processor adds |");
      System.out.println("| --- | ---: | ---: | ---: |");
      System.out.printf(
          Locale.ROOT,
          "| in-process (javax.tools), best of %d | %.2f s | %.2f s | %+.2f s (%.1f ms per model)"
              + " |%n",
          runs,
          best[0] / 1e9,
          best[1] / 1e9,
          (best[0] - best[1]) / 1e9,
          (best[0] - best[1]) / 1e6 / models);
      System.out.printf(
          Locale.ROOT,
          "| in-process, first compilation of the JVM | %.2f s | %.2f s | %+.2f s |%n",
          first.nanos() / 1e9,
          firstPlain.nanos() / 1e9,
          (first.nanos() - firstPlain.nanos()) / 1e9);
      if (coldWith >= 0) {
        System.out.printf(
            Locale.ROOT,
            "| fresh javac process, best of %d | %.2f s | %.2f s | %+.2f s |%n",
            coldRuns,
            coldWith / 1e9,
            coldWithout / 1e9,
            (coldWith - coldWithout) / 1e9);
      }
      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "Where the in-process difference goes: compiling the generated sources %+.2f s (the"
              + " records and the generated files with -proc:none took %.2f s); running the"
              + " processor %+.2f s (the rest).%n",
          (best[2] - best[1]) / 1e9,
          best[2] / 1e9,
          (best[0] - best[2]) / 1e9);
      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "Goal, the processor adds under 1 s to compiling %d models (in-process javac, best of"
              + " %d): %s (%+.2f s)%n",
          models,
          runs,
          best[0] - best[1] < 1_000_000_000L ? "holds" : "does not hold",
          (best[0] - best[1]) / 1e9);
    } finally {
      delete(work);
    }
  }

  /** Writes {@code n} model records: a tree of foreign keys, every column type family. */
  static List<Path> generate(Path dir, int n) throws IOException {
    Path pkg = dir.resolve("bench/gen");
    Files.createDirectories(pkg);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = String.format(Locale.ROOT, "Model%03d", i);
      String source;
      if (i == 0) {
        source =
            """
            package bench.gen;

            import dev.asyncmodel.AsyncModel;
            import dev.asyncmodel.Id;
            import dev.asyncmodel.MaxLength;
            import dev.asyncmodel.Unique;

            @AsyncModel(table = "gen_root")
            public record Model000(@Id Long id, @MaxLength(150) @Unique String name) {}
            """;
      } else {
        String parent = String.format(Locale.ROOT, "Model%03d", (i - 1) / 2);
        source =
            """
            package bench.gen;

            import dev.asyncmodel.AsyncModel;
            import dev.asyncmodel.AutoNowAdd;
            import dev.asyncmodel.Decimal;
            import dev.asyncmodel.ForeignKey;
            import dev.asyncmodel.Id;
            import dev.asyncmodel.MaxLength;
            import dev.asyncmodel.OnDelete;
            import dev.asyncmodel.Ref;
            import java.math.BigDecimal;
            import java.time.Instant;
            import java.time.LocalDate;
            import org.jspecify.annotations.Nullable;

            @AsyncModel
            public record NAME(
                @Id Long id,
                @ForeignKey(onDelete = OnDelete.CASCADE) Ref<PARENT> parent,
                @Decimal(maxDigits = 10, decimalPlaces = 2) BigDecimal amount,
                @MaxLength(200) String description,
                @MaxLength(50) String category,
                int quantity,
                boolean active,
                @Nullable LocalDate due,
                @AutoNowAdd Instant createdAt) {}
            """
                .replace("NAME", name)
                .replace("PARENT", parent);
      }
      Path file = pkg.resolve(name + ".java");
      Files.writeString(file, source, StandardCharsets.UTF_8);
      files.add(file);
    }
    return files;
  }

  /**
   * This program's classpath: the jar's manifest {@code Class-Path} when run with {@code java
   * -jar}, else {@code java.class.path}. It holds the runtime, the processor and their
   * dependencies.
   */
  static List<File> classpath() throws IOException, URISyntaxException {
    Path self =
        Path.of(ProcessorCost.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<File> entries = new ArrayList<>();
    if (Files.isRegularFile(self)) {
      entries.add(self.toFile());
      try (JarFile jar = new JarFile(self.toFile())) {
        Manifest manifest = jar.getManifest();
        String cp = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
        if (cp != null) {
          for (String entry : cp.trim().split("\\s+")) {
            entries.add(self.getParent().resolve(entry).toFile());
          }
        }
      }
    }
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      File file = new File(entry);
      if (!entry.isEmpty() && !entries.contains(file)) {
        entries.add(file);
      }
    }
    return entries;
  }

  private static List<String> options(List<File> classpath, boolean processor, Path out) {
    String cp = String.join(File.pathSeparator, classpath.stream().map(File::getPath).toList());
    List<String> options = new ArrayList<>();
    options.addAll(List.of("--release", "17", "-encoding", "UTF-8", "-nowarn"));
    options.addAll(List.of("-classpath", cp, "-d", out.resolve("classes").toString()));
    options.addAll(List.of("-s", out.resolve("generated").toString()));
    if (processor) {
      options.addAll(List.of("-processorpath", cp, "-processor", PROCESSOR));
    } else {
      options.add("-proc:none");
    }
    return options;
  }

  /**
   * @param keep where to move the generated sources to, or null
   */
  static Compilation compile(
      List<Path> sources, List<File> classpath, boolean processor, Path out, Path keep)
      throws IOException {
    Files.createDirectories(out.resolve("classes"));
    Files.createDirectories(out.resolve("generated"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("No system Java compiler: run on a JDK, not a JRE");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    long nanos;
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
      long start = System.nanoTime();
      boolean ok =
          javac
              .getTask(null, files, diagnostics, options(classpath, processor, out), null, units)
              .call();
      nanos = System.nanoTime() - start;
      if (!ok) {
        StringBuilder message = new StringBuilder("compilation failed:");
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
          if (d.getKind() == Diagnostic.Kind.ERROR) {
            message.append('\n').append(d);
          }
        }
        throw new IllegalStateException(message.toString());
      }
    }
    Compilation c =
        new Compilation(
            nanos,
            sources.size(),
            count(out.resolve("generated"), ".java"),
            count(out.resolve("classes"), ".class"));
    if (keep != null) {
      Files.move(out.resolve("generated"), keep);
    }
    delete(out);
    return c;
  }

  private static long fork(
      Path javac, List<Path> sources, List<File> classpath, boolean processor, Path work, int run)
      throws IOException, InterruptedException {
    Path out = work.resolve((processor ? "fw" : "fn") + run);
    Files.createDirectories(out.resolve("classes"));
    Files.createDirectories(out.resolve("generated"));
    List<String> args = new ArrayList<>(options(classpath, processor, out));
    for (Path source : sources) {
      args.add(source.toString());
    }
    Path argfile = work.resolve("args-" + run + (processor ? "w" : "n"));
    List<String> quoted = new ArrayList<>();
    for (String a : args) {
      quoted.add("\"" + a.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    }
    Files.write(argfile, quoted, StandardCharsets.UTF_8);
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder(javac.toString(), "@" + argfile).redirectErrorStream(true).start();
    byte[] output;
    try (InputStream in = p.getInputStream()) {
      output = in.readAllBytes();
    }
    int status = p.waitFor();
    long nanos = System.nanoTime() - start;
    if (status != 0) {
      throw new IllegalStateException(
          "javac failed: " + new String(output, StandardCharsets.UTF_8));
    }
    delete(out);
    return nanos;
  }

  private static int count(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return (int) files.filter(f -> f.toString().endsWith(suffix)).count();
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }
}
