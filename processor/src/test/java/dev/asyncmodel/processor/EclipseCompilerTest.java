package dev.asyncmodel.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The processor under the Eclipse compiler (ECJ, which Eclipse builds with): the golden inputs
 * generate the goldens, and each {@code bad/} fixture gives the errors javac gives, with the same
 * text on the same line.
 *
 * <p>One difference is ECJ's: its Messager gives no source position to a message on a record itself
 * (it places messages on classes, interfaces, enums, methods, fields and parameters, not on
 * records). So the errors about a whole record, {@link #ON_THE_RECORD}, have the same text under
 * ECJ but no file and no line. Errors on a component are placed on the component's line, as with
 * javac. docs/getting-started.md says so for users.
 */
class EclipseCompilerTest {
  private static final List<String> INPUTS =
      List.of("Category", "LineItem", "Note", "Specimen", "Transaction", "User");

  /** The problems reported on the record element, which ECJ cannot place. */
  private static final Set<Problem> ON_THE_RECORD =
      EnumSet.of(
          Problem.GENERIC_RECORD,
          Problem.NOT_ACCESSIBLE,
          Problem.INVALID_COMPANION,
          Problem.INVALID_TABLE,
          Problem.NO_ID,
          Problem.MULTIPLE_IDS,
          Problem.COMPANION_CLASH,
          Problem.TABLE_CLASH);

  private static Compilation javac;
  private static Compilation ecj;

  @BeforeAll
  static void compileGoodRecords() {
    List<JavaFileObject> sources =
        INPUTS.stream()
            .map(name -> JavaFileObjects.forResource("good/com/example/" + name + ".java"))
            .toList();
    javac = Compilers.javac().compile(sources);
    ecj = Compilers.ecj().compile(sources);
  }

  @Test
  void goodRecordsCompileWithoutWarnings() {
    assertThat(ecj).succeededWithoutWarnings();
  }

  @Test
  void ecjGeneratesTheFilesJavacGenerates() {
    assertThat(ecj).succeeded();
    assertThat(generatedPaths(ecj)).containsExactlyElementsIn(generatedPaths(javac));
  }

  static Stream<String> goldens() {
    return Stream.of(
        "com/example/Categories.java",
        "com/example/CategoryQuerySet.java",
        "com/example/Lines.java",
        "com/example/LineItemQuerySet.java",
        "com/example/Notes.java",
        "com/example/NoteQuerySet.java",
        "com/example/Specimens.java",
        "com/example/SpecimenQuerySet.java",
        "com/example/Transactions.java",
        "com/example/TransactionQuerySet.java",
        "com/example/Users.java",
        "com/example/UserQuerySet.java",
        "models/com.example.Transaction",
        "models/com.example.Specimen",
        "schema/postgresql.sql");
  }

  @ParameterizedTest
  @MethodSource("goldens")
  void generatedFileEqualsTheGolden(String golden) throws IOException {
    assertThat(ecj).succeeded();
    JavaFileObject file =
        golden.endsWith(".java")
            ? ecj.generatedSourceFile(golden.replace('/', '.').replaceAll("\\.java$", ""))
                .orElseThrow(() -> new AssertionError("no generated source for " + golden))
            : ecj.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/asyncmodel/" + golden)
                .orElseThrow(() -> new AssertionError("no generated resource for " + golden));
    assertThat(file.getCharContent(true).toString()).isEqualTo(read("expected/" + golden));
  }

  @Test
  void everySchemaScriptEqualsJavacs() throws IOException {
    for (String dialect : List.of("postgresql", "mysql", "sqlite")) {
      String path = "META-INF/asyncmodel/schema/" + dialect + ".sql";
      assertWithMessage(path).that(text(ecj, path)).isEqualTo(text(javac, path));
    }
  }

  static Stream<Problem> problems() {
    return Stream.of(Problem.values()).filter(p -> p != Problem.INTERNAL);
  }

  @ParameterizedTest
  @MethodSource("problems")
  void badFixtureGivesJavacsErrors(Problem problem) {
    JavaFileObject fixture = JavaFileObjects.forResource("bad/" + problem.code() + ".java");
    List<String> javacErrors = asyncmodelErrors(Compilers.javac().compile(fixture));
    List<String> ecjErrors = asyncmodelErrors(Compilers.ecj().compile(fixture));
    if (ON_THE_RECORD.contains(problem)) {
      assertWithMessage("ECJ places this error; remove %s from ON_THE_RECORD", problem)
          .that(ecjErrors.stream().allMatch(e -> e.startsWith("(no position) ")))
          .isTrue();
      ecjErrors = ecjErrors.stream().map(e -> e.substring("(no position) ".length())).toList();
      javacErrors = javacErrors.stream().map(e -> e.substring(e.indexOf(' ') + 1)).toList();
    }
    assertThat(ecjErrors).containsExactlyElementsIn(javacErrors).inOrder();
  }

  /** As under javac: the broken model's error only, and the good model generated and used. */
  @Test
  void brokenModelGivesOnlyItsOwnErrorAndTheOtherModelIsGenerated() {
    GeneratedTypes types = new GeneratedTypes();
    Compilation compilation =
        Compilers.ecj(types).compile(CompileErrorsTest.oneGoodModelAndOneBroken());
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(asyncmodelErrors(compilation))
        .containsExactly("Book.java:11 " + Problem.MISSING_ON_DELETE.format("author", "Book"));
    assertThat(types.generated())
        .containsExactly("com.example.AuthorQuerySet", "com.example.Authors");
  }

  /**
   * The Filer's refusal is the same error under ECJ, on the record, so unplaced. The reason after
   * the path is the Filer's own message, which each compiler words its way.
   */
  @Test
  void fileTheFilerRefusesIsTheSameErrorUnderEcj() {
    String path = "META-INF/asyncmodel/models/com.example.Receipt";
    JavaFileObject fixture = JavaFileObjects.forResource("bad/Io.java");
    Compilation compilation =
        Compiler.compiler(new Ecj())
            .withProcessors(new CompileErrorsTest.Squatter(path), new AsyncModelProcessor())
            .withOptions("--release", "17", "-failOnWarning")
            .compile(fixture);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[asyncmodel.Io] Cannot write " + path + ": ");
    assertThat(asyncmodelErrors(compilation).get(0)).startsWith("(no position) ");
  }

  /**
   * Each asyncmodel error as {@code file:line message}. The compilers' own errors (such as javac's
   * "cannot find symbol", ECJ's "cannot be resolved to a type") differ in text, and are left out.
   */
  private static List<String> asyncmodelErrors(Compilation compilation) {
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : compilation.errors()) {
      String message = diagnostic.getMessage(null);
      if (!message.startsWith("[asyncmodel.")) {
        continue;
      }
      if (diagnostic.getSource() == null || diagnostic.getLineNumber() <= 0) {
        errors.add("(no position) " + message);
      } else {
        String path = diagnostic.getSource().toUri().getPath();
        errors.add(
            path.substring(path.lastIndexOf('/') + 1)
                + ":"
                + diagnostic.getLineNumber()
                + " "
                + message);
      }
    }
    return errors;
  }

  private static Set<String> generatedPaths(Compilation compilation) {
    Set<String> paths = new TreeSet<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      if (path.endsWith(".java") || path.contains("/META-INF/")) {
        paths.add(path);
      }
    }
    return paths;
  }

  private static String text(Compilation compilation, String path) throws IOException {
    return compilation
        .generatedFile(StandardLocation.CLASS_OUTPUT, path)
        .orElseThrow(() -> new AssertionError("no resource " + path))
        .getCharContent(true)
        .toString();
  }

  private static String read(String resource) throws IOException {
    URL url = EclipseCompilerTest.class.getClassLoader().getResource(resource);
    assertWithMessage(resource).that(url).isNotNull();
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), UTF_8);
    }
  }
}
