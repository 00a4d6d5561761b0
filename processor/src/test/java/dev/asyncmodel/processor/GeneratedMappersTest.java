package dev.asyncmodel.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.asyncmodel.Ref;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Runs the generated {@code toDict} and {@code toJson} on a record with every kind of column. */
class GeneratedMappersTest {
  @Test
  void toDictAndToJsonShowEveryColumnAsDjangoDoes() throws Exception {
    Compilation compilation =
        Compilers.javac()
            .compile(
                JavaFileObjects.forSourceLines(
                    "com.example.Owner",
                    "package com.example;",
                    "",
                    "import dev.asyncmodel.AsyncModel;",
                    "import dev.asyncmodel.Id;",
                    "",
                    "@AsyncModel",
                    "public record Owner(@Id Long id) {}"),
                JavaFileObjects.forSourceLines(
                    "com.example.Thing",
                    "package com.example;",
                    "",
                    "import dev.asyncmodel.AsyncModel;",
                    "import dev.asyncmodel.Column;",
                    "import dev.asyncmodel.Decimal;",
                    "import dev.asyncmodel.DictExclude;",
                    "import dev.asyncmodel.ForeignKey;",
                    "import dev.asyncmodel.Id;",
                    "import dev.asyncmodel.OnDelete;",
                    "import dev.asyncmodel.Ref;",
                    "import java.math.BigDecimal;",
                    "import java.time.Instant;",
                    "import java.time.LocalDate;",
                    "import java.util.UUID;",
                    "import org.jspecify.annotations.Nullable;",
                    "",
                    "@AsyncModel",
                    "public record Thing(",
                    "    @Id Long id,",
                    "    @ForeignKey(onDelete = OnDelete.CASCADE) Ref<Owner> owner,",
                    "    @Decimal(maxDigits = 10, decimalPlaces = 2) BigDecimal amount,",
                    "    @Column(\"label_text\") String shortLabel,",
                    "    int quantity,",
                    "    boolean active,",
                    "    @Nullable LocalDate due,",
                    "    Instant createdAt,",
                    "    UUID token,",
                    "    byte[] data,",
                    "    Color color,",
                    "    @DictExclude String secret) {",
                    "  public enum Color { RED, GREEN }",
                    "}"));
    assertThat(compilation).succeededWithoutWarnings();

    ClassLoader loader = new GeneratedClassLoader(compilation.generatedFiles());
    Class<?> thing = loader.loadClass("com.example.Thing");
    Class<?> color = loader.loadClass("com.example.Thing$Color");
    Class<?> things = loader.loadClass("com.example.Things");
    Object green = color.getEnumConstants()[1];
    UUID token = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    Instant created = Instant.parse("2024-05-06T07:08:09.123456Z");
    Object record =
        thing.getConstructors()[0].newInstance(
            7L,
            Ref.ofId(3L),
            new BigDecimal("12.50"),
            "label",
            4,
            true,
            null,
            created,
            token,
            new byte[] {1, 2, 3},
            green,
            "hidden");

    Method toDict = things.getMethod("toDict", thing);
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("id", 7L);
    expected.put("owner", 3L);
    expected.put("amount", new BigDecimal("12.50"));
    expected.put("short_label", "label");
    expected.put("quantity", 4);
    expected.put("active", true);
    expected.put("due", null);
    expected.put("created_at", created);
    expected.put("token", token);
    expected.put("color", green);
    @SuppressWarnings("unchecked")
    Map<String, Object> dict = (Map<String, Object>) toDict.invoke(null, record);
    assertThat(List.copyOf(dict.keySet()))
        .containsExactly(
            "id",
            "owner",
            "amount",
            "short_label",
            "quantity",
            "active",
            "due",
            "created_at",
            "token",
            "data",
            "color")
        .inOrder();
    assertThat((byte[]) dict.remove("data")).isEqualTo(new byte[] {1, 2, 3});
    assertThat(dict).containsExactlyEntriesIn(expected).inOrder();
    dict.put("extra", 1);

    JsonObject json = (JsonObject) things.getMethod("toJson", thing).invoke(null, record);
    assertThat(json.encode())
        .isEqualTo(
            "{\"id\":7,\"owner\":3,\"amount\":\"12.50\",\"short_label\":\"label\",\"quantity\":4,"
                + "\"active\":true,\"due\":null,\"created_at\":\"2024-05-06T07:08:09.123456Z\","
                + "\"token\":\"123e4567-e89b-12d3-a456-426614174000\",\"data\":\"AQID\","
                + "\"color\":\"GREEN\"}");
  }

  /** Loads the classes a compilation wrote, and the rest from the test's classpath. */
  private static final class GeneratedClassLoader extends ClassLoader {
    private final List<JavaFileObject> files;

    GeneratedClassLoader(List<JavaFileObject> files) {
      super(GeneratedMappersTest.class.getClassLoader());
      this.files = files;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      String path = "/" + name.replace('.', '/') + ".class";
      for (JavaFileObject file : files) {
        if (file.getKind() == JavaFileObject.Kind.CLASS && file.toUri().getPath().endsWith(path)) {
          try (InputStream in = file.openInputStream()) {
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
          } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
          }
        }
      }
      throw new ClassNotFoundException(name);
    }
  }
}
