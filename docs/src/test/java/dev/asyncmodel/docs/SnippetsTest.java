package dev.asyncmodel.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every ```java block of {@code docs/*.md} compiles with asyncmodel's processor under the flags
 * getting-started.md gives ({@link Javac#OPTIONS}), so a snippet that stops compiling fails the
 * build. How a block is classified (error example, whole compilation unit, fragment) and what a
 * fragment's wrapper provides is described on {@link JavaBlocks}. Blocks with another info string
 * ({@code python}, {@code xml}, {@code sql}, {@code text}, ...) are not compiled.
 */
class SnippetsTest {
  /** The pages of the guide this module owns; each must exist and hold Java. */
  private static final List<String> GUIDE =
      List.of(
          "index.md",
          "getting-started.md",
          "models.md",
          "queries.md",
          "terminal-methods.md",
          "from-django.md",
          "relations.md",
          "backends.md");

  /**
   * Blocks of pages this module does not write that do not compile as they stand, by the SHA-256 of
   * their code, with what they lack. Each is reported as skipped, not passed, and only while its
   * code is unchanged: any edit to it compiles it again. The fix belongs in the page, for example a
   * {@code <!-- java-context ... -->} comment that declares the helpers (see {@link JavaBlocks}).
   */
  private static final Map<String, String> KNOWN_BROKEN = Map.of();

  @Test
  void everyPageOfTheGuideExistsAndHoldsJava() {
    for (String page : GUIDE) {
      assertTrue(Files.exists(Docs.dir().resolve(page)), page + " is missing");
      assertFalse(Docs.javaBlocks(page).isEmpty(), page + " has no ```java block");
    }
  }

  @TestFactory
  Stream<DynamicNode> everyJavaBlockCompiles() {
    List<DynamicNode> pages = new ArrayList<>();
    for (Path file : Docs.pages()) {
      String page = file.getFileName().toString();
      List<Markdown.Block> blocks = Docs.javaBlocks(page);
      if (blocks.isEmpty()) {
        continue;
      }
      List<DynamicNode> tests = new ArrayList<>();
      List<Markdown.Block> units =
          blocks.stream()
              .filter(b -> JavaBlocks.errorExample(b.code()).isEmpty())
              .filter(b -> JavaBlocks.isUnit(b.code()))
              .toList();
      if (!units.isEmpty()) {
        String lines = units.stream().map(b -> "l" + b.line()).collect(Collectors.joining(", "));
        tests.add(
            dynamicTest(
                page + " whole compilation units (" + lines + ") compile together",
                () -> {
                  Docs.Compiled compiled = Docs.units(page).orElseThrow();
                  assertTrue(
                      compiled.result().success(),
                      () ->
                          page
                              + ": the units at "
                              + lines
                              + " do not compile:\n"
                              + compiled.result().report());
                }));
      }
      for (Markdown.Block block : blocks) {
        Optional<JavaBlocks.ErrorExample> example = JavaBlocks.errorExample(block.code());
        if (example.isPresent()) {
          tests.add(
              dynamicTest(
                  block.where() + " the wrong example does not compile",
                  () -> {
                    Docs.Compiled compiled = Docs.compile(block, example.get().wrong(), "wrong");
                    assertFalse(
                        compiled.result().success(),
                        () ->
                            block.where()
                                + ": the code under \"// Wrong\" compiles:\n"
                                + compiled.result().report());
                    for (int[] lines : compiled.statementLines()) {
                      assertTrue(
                          compiled.result().errors().stream()
                              .anyMatch(
                                  e ->
                                      e.file().equals(JavaBlocks.WRAPPER + ".java")
                                          && e.line() >= lines[0]
                                          && e.line() <= lines[1]),
                          () ->
                              block.where()
                                  + ": the wrong statement at lines "
                                  + lines[0]
                                  + "-"
                                  + lines[1]
                                  + " of "
                                  + JavaBlocks.WRAPPER
                                  + ".java compiles:\n"
                                  + compiled.result().report());
                    }
                  }));
          example
              .get()
              .right()
              .ifPresent(
                  right ->
                      tests.add(
                          dynamicTest(
                              block.where() + " the right example compiles",
                              () -> assertCompiles(block, right, "right"))));
        } else if (!JavaBlocks.isUnit(block.code())) {
          tests.add(
              dynamicTest(
                  block.where() + " fragment compiles",
                  () -> assertCompiles(block, block.code(), "")));
        }
      }
      pages.add(dynamicContainer(page, tests));
    }
    return pages.stream();
  }

  private static void assertCompiles(Markdown.Block block, String code, String part) {
    String known = GUIDE.contains(block.page()) ? null : KNOWN_BROKEN.get(sha256(code));
    assumeTrue(
        known == null,
        () -> block.where() + " is skipped until it changes: it " + known + " (not compiled)");
    Docs.Compiled compiled = Docs.compile(block, code, part);
    assertTrue(
        compiled.result().success(),
        () -> block.where() + " does not compile:\n" + compiled.result().report());
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
