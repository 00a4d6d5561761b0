package dev.asyncmodel.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every error text that errors.md quotes is one the code produces: each compile error is its
 * Problem's template, and each runtime message is built from the runtime's string literals, by the
 * rules of {@link QuotedMessages}.
 */
class ErrorsGuideTest {
  private static final String RUNTIME_SECTION = "## Runtime exceptions";

  private static Path guide;
  private static Set<String> literals;

  @BeforeAll
  static void readTheRuntime() {
    guide = Docs.dir().resolve("errors.md");
    literals = QuotedMessages.literals(Docs.dir().resolve("../runtime/src/main/java").normalize());
  }

  @Test
  void everyQuotedCompileErrorIsItsProblemsTemplate() {
    List<String> quotes = QuotedMessages.compileErrors(guide);
    assertTrue(quotes.size() > 20, () -> "too few compile errors found: " + quotes);
    List<String> wrong = new ArrayList<>();
    for (String quote : quotes) {
      QuotedMessages.checkCompileError(quote).ifPresent(why -> wrong.add(quote + "\n  " + why));
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void everyQuotedRuntimeMessageIsOneTheRuntimeBuilds() {
    List<String> quotes = QuotedMessages.runtimeMessages(guide, RUNTIME_SECTION);
    assertTrue(quotes.size() >= 8, () -> "too few messages found: " + quotes);
    List<String> wrong = new ArrayList<>();
    for (String quote : quotes) {
      QuotedMessages.checkRuntimeMessage(quote, literals)
          .ifPresent(why -> wrong.add(quote + "\n  " + why));
    }
    assertEquals(List.of(), wrong);
  }

  /** What the guide said before the runtime validated records: no code writes it. */
  @Test
  void aMessageTheRuntimeDoesNotWriteIsRefused() {
    assertTrue(
        QuotedMessages.checkRuntimeMessage(
                "Transaction.description is null, but its column is NOT NULL: give it a value, or"
                    + " annotate the component @Nullable",
                literals)
            .isPresent());
    assertTrue(
        QuotedMessages.checkRuntimeMessage(
                "ValidationException: Invalid Transaction: Transaction.description: This field"
                    + " must not be null.",
                literals)
            .isPresent());
    assertTrue(
        QuotedMessages.checkRuntimeMessage("NoSuchException: The Database is closed", literals)
            .isPresent());
  }

  @Test
  void theMessagesTheRuntimeWritesAreAccepted() {
    for (String quote :
        List.of(
            "ValidationException: Invalid Transaction: Transaction.description: This field cannot"
                + " be null.",
            "Transaction matching query does not exist.",
            "... -- it returned more than 20!")) {
      assertEquals(
          List.of(), QuotedMessages.checkRuntimeMessage(quote, literals).stream().toList());
    }
  }

  @Test
  void aCompileErrorThatNoProblemGivesIsRefused() {
    assertFalse(
        QuotedMessages.checkCompileError(
                "[asyncmodel.NoId] Record Transaction has no primary key. Add one.")
            .isEmpty());
    assertFalse(QuotedMessages.checkCompileError("[asyncmodel.NoSuchCode] Anything.").isEmpty());
  }
}
