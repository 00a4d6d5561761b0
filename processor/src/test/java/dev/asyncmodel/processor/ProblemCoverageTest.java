package dev.asyncmodel.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every {@link Problem} a user can hit has its fixture, {@code bad/<Code>.java}, which {@link
 * CompileErrorsTest} compiles, and every code has its entry in {@code docs/errors.md}.
 */
class ProblemCoverageTest {
  @Test
  void everyProblemHasABadFixture() {
    List<String> missing = new ArrayList<>();
    for (Problem problem : Problem.values()) {
      // INTERNAL is our bug, not something user code can trigger.
      if (problem == Problem.INTERNAL) {
        continue;
      }
      String resource = "bad/" + problem.code() + ".java";
      if (ProblemCoverageTest.class.getClassLoader().getResource(resource) == null) {
        missing.add(resource);
      }
    }
    assertWithMessage("Problems without a fixture").that(missing).isEmpty();
  }

  @Test
  void everyProblemHasAnEntryInTheErrorsGuide() throws IOException {
    String basedir = System.getProperty("basedir", System.getProperty("user.dir"));
    Path guide = Path.of(basedir).resolve("../docs/errors.md").normalize();
    assertWithMessage("the errors guide, " + guide).that(Files.isRegularFile(guide)).isTrue();
    String text = Files.readString(guide, StandardCharsets.UTF_8);
    List<String> missing = new ArrayList<>();
    for (Problem problem : Problem.values()) {
      if (!text.contains("\n### asyncmodel." + problem.code() + "\n")) {
        missing.add(problem.code());
      }
    }
    assertWithMessage("Problems without a heading \"### asyncmodel.<Code>\" in " + guide)
        .that(missing)
        .isEmpty();
  }

  @Test
  void problemCodesAreUniqueAndPascalCase() {
    List<String> codes = new ArrayList<>();
    for (Problem problem : Problem.values()) {
      assertWithMessage(problem.name()).that(problem.code()).matches("[A-Z][A-Za-z0-9]*");
      codes.add(problem.code());
    }
    assertWithMessage("codes").that(codes).containsNoDuplicates();
  }
}
