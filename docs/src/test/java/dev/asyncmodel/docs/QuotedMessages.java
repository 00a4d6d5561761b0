package dev.asyncmodel.docs;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;
import dev.asyncmodel.processor.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The error texts a page quotes, and whether the code produces them.
 *
 * <p><b>Compile errors</b> are quoted as javac prints them: a line of a code block, or a code span,
 * with {@code [asyncmodel.Code] message} (a code made of letters; {@code <Code>} names the form).
 * The message must be the template of the {@link Problem} with that code, each {@code %s} standing
 * for any text and each {@code %d} for a number.
 *
 * <p><b>Runtime messages</b> are the code spans of a section that hold at least {@value #WORDS}
 * words (shorter spans are names and code, such as {@code maxDigits - decimalPlaces}). A span may
 * start with the exception's simple name and {@code ": "}, as a log shows it, and then that
 * exception must exist. The runtime builds its messages from string literals and values ({@code
 * model + " matching query does not exist."}), and the guide quotes one example, so:
 *
 * <ol>
 *   <li>The values of the example are the words that are names or numbers: a word that starts with
 *       a capital letter (a model: {@code Transaction}), the word after one and a dot (a field:
 *       {@code Transaction.description}), a number, and {@code ...} (text left out).
 *   <li>The fixed text between two values must be written in the string and character literals of
 *       {@code runtime/src/main}, as a concatenation writes it: inside one literal, or the end of a
 *       literal, then whole literals, then the start of a literal.
 * </ol>
 *
 * A sentence the runtime does not write fails rule 2, because its words are not in one literal, or
 * across the edges of literals, in that order.
 */
final class QuotedMessages {
  private QuotedMessages() {}

  /** How many words a code span holds at least to be a quoted message. */
  static final int WORDS = 4;

  private static final Pattern SPAN = Pattern.compile("`([^`]+)`");
  private static final Pattern EXCEPTION = Pattern.compile("^(\\w+(?:Exception|Error)): (.*)$");

  /**
   * A name or number of the example, or text left out: rule 1. A field is the word after a model
   * and a dot; a model, any word that starts with a capital letter.
   */
  private static final Pattern VALUE =
      Pattern.compile("\\.\\.\\.|(?<=\\b[A-Z]\\w{0,60}\\.)[a-z]\\w*|\\b[A-Z]\\w*|\\b\\d+\\b");

  /**
   * @param page a page of the guide
   * @return the compile errors it quotes, each from {@code [asyncmodel.} to the end of its line or
   *     span
   */
  static List<String> compileErrors(Path page) {
    List<String> quotes = new ArrayList<>();
    for (Markdown.Block block : Markdown.blocks(page)) {
      if (!block.info().equals("java")) {
        block.code().lines().forEach(line -> addCompileError(line, quotes));
      }
    }
    for (String span : spans(prose(page, ""))) {
      addCompileError(span, quotes);
    }
    return quotes;
  }

  private static void addCompileError(String text, List<String> quotes) {
    int start = text.indexOf("[asyncmodel.");
    // "[asyncmodel.<Code>]" names the form, not a message.
    if (start >= 0 && Character.isLetter(text.charAt(Math.min(start + 12, text.length() - 1)))) {
      quotes.add(text.substring(start).strip());
    }
  }

  /**
   * @param quote a compile error, from {@code [asyncmodel.}
   * @return why no {@link Problem} gives it, or empty when one does
   */
  static Optional<String> checkCompileError(String quote) {
    Matcher code = Pattern.compile("^\\[asyncmodel\\.(\\w+)] (.*)$").matcher(quote);
    if (!code.matches()) {
      return Optional.of("not of the form [asyncmodel.Code] message");
    }
    for (Problem problem : Problem.values()) {
      if (problem.code().equals(code.group(1))) {
        return template(problem.template()).matcher(code.group(2)).matches()
            ? Optional.empty()
            : Optional.of("not the template of " + problem + ": " + problem.template());
      }
    }
    return Optional.of("no Problem has the code " + code.group(1));
  }

  /** A {@link String#format} template as a pattern: {@code %s} any text, {@code %d} a number. */
  static Pattern template(String template) {
    StringBuilder regex = new StringBuilder();
    Matcher m = Pattern.compile("%[sd]").matcher(template);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start())));
      regex.append(m.group().equals("%d") ? "-?\\d+" : ".+");
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last)));
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  /**
   * @param page a page of the guide
   * @param heading the {@code ## } heading of the section
   * @return the runtime messages the section quotes, each span on one line
   */
  static List<String> runtimeMessages(Path page, String heading) {
    List<String> quotes = new ArrayList<>();
    for (String span : spans(prose(page, heading))) {
      if (span.strip().split("\\s+").length >= WORDS) {
        quotes.add(span.strip());
      }
    }
    return quotes;
  }

  /**
   * @param quote a runtime message, maybe after its exception's name
   * @param literals the string literals of the runtime's sources
   * @return why the runtime does not give it, or empty when it does
   */
  static Optional<String> checkRuntimeMessage(String quote, Set<String> literals) {
    String message = quote;
    Matcher exception = EXCEPTION.matcher(quote);
    if (exception.matches()) {
      if (!exceptionExists(exception.group(1))) {
        return Optional.of(
            "no exception " + exception.group(1) + " in dev.asyncmodel or java.lang");
      }
      message = exception.group(2);
    }
    Matcher value = VALUE.matcher(message);
    int last = 0;
    List<String> fixed = new ArrayList<>();
    while (value.find()) {
      fixed.add(message.substring(last, value.start()));
      last = value.end();
    }
    fixed.add(message.substring(last));
    for (String part : fixed) {
      if (!part.isEmpty() && !concatenated(part, literals)) {
        return Optional.of("\"" + part + "\" is not in the runtime's string literals");
      }
    }
    return Optional.empty();
  }

  /** Rule 2: within one literal, or a literal's end, whole literals, then a literal's start. */
  static boolean concatenated(String part, Set<String> literals) {
    for (String literal : literals) {
      if (literal.contains(part)) {
        return true;
      }
    }
    boolean[] reached = new boolean[part.length() + 1];
    for (int i = 1; i < part.length(); i++) {
      String head = part.substring(0, i);
      reached[i] = literals.stream().anyMatch(l -> l.endsWith(head));
    }
    for (int at = 1; at < part.length(); at++) {
      if (!reached[at]) {
        continue;
      }
      String rest = part.substring(at);
      if (literals.stream().anyMatch(l -> l.startsWith(rest))) {
        return true;
      }
      for (String literal : literals) {
        if (!literal.isEmpty() && rest.startsWith(literal)) {
          reached[at + literal.length()] = true;
        }
      }
    }
    return reached[part.length()];
  }

  private static boolean exceptionExists(String simpleName) {
    for (String pkg : List.of("dev.asyncmodel.", "java.lang.")) {
      try {
        Class.forName(pkg + simpleName);
        return true;
      } catch (ClassNotFoundException e) {
        // try the next package
      }
    }
    return false;
  }

  /**
   * @param sources a source root
   * @return every string literal, and every character literal as a string, of its Java files
   */
  static Set<String> literals(Path sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Set<String> literals = new HashSet<>();
    try (StandardJavaFileManager files =
            javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
        Stream<Path> walk = Files.walk(sources)) {
      List<Path> java = walk.filter(p -> p.toString().endsWith(".java")).toList();
      JavacTask task =
          (JavacTask)
              javac.getTask(
                  null, files, null, List.of(), null, files.getJavaFileObjectsFromPaths(java));
      for (CompilationUnitTree unit : task.parse()) {
        unit.accept(
            new TreeScanner<Void, Void>() {
              @Override
              public Void visitLiteral(LiteralTree literal, Void unused) {
                Object value = literal.getValue();
                if (value instanceof String || value instanceof Character) {
                  literals.add(String.valueOf(value));
                }
                return null;
              }
            },
            null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return literals;
  }

  /**
   * The text of a page outside code blocks and HTML comments, from a {@code ## } heading to the
   * next one, or all of it for an empty heading; lines joined with spaces within a paragraph.
   */
  private static String prose(Path page, String heading) {
    List<String> lines;
    try {
      lines = Files.readAllLines(page, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder text = new StringBuilder();
    boolean inSection = heading.isEmpty();
    boolean inBlock = false;
    boolean inComment = false;
    for (String line : lines) {
      String strip = line.strip();
      if (!inBlock && !inComment && line.startsWith("## ")) {
        inSection = heading.isEmpty() || line.equals(heading);
      }
      if (strip.startsWith("```") || strip.startsWith("~~~")) {
        inBlock = !inBlock;
        text.append('\n');
        continue;
      }
      if (!inBlock && strip.startsWith("<!--")) {
        inComment = true;
      }
      if (inComment) {
        inComment = !strip.endsWith("-->");
        text.append('\n');
        continue;
      }
      if (inSection && !inBlock) {
        text.append(line).append(strip.isEmpty() ? "\n" : " ");
      }
    }
    return text.toString();
  }

  private static List<String> spans(String prose) {
    List<String> spans = new ArrayList<>();
    Matcher m = SPAN.matcher(prose);
    while (m.find()) {
      spans.add(m.group(1).replaceAll("\\s+", " "));
    }
    return spans;
  }
}
