package dev.asyncmodel.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The guide's pages and their Java blocks, compiled: the spec's models once, the whole compilation
 * units of each page once, and each fragment on its own. Every compilation happens in {@code
 * target/snippets/}, where its sources stay for a look after a failure.
 */
final class Docs {
  private Docs() {}

  /**
   * The spec's models, beside every compilation: {@code com.example.User} and {@code Transaction}.
   */
  private static final List<String> SPEC_MODELS =
      List.of("com/example/User.java", "com/example/Transaction.java");

  private static Path specClasses;
  private static final Map<String, Compiled> UNITS = new HashMap<>();
  private static final Map<String, Compiled> COMPILED = new HashMap<>();

  /**
   * A compilation's outcome.
   *
   * @param result what javac said
   * @param classes the class output directory
   * @param parameters the {@code run} method's parameters, for a fragment
   * @param statementLines the lines of each of a fragment's statements in its wrapper's file
   */
  record Compiled(
      Javac.Result result, Path classes, List<String> parameters, List<int[]> statementLines) {}

  /**
   * @return the directory of the guide: the docs module's, where surefire runs
   */
  static Path dir() {
    Path base = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    if (Files.exists(base.resolve("index.md"))) {
      return base;
    }
    if (Files.exists(base.resolve("docs/index.md"))) {
      return base.resolve("docs");
    }
    throw new IllegalStateException("No docs/index.md below " + base);
  }

  /**
   * @return the Markdown pages of the guide, by name
   */
  static List<Path> pages() {
    try (Stream<Path> files = Files.list(dir())) {
      return files.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param page a page's file name
   * @return its ```java blocks
   */
  static List<Markdown.Block> javaBlocks(String page) {
    return Markdown.blocks(dir().resolve(page)).stream()
        .filter(b -> b.info().equals("java"))
        .toList();
  }

  private static Path work() {
    return dir().resolve("target/snippets");
  }

  /**
   * @return the class directory of the spec's models, compiled on first use
   */
  static synchronized Path specClasses() {
    if (specClasses == null) {
      Map<String, String> sources = new LinkedHashMap<>();
      for (String path : SPEC_MODELS) {
        sources.put(path, resource("/spec-models/" + path));
      }
      Javac.Result result = Javac.compile(work().resolve("spec-models"), sources, List.of());
      if (!result.success()) {
        throw new IllegalStateException("The spec's models do not compile:\n" + result.report());
      }
      specClasses = work().resolve("spec-models/classes");
    }
    return specClasses;
  }

  /**
   * The whole compilation units of a page, compiled together once.
   *
   * @param page a page's file name
   * @return the compilation, or empty when the page has no unit
   */
  static synchronized Optional<Compiled> units(String page) {
    Map<String, String> sources = new LinkedHashMap<>();
    for (Markdown.Block block : javaBlocks(page)) {
      if (JavaBlocks.errorExample(block.code()).isEmpty() && JavaBlocks.isUnit(block.code())) {
        String path = JavaBlocks.unitPath(block.code());
        if (sources.put(path, block.code()) != null) {
          throw new IllegalStateException(page + " declares " + path + " in two blocks");
        }
      }
    }
    if (sources.isEmpty()) {
      return Optional.empty();
    }
    Compiled compiled =
        UNITS.computeIfAbsent(
            page,
            p -> {
              Path dir = work().resolve(slug(p)).resolve("units");
              Javac.Result result = Javac.compile(dir, sources, List.of(specClasses()));
              return new Compiled(result, dir.resolve("classes"), List.of(), List.of());
            });
    return Optional.of(compiled);
  }

  /**
   * @param page a page's file name
   * @return the class directories a page's fragments compile and run against: its units' (when they
   *     compiled), then the spec's models
   */
  static List<Path> classpath(String page) {
    List<Path> path = new ArrayList<>();
    units(page).filter(c -> c.result().success()).ifPresent(c -> path.add(c.classes()));
    path.add(specClasses());
    return path;
  }

  /**
   * Compiles code from a block: a compilation unit on its own, a fragment in its wrapper.
   *
   * @param block the block
   * @param code the code to compile: the block's, or one part of an error example
   * @param part a name for the part, part of the package name: {@code wrong}, {@code right} or
   *     empty
   * @return the compilation, done once per block and part
   */
  static synchronized Compiled compile(Markdown.Block block, String code, String part) {
    String name = slug(block.page()) + "_l" + block.line() + (part.isEmpty() ? "" : "_" + part);
    Compiled done = COMPILED.get(name);
    if (done == null) {
      done = compileOnce(block, code, name);
      COMPILED.put(name, done);
    }
    return done;
  }

  private static Compiled compileOnce(Markdown.Block block, String code, String name) {
    Path dir = work().resolve(slug(block.page())).resolve(name);
    if (JavaBlocks.isUnit(code)) {
      Map<String, String> sources = Map.of(JavaBlocks.unitPath(code), code);
      return new Compiled(
          Javac.compile(dir, sources, List.of(specClasses())),
          dir.resolve("classes"),
          List.of(),
          List.of());
    }
    JavaBlocks.Fragment fragment = JavaBlocks.fragment("snippets." + name, code, block.context());
    Javac.Result result = Javac.compile(dir, fragment.files(), classpath(block.page()));
    return new Compiled(
        result, dir.resolve("classes"), fragment.parameters(), fragment.statementLines());
  }

  /**
   * @param block a fragment's block
   * @return the binary name of the class that runs its statements
   */
  static String wrapperClass(Markdown.Block block) {
    return "snippets." + slug(block.page()) + "_l" + block.line() + "." + JavaBlocks.WRAPPER;
  }

  private static String slug(String page) {
    return page.replaceFirst("\\.md$", "").replaceAll("\\W", "_");
  }

  private static String resource(String name) {
    try (InputStream in = Docs.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
