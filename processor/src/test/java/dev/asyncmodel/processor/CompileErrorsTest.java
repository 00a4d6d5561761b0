package dev.asyncmodel.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.ClassName;
import dev.asyncmodel.processor.model.ColumnInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Every compile error a user can hit: its text, and the line it points at. Each test compiles
 * {@code bad/<Code>.java}, named after the {@link Problem}'s code.
 */
class CompileErrorsTest {

  /**
   * What compiling a fixture gave.
   *
   * @param compilation the compilation
   * @param generated the types the processor wrote, visible even though the compilation failed
   */
  private record Outcome(Compilation compilation, Set<String> generated) {}

  /** Compiles {@code bad/<Code>.java} and checks the error's text and line. */
  private static Outcome assertError(Problem problem, String message, String line) {
    assertThat(message).startsWith("[asyncmodel." + problem.code() + "] ");
    JavaFileObject file = bad(problem);
    GeneratedTypes types = new GeneratedTypes();
    Compilation compilation = Compilers.javac(types).compile(file);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLineContaining(line);
    return new Outcome(compilation, types.generated());
  }

  private static JavaFileObject bad(Problem problem) {
    return JavaFileObjects.forResource("bad/" + problem.code() + ".java");
  }

  @Test
  void classAnnotatedAsModelIsAnError() {
    Outcome outcome =
        assertError(
            Problem.NOT_A_RECORD,
            "[asyncmodel.NotARecord] @AsyncModel applies only to records; OrderLine is a class."
                + " Declare it as \"record OrderLine(...)\".",
            "class OrderLine");
    assertThat(outcome.generated()).isEmpty();
  }

  @Test
  void genericRecordIsAnError() {
    assertError(
        Problem.GENERIC_RECORD,
        "[asyncmodel.GenericRecord] Record Labelled has type parameters; a model maps one table"
            + " with fixed column types. Remove the type parameters.",
        "record Labelled<T>");
  }

  @Test
  void privateRecordIsAnError() {
    assertError(
        Problem.NOT_ACCESSIBLE,
        "[asyncmodel.NotAccessible] Record Secret is private; its generated companion in package"
            + " com.example could not use it. Make it package-private or public.",
        "private record Secret");
  }

  @Test
  void privateEnumComponentTypeIsAnError() {
    assertError(
        Problem.INACCESSIBLE_TYPE,
        "[asyncmodel.InaccessibleType] Component \"kind\" of Ticket has type"
            + " com.example.Ticket.Kind, which is private: the generated companion could not name"
            + " it. Make Kind package-private or public.",
        "Ticket.Kind kind");
  }

  @Test
  void companionThatIsNotAClassNameIsAnErrorAtTheValue() {
    assertError(
        Problem.INVALID_COMPANION,
        "[asyncmodel.InvalidCompanion] @AsyncModel(companion = \"Order Items\") is not a valid"
            + " Java class name. Use a simple name such as \"Orders\".",
        "companion = \"Order Items\"");
  }

  @Test
  void tableNameWithASpaceIsAnErrorAtTheValue() {
    assertError(
        Problem.INVALID_TABLE,
        "[asyncmodel.InvalidTable] @AsyncModel(table = \"order items\") is not a usable table"
            + " name. Use letters, digits and underscores, for example \"order\".",
        "table = \"order items\"");
  }

  @Test
  void columnNameWithASpaceIsAnError() {
    assertError(
        Problem.INVALID_COLUMN,
        "[asyncmodel.InvalidColumn] @Column(\"first name\") on component \"firstName\" is not a"
            + " usable column name. Use letters, digits and underscores, for example"
            + " \"first_name\".",
        "String firstName");
  }

  @Test
  void noIdComponentIsAnError() {
    Outcome outcome =
        assertError(
            Problem.NO_ID,
            "[asyncmodel.NoId] Record Transaction has no @Id component. Add one, for example"
                + " \"@Id Long id\".",
            "record Transaction");
    assertThat(outcome.generated()).isEmpty();
  }

  @Test
  void twoIdComponentsAreAnError() {
    assertError(
        Problem.MULTIPLE_IDS,
        "[asyncmodel.MultipleIds] Record Membership has more than one @Id component (id,"
            + " memberId). Keep @Id on one of them.",
        "record Membership");
  }

  @Test
  void stringIdIsAnError() {
    assertError(
        Problem.ID_TYPE,
        "[asyncmodel.IdType] @Id component \"code\" of Country has type java.lang.String; an @Id"
            + " is a Long (or an Integer, Django's AutoField) that the database generates. Declare"
            + " it as \"@Id Long code\".",
        "@Id String code");
  }

  @Test
  void primitiveLongIdIsAnError() {
    JavaFileObject file =
        JavaFileObjects.forSourceLines(
            "com.example.Counter",
            "package com.example;",
            "",
            "import dev.asyncmodel.AsyncModel;",
            "import dev.asyncmodel.Id;",
            "",
            "@AsyncModel",
            "record Counter(",
            "    @Id long id,",
            "    int hits) {}");
    Compilation compilation = Compilers.javac().compile(file);
    assertThat(compilation)
        .hadErrorContaining(
            "[asyncmodel.IdType] @Id component \"id\" of Counter has type long; an @Id is a Long"
                + " (or an Integer, Django's AutoField) that the database generates. Declare it as"
                + " \"@Id Long id\".")
        .inFile(file)
        .onLineContaining("@Id long id");
  }

  @Test
  void unsupportedComponentTypeIsAnErrorListingTheSupportedTypes() {
    assertError(
        Problem.UNSUPPORTED_TYPE,
        "[asyncmodel.UnsupportedType] Component \"createdOn\" of Transaction has type"
            + " java.util.Date, which has no column mapping. Use one of: "
            + TypeMapping.SUPPORTED
            + ".",
        "Date createdOn");
  }

  /**
   * An element of asyncmodel's annotations that must be written, left out: the processor says so on
   * the component, instead of javac's "missing a default value", which stops every model.
   */
  @Test
  void maxLengthWithoutItsLengthIsAnErrorAndTheOtherModelsAreGenerated() {
    Outcome outcome =
        assertError(
            Problem.MISSING_VALUE,
            "[asyncmodel.MissingValue] @MaxLength on component \"title\" of Book does not say the"
                + " length. Write it, for example \"@MaxLength(200)\".",
            "@MaxLength String title");
    assertThat(outcome.compilation()).hadErrorCount(1);
  }

  @Test
  void decimalAndColumnWithoutTheirValuesAreTheSameError() {
    JavaFileObject file =
        JavaFileObjects.forSourceLines(
            "com.example.Price",
            "package com.example;",
            "",
            "import dev.asyncmodel.AsyncModel;",
            "import dev.asyncmodel.Column;",
            "import dev.asyncmodel.Decimal;",
            "import dev.asyncmodel.Id;",
            "import java.math.BigDecimal;",
            "",
            "@AsyncModel",
            "record Price(",
            "    @Id Long id,",
            "    @Decimal(maxDigits = 10) BigDecimal amount,",
            "    @Column String label) {}",
            "",
            "@AsyncModel",
            "record Fine(@Id Long id) {}");
    GeneratedTypes types = new GeneratedTypes();
    Compilation compilation = Compilers.javac(types).compile(file);
    assertThat(compilation)
        .hadErrorContaining(
            "[asyncmodel.MissingValue] @Decimal on component \"amount\" of Price does not say"
                + " decimalPlaces. Write it, for example \"@Decimal(maxDigits = 10, decimalPlaces ="
                + " 2)\".")
        .inFile(file)
        .onLineContaining("BigDecimal amount");
    assertThat(compilation)
        .hadErrorContaining(
            "[asyncmodel.MissingValue] @Column on component \"label\" of Price does not say the"
                + " column name. Write it, for example \"@Column(\"label\")\".")
        .inFile(file)
        .onLineContaining("String label");
    assertThat(compilation).hadErrorCount(2);
    assertThat(types.generated()).containsExactly("com.example.FineQuerySet", "com.example.Fines");
  }

  @Test
  void maxLengthOnAnIntIsAnError() {
    assertError(
        Problem.MISPLACED_ANNOTATION,
        "[asyncmodel.MisplacedAnnotation] @MaxLength does not fit component \"quantity\" of"
            + " LineItem, whose type is int: it fits a String. Remove it, or change the"
            + " component's type.",
        "int quantity");
  }

  @Test
  void bigDecimalWithoutDecimalIsAnError() {
    assertError(
        Problem.MISSING_DECIMAL,
        "[asyncmodel.MissingDecimal] Component \"amount\" of Transaction is a BigDecimal without"
            + " @Decimal. Add its precision and scale, for example"
            + " \"@Decimal(maxDigits = 10, decimalPlaces = 2)\".",
        "BigDecimal amount");
  }

  @Test
  void zeroMaxDigitsIsAnError() {
    assertError(
        Problem.DECIMAL_DIGITS,
        "[asyncmodel.DecimalDigits] @Decimal(maxDigits = 0): maxDigits must be from 1 to 1000.",
        "BigDecimal amount");
  }

  @Test
  void moreDecimalPlacesThanDigitsIsAnError() {
    assertError(
        Problem.DECIMAL_PLACES,
        "[asyncmodel.DecimalPlaces] @Decimal(maxDigits = 5, decimalPlaces = 7): decimalPlaces"
            + " must be from 0 to maxDigits.",
        "BigDecimal amount");
  }

  @Test
  void zeroMaxLengthIsAnError() {
    assertError(
        Problem.MAX_LENGTH,
        "[asyncmodel.MaxLength] @MaxLength(0): the length must be at least 1.",
        "String username");
  }

  @Test
  void nullablePrimitiveIsAnError() {
    assertError(
        Problem.NULLABLE_PRIMITIVE,
        "[asyncmodel.NullablePrimitive] Component \"quantity\" of LineItem is a primitive int,"
            + " which is never null. Use its box type java.lang.Integer to make the column"
            + " nullable.",
        "int quantity");
  }

  @Test
  void refWithoutForeignKeyIsAnError() {
    assertError(
        Problem.MISSING_FOREIGN_KEY,
        "[asyncmodel.MissingForeignKey] Component \"user\" of Order is a Ref without @ForeignKey."
            + " Add \"@ForeignKey(onDelete = OnDelete.CASCADE)\", or another OnDelete rule.",
        "Ref<User> user");
  }

  @Test
  void foreignKeyWithoutOnDeleteIsAnErrorNamingTheRules() {
    Outcome outcome =
        assertError(
            Problem.MISSING_ON_DELETE,
            "[asyncmodel.MissingOnDelete] @ForeignKey on component \"user\" of Order names no"
                + " onDelete rule; Django requires on_delete, and so does asyncmodel. Add one:"
                + " \"@ForeignKey(onDelete = OnDelete.CASCADE)\", or PROTECT, SET_NULL (on a"
                + " @Nullable component) or DO_NOTHING.",
            "Ref<User> user");
    assertThat(outcome.compilation()).hadErrorCount(1);
    assertThat(outcome.generated())
        .containsExactly("com.example.UserQuerySet", "com.example.Users");
  }

  /** {@code OnDelete.UNSET} is only the default of {@code onDelete}: written out, it is refused. */
  @Test
  void unsetOnDeleteWrittenOutIsTheSameError() {
    JavaFileObject file =
        JavaFileObjects.forSourceLines(
            "com.example.Order",
            "package com.example;",
            "",
            "import dev.asyncmodel.AsyncModel;",
            "import dev.asyncmodel.ForeignKey;",
            "import dev.asyncmodel.Id;",
            "import dev.asyncmodel.OnDelete;",
            "import dev.asyncmodel.Ref;",
            "",
            "@AsyncModel",
            "record Order(",
            "    @Id Long id,",
            "    @ForeignKey(onDelete = OnDelete.UNSET) Ref<Order> parent) {}");
    Compilation compilation = Compilers.javac().compile(file);
    assertThat(compilation)
        .hadErrorContaining(
            "[asyncmodel.MissingOnDelete] @ForeignKey on component \"parent\" of Order names no"
                + " onDelete rule;")
        .inFile(file)
        .onLineContaining("Ref<Order> parent");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void rawRefIsAnError() {
    assertError(
        Problem.RAW_REF,
        "[asyncmodel.RawRef] Component \"user\" of Order is a raw Ref. Name the referenced model,"
            + " for example \"Ref<User> user\".",
        "Ref user");
  }

  @Test
  void foreignKeyToARecordThatIsNotAModelIsAnError() {
    assertError(
        Problem.FOREIGN_KEY_TARGET,
        "[asyncmodel.ForeignKeyTarget] @ForeignKey component \"account\" has type Ref<Account>,"
            + " but Account is not an @AsyncModel record. Annotate Account with @AsyncModel.",
        "Ref<Account> account");
  }

  @Test
  void setNullOnANotNullForeignKeyIsAnError() {
    assertError(
        Problem.SET_NULL_NOT_NULLABLE,
        "[asyncmodel.SetNullNotNullable] @ForeignKey(onDelete = SET_NULL) on component \"user\""
            + " of Order, whose column is NOT NULL. Annotate the component @Nullable, or pick"
            + " another OnDelete rule.",
        "Ref<User> user");
  }

  @Test
  void twoComponentsWithOneColumnAreAnErrorOnTheSecond() {
    assertError(
        Problem.COLUMN_CLASH,
        "[asyncmodel.ColumnClash] Components \"name\" and \"title\" of Book both map to column"
            + " \"name\". Rename one with @Column(\"...\").",
        "String title");
  }

  @Test
  void companionNamedLikeAUserTypeIsAnError() {
    Outcome outcome =
        assertError(
            Problem.COMPANION_CLASH,
            "[asyncmodel.CompanionClash] Type com.example.Orders already exists. Pick another name"
                + " with @AsyncModel(companion = \"...\").",
            "record Order(");
    assertThat(outcome.generated()).isEmpty();
  }

  @Test
  void twoModelsWithOneCompanionNameAreAnError() {
    JavaFileObject file =
        JavaFileObjects.forSourceLines(
            "com.example.Shop",
            "package com.example;",
            "",
            "import dev.asyncmodel.AsyncModel;",
            "import dev.asyncmodel.Id;",
            "",
            "public class Shop {",
            "  @AsyncModel(companion = \"Things\")",
            "  public record Book(@Id Long id) {}",
            "",
            "  @AsyncModel(companion = \"Things\")",
            "  public record Toy(@Id Long id) {}",
            "}");
    Compilation compilation = Compilers.javac().compile(file);
    assertThat(compilation)
        .hadErrorContaining("[asyncmodel.CompanionClash] Type com.example.Things already exists.")
        .inFile(file)
        .onLineContaining("record Toy");
  }

  @Test
  void twoModelsWithOneTableAreAnErrorOnTheSecond() {
    Outcome outcome =
        assertError(
            Problem.TABLE_CLASH,
            "[asyncmodel.TableClash] Records com.example.TableClash.Order and"
                + " com.example.TableClash.PurchaseOrder both map to table \"ORDERS\". Name"
                + " another table with @AsyncModel(table = \"...\").",
            "record PurchaseOrder");
    assertThat(outcome.compilation()).hadErrorCount(1);
    assertThat(outcome.generated())
        .containsExactly("com.example.OrderQuerySet", "com.example.Orders");
  }

  @Test
  void componentOfAnUnknownTypeIsAnErrorAfterTheLastRound() {
    Outcome outcome =
        assertError(
            Problem.UNRESOLVED_TYPE,
            "[asyncmodel.UnresolvedType] The type of component \"carrier\" of Shipment could not"
                + " be resolved. Check its imports and spelling.",
            "Carrier carrier");
    assertThat(outcome.compilation())
        .hadErrorContaining("cannot find symbol")
        .inFile(bad(Problem.UNRESOLVED_TYPE))
        .onLineContaining("Carrier carrier");
    assertThat(outcome.compilation()).hadErrorCount(2);
    assertThat(outcome.generated()).isEmpty();
  }

  @Test
  void independentProblemsOfOneRecordAreReportedInOnePass() {
    JavaFileObject file =
        JavaFileObjects.forSourceLines(
            "com.example.Invoice",
            "package com.example;",
            "",
            "import dev.asyncmodel.AsyncModel;",
            "import dev.asyncmodel.MaxLength;",
            "import java.math.BigDecimal;",
            "import java.util.Date;",
            "",
            "@AsyncModel(table = \"invoice table\")",
            "record Invoice(",
            "    Long number,",
            "    Date issuedOn,",
            "    BigDecimal total,",
            "    @MaxLength(0) String customer) {}");
    GeneratedTypes types = new GeneratedTypes();
    Compilation compilation = Compilers.javac(types).compile(file);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[asyncmodel.InvalidTable]")
        .inFile(file)
        .onLineContaining("invoice table");
    assertThat(compilation)
        .hadErrorContaining("[asyncmodel.UnsupportedType]")
        .inFile(file)
        .onLineContaining("Date issuedOn");
    assertThat(compilation)
        .hadErrorContaining("[asyncmodel.MissingDecimal]")
        .inFile(file)
        .onLineContaining("BigDecimal total");
    assertThat(compilation)
        .hadErrorContaining("[asyncmodel.MaxLength]")
        .inFile(file)
        .onLineContaining("String customer");
    assertThat(compilation)
        .hadErrorContaining("[asyncmodel.NoId]")
        .inFile(file)
        .onLineContaining("record Invoice");
    assertThat(compilation).hadErrorCount(5);
    assertThat(types.generated()).isEmpty();
  }

  @Test
  void invalidModelDoesNotStopAValidOneFromBeingGenerated() {
    GeneratedTypes types = new GeneratedTypes();
    Compilation compilation =
        Compilers.javac(types)
            .compile(bad(Problem.NO_ID), JavaFileObjects.forResource("good/com/example/User.java"));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[asyncmodel.NoId]");
    assertThat(compilation).hadErrorCount(1);
    assertThat(types.generated()).containsExactly("com.example.UserQuerySet", "com.example.Users");
  }

  /**
   * A good model, a broken one (a foreign key without its rule, which javac itself refused before
   * {@code onDelete} had a default, and then ran no processor at all), and code that uses the good
   * model's generated classes.
   */
  static List<JavaFileObject> oneGoodModelAndOneBroken() {
    return List.of(
        JavaFileObjects.forSourceLines(
            "com.example.Author",
            "package com.example;",
            "",
            "import dev.asyncmodel.AsyncModel;",
            "import dev.asyncmodel.Id;",
            "import dev.asyncmodel.MaxLength;",
            "",
            "@AsyncModel",
            "public record Author(@Id Long id, @MaxLength(100) String name) {}"),
        JavaFileObjects.forSourceLines(
            "com.example.Book",
            "package com.example;",
            "",
            "import dev.asyncmodel.AsyncModel;",
            "import dev.asyncmodel.ForeignKey;",
            "import dev.asyncmodel.Id;",
            "import dev.asyncmodel.Ref;",
            "",
            "@AsyncModel",
            "public record Book(",
            "    @Id Long id,",
            "    @ForeignKey Ref<Author> author) {}"),
        JavaFileObjects.forSourceLines(
            "com.example.Shelf",
            "package com.example;",
            "",
            "import static com.example.Authors.NAME;",
            "",
            "import dev.asyncmodel.Database;",
            "",
            "final class Shelf {",
            "  private Shelf() {}",
            "",
            "  static AuthorQuerySet named(Database db, String name) {",
            "    return Authors.objects(db).filter(NAME.eq(name));",
            "  }",
            "}"));
  }

  @Test
  void brokenModelGivesOnlyItsOwnErrorAndTheOtherModelIsGenerated() {
    GeneratedTypes types = new GeneratedTypes();
    List<JavaFileObject> sources = oneGoodModelAndOneBroken();
    Compilation compilation = Compilers.javac(types).compile(sources);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[asyncmodel.MissingOnDelete] @ForeignKey on component \"author\"")
        .inFile(sources.get(1))
        .onLineContaining("Ref<Author> author");
    assertThat(compilation).hadErrorCount(1);
    assertThat(types.generated())
        .containsExactly("com.example.AuthorQuerySet", "com.example.Authors");
  }

  /** Creates a model's file before asyncmodel does, so that the Filer refuses asyncmodel's. */
  static final class Squatter extends AbstractProcessor {
    private final String path;
    private boolean done;

    Squatter(String path) {
      this.path = path;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try {
          processingEnv
              .getFiler()
              .createResource(StandardLocation.CLASS_OUTPUT, "", path)
              .openWriter()
              .close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  /**
   * A full disk or a read-only output directory cannot be arranged portably in a test; a file that
   * another processor created first makes the Filer throw the same way, with a FilerException.
   */
  @Test
  void fileTheFilerRefusesIsAnErrorOnTheRecord() {
    String path = "META-INF/asyncmodel/models/com.example.Receipt";
    JavaFileObject file = bad(Problem.IO);
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new Squatter(path), new AsyncModelProcessor())
            .withOptions("-Xlint:all,-processing", "-Werror")
            .compile(file);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[asyncmodel.Io] Cannot write " + path + ": ")
        .inFile(file)
        .onLineContaining("record Receipt");
    assertThat(compilation)
        .hadErrorContaining(
            "Check that the build can write to its output directories and that the disk has space,"
                + " then build again.");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void ioMessageSaysWhatCouldNotBeWrittenAndWhy() {
    assertThat(Problem.IO.format("com.example.Receipts", "No space left on device"))
        .isEqualTo(
            "[asyncmodel.Io] Cannot write com.example.Receipts: No space left on device. Check that"
                + " the build can write to its output directories and that the disk has space,"
                + " then build again.");
  }

  /**
   * A foreign key's target is named by the rules that read the target: a companion name that the
   * target may not have is not used for the foreign key either, so the only error is the target's.
   */
  @Test
  void foreignKeyToAModelWithAQualifiedCompanionNameReportsOnlyTheTarget() {
    JavaFileObject user =
        JavaFileObjects.forSourceLines(
            "com.example.User",
            "package com.example;",
            "",
            "import dev.asyncmodel.AsyncModel;",
            "import dev.asyncmodel.Id;",
            "",
            "@AsyncModel(companion = \"people.Users\")",
            "record User(@Id Long id) {}");
    JavaFileObject order =
        JavaFileObjects.forSourceLines(
            "com.example.Order",
            "package com.example;",
            "",
            "import dev.asyncmodel.AsyncModel;",
            "import dev.asyncmodel.ForeignKey;",
            "import dev.asyncmodel.Id;",
            "import dev.asyncmodel.OnDelete;",
            "import dev.asyncmodel.Ref;",
            "",
            "@AsyncModel",
            "record Order(@Id Long id, @ForeignKey(onDelete = OnDelete.CASCADE) Ref<User> user) {}");
    TargetProbe probe = new TargetProbe("com.example.Order");
    Compilation compilation = Compilers.javac(probe).compile(user, order);
    assertThat(compilation)
        .hadErrorContaining(
            "[asyncmodel.InvalidCompanion] @AsyncModel(companion = \"people.Users\") is not a"
                + " valid Java class name. Use a simple name such as \"Users\".")
        .inFile(user)
        .onLineContaining("people.Users");
    assertThat(compilation).hadErrorCount(1);
    assertThat(probe.companions).containsExactly(ClassName.get("com.example", "Users"));
  }

  /** Reads one record as the processor does, and keeps the companions its foreign keys name. */
  private static final class TargetProbe extends AbstractProcessor {
    private final String record;
    final List<ClassName> companions = new ArrayList<>();

    TargetProbe(String record) {
      this.record = record;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(record);
      if (companions.isEmpty() && type != null) {
        ModelReader reader =
            new ModelReader(
                processingEnv.getElementUtils(), new Diagnostics(processingEnv.getMessager()));
        if (reader.read(type) instanceof ModelReader.Read read) {
          for (ColumnInfo column : read.model().fields()) {
            if (column.target() != null) {
              companions.add(column.target().companion());
            }
          }
        }
      }
      return false;
    }
  }
}
