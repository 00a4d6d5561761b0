package dev.asyncmodel.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden files: the records in {@code good/com/example} compile, clean, into exactly the sources in
 * {@code expected/com/example}. Run with {@code -Dasyncmodel.updateGoldens=true} to rewrite the
 * goldens from the actual output, then review the diff like code.
 */
class GeneratedSourcesTest {
  private static final boolean UPDATE = Boolean.getBoolean("asyncmodel.updateGoldens");

  /** The record inputs, one per file of {@code good/com/example}. */
  private static final List<String> INPUTS =
      List.of("Category", "LineItem", "Note", "Specimen", "Transaction", "User");

  /** Every class the inputs generate: a companion and a QuerySet each. */
  private static final List<String> OUTPUTS =
      List.of(
          "Categories",
          "CategoryQuerySet",
          "Lines",
          "LineItemQuerySet",
          "Notes",
          "NoteQuerySet",
          "Specimens",
          "SpecimenQuerySet",
          "Transactions",
          "TransactionQuerySet",
          "Users",
          "UserQuerySet");

  /**
   * {@code hasSourceEquivalentTo} parses with javac's internal API, which JDK 17 exports only when
   * the test JVM runs with {@code --add-exports jdk.compiler/com.sun.tools.javac.{api,main,util}
   * =ALL-UNNAMED}. Without those, the exact text comparison, which is stricter, still runs.
   */
  private static final boolean PARSER_AVAILABLE = javacInternalsExported();

  private static Compilation compilation;

  private static boolean javacInternalsExported() {
    Module self = GeneratedSourcesTest.class.getModule();
    boolean exported =
        ModuleLayer.boot()
            .findModule("jdk.compiler")
            .map(
                javac ->
                    Stream.of("api", "main", "util")
                        .allMatch(p -> javac.isExported("com.sun.tools.javac." + p, self)))
            .orElse(false);
    if (!exported) {
      System.err.println(
          "GeneratedSourcesTest: jdk.compiler does not export its internals to the tests, so"
              + " hasSourceEquivalentTo is skipped; the goldens are compared as exact text.");
    }
    return exported;
  }

  @BeforeAll
  static void compileGoodRecords() {
    compilation = Compilers.javac().compile(goodSources());
  }

  private static List<JavaFileObject> goodSources() {
    return INPUTS.stream()
        .map(name -> JavaFileObjects.forResource("good/com/example/" + name + ".java"))
        .toList();
  }

  static Stream<String> outputs() {
    return OUTPUTS.stream();
  }

  @Test
  void goodRecordsCompileWithoutWarningsIntoACompanionAndAQuerySetEach() {
    assertThat(compilation).succeededWithoutWarnings();
    List<String> generated = new ArrayList<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      generated.add(Path.of(file.toUri().getPath()).getFileName().toString());
    }
    assertThat(generated)
        .containsExactlyElementsIn(OUTPUTS.stream().map(name -> name + ".java").toList());
  }

  @Test
  void everyGoldenFileIsAGeneratedClass() throws IOException {
    try (Stream<Path> files =
        Files.list(moduleDir().resolve("src/test/resources/expected/com/example"))) {
      assertThat(files.map(file -> file.getFileName().toString()).toList())
          .containsExactlyElementsIn(OUTPUTS.stream().map(name -> name + ".java").toList());
    }
  }

  @ParameterizedTest
  @MethodSource("outputs")
  void generatedSourceMatchesGolden(String simpleName) throws IOException {
    String fqcn = "com.example." + simpleName;
    String resource = "expected/com/example/" + simpleName + ".java";
    assertThat(compilation).succeededWithoutWarnings();
    JavaFileObject actual =
        compilation
            .generatedSourceFile(fqcn)
            .orElseThrow(() -> new AssertionError("no generated source " + fqcn));
    String actualText = actual.getCharContent(true).toString();
    if (UPDATE) {
      Path golden = moduleDir().resolve("src/test/resources").resolve(resource);
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actualText, UTF_8);
      return;
    }
    URL expected = GeneratedSourcesTest.class.getClassLoader().getResource(resource);
    assertThat(expected).isNotNull();
    if (PARSER_AVAILABLE) {
      assertThat(compilation)
          .generatedSourceFile(fqcn)
          .hasSourceEquivalentTo(JavaFileObjects.forResource(expected));
    }
    // Source equivalence ignores comments and layout; the golden holds the Javadoc too.
    assertThat(actualText).isEqualTo(read(expected));
  }

  /**
   * Each model's file (its companion's name and its DDL per database), and the whole compilation's
   * script for a database. Paths relative to {@code META-INF/asyncmodel/} and to {@code expected/}.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "models/com.example.Transaction",
        "models/com.example.Specimen",
        "schema/postgresql.sql"
      })
  void resourceMatchesGolden(String name) throws IOException {
    assertThat(compilation).succeededWithoutWarnings();
    String actualText =
        compilation
            .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/asyncmodel/" + name)
            .orElseThrow(() -> new AssertionError("no resource " + name))
            .getCharContent(true)
            .toString();
    String resource = "expected/" + name;
    if (UPDATE) {
      Path golden = moduleDir().resolve("src/test/resources").resolve(resource);
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actualText, UTF_8);
      return;
    }
    URL expected = GeneratedSourcesTest.class.getClassLoader().getResource(resource);
    assertThat(expected).isNotNull();
    assertThat(actualText).isEqualTo(read(expected));
  }

  /**
   * One file per model and one script per database, nothing else: javac's Filer does work for each
   * file a processor creates.
   */
  @Test
  void resourcesAreOneFilePerModelAndOneScriptPerDatabase() {
    assertThat(compilation).succeededWithoutWarnings();
    List<String> resources = new ArrayList<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      int at = path.indexOf("META-INF/");
      if (at >= 0) {
        resources.add(path.substring(at));
      }
    }
    List<String> expected = new ArrayList<>();
    for (String input : INPUTS) {
      expected.add("META-INF/asyncmodel/models/com.example." + input);
    }
    for (String dialect : List.of("postgresql", "mysql", "sqlite")) {
      expected.add("META-INF/asyncmodel/schema/" + dialect + ".sql");
    }
    assertThat(resources).containsExactlyElementsIn(expected);
  }

  /** Each section of a model's file is that database's DDL as in the compilation's script. */
  @Test
  void modelFileSectionsAreTheDdlOfTheScripts() throws IOException {
    String file = resourceText(compilation, "META-INF/asyncmodel/models/com.example.Transaction");
    List<String> lines = List.of(file.split("\n", -1));
    assertThat(lines.get(0)).isEqualTo("com.example.Transactions");
    List<String> markers =
        lines.stream().filter(line -> line.startsWith("-- asyncmodel:")).toList();
    assertThat(markers)
        .containsExactly("-- asyncmodel:postgresql", "-- asyncmodel:mysql", "-- asyncmodel:sqlite")
        .inOrder();
    for (String dialect : List.of("postgresql", "mysql", "sqlite")) {
      int start = file.indexOf("-- asyncmodel:" + dialect + "\n");
      start = file.indexOf('\n', start) + 1;
      int end = file.indexOf("\n-- asyncmodel:", start);
      String section = end < 0 ? file.substring(start) : file.substring(start, end + 1);
      assertThat(section).startsWith("-- com.example.Transaction (" + dialect + ")");
      assertThat(resourceText(compilation, "META-INF/asyncmodel/schema/" + dialect + ".sql"))
          .contains(section);
    }
  }

  private static String resourceText(Compilation compilation, String path) throws IOException {
    return compilation
        .generatedFile(StandardLocation.CLASS_OUTPUT, path)
        .orElseThrow(() -> new AssertionError("no resource " + path))
        .getCharContent(true)
        .toString();
  }

  @Test
  void modelFileStartsWithTheCompanion() throws IOException {
    assertThat(resourceText(compilation, "META-INF/asyncmodel/models/com.example.Transaction"))
        .startsWith("com.example.Transactions\n-- asyncmodel:postgresql\n");
    assertThat(resourceText(compilation, "META-INF/asyncmodel/models/com.example.LineItem"))
        .startsWith("com.example.Lines\n-- asyncmodel:postgresql\n");
  }

  @Test
  void modelIndexOfANestedRecordIsKeyedByItsBinaryName() throws IOException {
    Compilation nested =
        Compilers.javac()
            .compile(
                JavaFileObjects.forSourceLines(
                    "com.example.Shop",
                    "package com.example;",
                    "",
                    "import dev.asyncmodel.AsyncModel;",
                    "import dev.asyncmodel.Id;",
                    "",
                    "public class Shop {",
                    "  @AsyncModel",
                    "  public record Rack(@Id Long id, int capacity) {}",
                    "}"));
    assertThat(nested).succeededWithoutWarnings();
    assertThat(resourceText(nested, "META-INF/asyncmodel/models/com.example.Shop$Rack"))
        .startsWith("com.example.Racks\n-- asyncmodel:postgresql\n");
  }

  @Test
  void foreignKeysAcrossPackagesCompile() {
    Compilation crossed =
        Compilers.javac()
            .compile(
                JavaFileObjects.forSourceLines(
                    "com.example.shop.Customer",
                    "package com.example.shop;",
                    "",
                    "import com.example.orders.Order;",
                    "import dev.asyncmodel.AsyncModel;",
                    "import dev.asyncmodel.ForeignKey;",
                    "import dev.asyncmodel.Id;",
                    "import dev.asyncmodel.OnDelete;",
                    "import dev.asyncmodel.Ref;",
                    "import org.jspecify.annotations.Nullable;",
                    "",
                    "@AsyncModel",
                    "public record Customer(",
                    "    @Id Long id,",
                    "    @ForeignKey(onDelete = OnDelete.SET_NULL) @Nullable Ref<Order> lastOrder) {}"),
                JavaFileObjects.forSourceLines(
                    "com.example.orders.Order",
                    "package com.example.orders;",
                    "",
                    "import com.example.shop.Customer;",
                    "import dev.asyncmodel.AsyncModel;",
                    "import dev.asyncmodel.ForeignKey;",
                    "import dev.asyncmodel.Id;",
                    "import dev.asyncmodel.OnDelete;",
                    "import dev.asyncmodel.Ref;",
                    "",
                    "@AsyncModel(table = \"shop_order\")",
                    "public record Order(",
                    "    @Id Long id,",
                    "    @ForeignKey(onDelete = OnDelete.CASCADE) Ref<Customer> customer) {}"));
    assertThat(crossed).succeededWithoutWarnings();
    assertThat(crossed)
        .generatedSourceFile("com.example.orders.Orders")
        .contentsAsUtf8String()
        .contains("public static final RefField<Order, Customer> CUSTOMER");
    assertThat(crossed)
        .generatedSourceFile("com.example.orders.Orders")
        .contentsAsUtf8String()
        .contains("() -> Customers.ID");
    assertThat(crossed)
        .generatedSourceFile("com.example.shop.Customers")
        .contentsAsUtf8String()
        .contains("List.<RefField<?, Customer>>of(Orders.CUSTOMER)");
  }

  @Test
  void namesThatMeetTheGeneratedCodesOwnNamesCompile() {
    Compilation clash =
        Compilers.javac()
            .compile(
                JavaFileObjects.forSourceLines(
                    "com.example.Map",
                    "package com.example;",
                    "",
                    "import dev.asyncmodel.AsyncModel;",
                    "import dev.asyncmodel.Id;",
                    "",
                    "@AsyncModel",
                    "public record Map(",
                    "    @Id Long id, String meta, String dict, String json, String row, String values,",
                    "    String table, String model, String objects) {}"),
                JavaFileObjects.forSourceLines(
                    "com.example.Database",
                    "package com.example;",
                    "",
                    "import dev.asyncmodel.AsyncModel;",
                    "import dev.asyncmodel.Id;",
                    "",
                    "@AsyncModel",
                    "public record Database(@Id Long id, String database, String db) {}"));
    assertThat(clash).succeededWithoutWarnings();
    assertThat(clash)
        .generatedSourceFile("com.example.Maps")
        .contentsAsUtf8String()
        .contains("private static final ModelMeta<Map> META_ =");
  }

  @Test
  void generationIsDeterministicWhateverTheInputOrder() throws IOException {
    List<JavaFileObject> sources = goodSources();
    List<JavaFileObject> reversed = new ArrayList<>(sources);
    Collections.reverse(reversed);
    Map<String, String> first = generatedTexts(Compilers.javac().compile(sources));
    Map<String, String> again = generatedTexts(Compilers.javac().compile(sources));
    Map<String, String> backwards = generatedTexts(Compilers.javac().compile(reversed));
    assertThat(first).hasSize(OUTPUTS.size());
    assertThat(again).isEqualTo(first);
    assertThat(backwards).isEqualTo(first);
  }

  @Test
  void schemaScriptsDoNotDependOnTheInputOrder() throws IOException {
    List<JavaFileObject> reversed = new ArrayList<>(goodSources());
    Collections.reverse(reversed);
    Compilation backwards = Compilers.javac().compile(reversed);
    assertThat(backwards).succeededWithoutWarnings();
    for (String dialect : List.of("postgresql", "mysql", "sqlite")) {
      String path = "META-INF/asyncmodel/schema/" + dialect + ".sql";
      assertThat(resourceText(backwards, path)).isEqualTo(resourceText(compilation, path));
    }
  }

  private static Map<String, String> generatedTexts(Compilation compilation) throws IOException {
    assertThat(compilation).succeededWithoutWarnings();
    Map<String, String> texts = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      texts.put(file.toUri().toString(), file.getCharContent(true).toString());
    }
    return texts;
  }

  private static Path moduleDir() {
    String basedir = System.getProperty("basedir");
    Path dir = Path.of(basedir != null ? basedir : System.getProperty("user.dir"));
    if (!Files.isDirectory(dir.resolve("src/test/resources/good"))) {
      dir = dir.resolve("processor");
    }
    if (!Files.isDirectory(dir.resolve("src/test/resources/good"))) {
      throw new IllegalStateException("cannot find the processor module from " + dir);
    }
    return dir;
  }

  private static String read(URL url) {
    try (var in = url.openStream()) {
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
