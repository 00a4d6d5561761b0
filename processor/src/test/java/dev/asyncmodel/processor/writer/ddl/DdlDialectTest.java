package dev.asyncmodel.processor.writer.ddl;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The backends' DDL rules. The column types and statements are checked byte for byte by the goldens
 * of {@code GeneratedSourcesTest}; these tests check what the goldens cannot show.
 */
class DdlDialectTest {
  @Test
  void backendsAreListedInTheOrderOfTheModelFilesSections() {
    assertThat(DdlDialect.ALL.stream().map(DdlDialect::name).toList())
        .containsExactly("postgresql", "mysql", "sqlite")
        .inOrder();
  }

  @Test
  void eachBackendQuotesWithItsOneRuleAndDoublesItsQuoteCharacter() {
    Map<String, String> quoted =
        Map.of(
            "postgresql", "\"odd\"\"name\"",
            "mysql", "`odd\"name`",
            "sqlite", "\"odd\"\"name\"");
    for (DdlDialect dialect : DdlDialect.ALL) {
      assertWithMessage(dialect.name())
          .that(dialect.quote("odd\"name"))
          .isEqualTo(quoted.get(dialect.name()));
    }
    DdlDialect mysql = DdlDialect.ALL.get(1);
    assertThat(mysql.quote("odd`name")).isEqualTo("`odd``name`");
  }

  /** A backend's name is spelled in its own class only; everything else asks a dialect. */
  @Test
  void noOtherProcessorClassNamesABackend() throws IOException {
    Path sources = moduleDir().resolve("src/main/java");
    Map<String, String> owners =
        Map.of(
            "postgresql", "PostgresDdl.java", "mysql", "MysqlDdl.java", "sqlite", "SqliteDdl.java");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      for (Map.Entry<String, String> owner : owners.entrySet()) {
        if (!file.getFileName().toString().equals(owner.getValue())) {
          assertWithMessage(file + " names the backend " + owner.getKey())
              .that(text)
              .doesNotContain("\"" + owner.getKey() + "\"");
        }
      }
    }
  }

  private static Path moduleDir() {
    Path dir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    return Files.isDirectory(dir.resolve("src/main/java")) ? dir : dir.resolve("processor");
  }
}
