package dev.asyncmodel.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies the Java code of a Markdown block and turns it into compilation units. The rules, in
 * the order they apply:
 *
 * <ol>
 *   <li>A block with a line {@code // Wrong} is an error example: the code after it, up to a line
 *       {@code // Right} or the end, must <em>fail</em> to compile, each of its statements on its
 *       own when it is a fragment; the code after {@code // Right} must compile. Each part is
 *       classified by the rules below.
 *   <li>Code whose first line (after blank lines and comments) starts with {@code package} or
 *       {@code import} is a <b>whole compilation unit</b>, compiled as it stands. All the units of
 *       a page are compiled together, so a page may declare its models in one block and use them in
 *       another; every fragment of the page is compiled against them.
 *   <li>Anything else is a <b>fragment</b>, cut at brace depth 0 into chunks (a chunk ends at a
 *       {@code ;}, or at the {@code }} that closes a block unless {@code else}, {@code catch} or
 *       {@code finally} follows). A chunk that declares a record, class, interface or enum becomes
 *       a top-level type of its own file; a chunk that starts with an annotation or with {@code
 *       public}, {@code private}, {@code protected}, {@code static}, {@code abstract} or {@code
 *       synchronized} becomes a member of a generated class; every other chunk is a statement, run
 *       in order in a static method of that class.
 * </ol>
 *
 * <p>The generated files are in a package of their own ({@code snippets.b<n>}) and import {@code
 * com.example.*} (the spec's {@code User} and {@code Transaction}, with their companions and
 * QuerySets), {@code dev.asyncmodel.*}, {@code java.util.*}, {@code java.time.*}, {@code
 * java.math.BigDecimal}, Vert.x's {@code Future}, {@code Vertx}, {@code JsonObject} and {@code
 * JsonArray}, JSpecify's {@code Nullable}, and statically {@code Transactions.*} (of the fragment's
 * own {@code Transaction} when it declares one). The statements' method has the parameters {@code
 * Vertx vertx}, {@code Database db}, {@code User user} (a saved user) and {@code Transaction
 * template} (an unsaved transaction of that user); a parameter is left out when the statements
 * declare a variable or lambda parameter of that name. Each statement that declares a {@code
 * Future<...>} variable also hands it to the caller, which is how the from-django examples are run
 * and awaited. Member declarations in a {@code <!-- java-context ... -->} HTML comment right before
 * the block are added to the generated class: helpers a fragment calls that the reader need not
 * see.
 */
final class JavaBlocks {
  private JavaBlocks() {}

  /** The name of the class that holds a fragment's members and statements. */
  static final String WRAPPER = "DocSnippet";

  /** The name of the method that runs a fragment's statements. */
  static final String RUN = "run";

  /** The context a fragment's statements may use, by parameter name, with its type. */
  static final Map<String, String> CONTEXT = new LinkedHashMap<>();

  static {
    CONTEXT.put("vertx", "io.vertx.core.Vertx");
    CONTEXT.put("db", "dev.asyncmodel.Database");
    CONTEXT.put("user", "com.example.User");
    CONTEXT.put("template", "com.example.Transaction");
  }

  /**
   * An error example's parts.
   *
   * @param wrong the code that must not compile
   * @param right the code that must compile, or empty
   */
  record ErrorExample(String wrong, Optional<String> right) {}

  /**
   * @param code a block's code
   * @return its parts when it is an error example ({@code // Wrong} ... {@code // Right} ...)
   */
  static Optional<ErrorExample> errorExample(String code) {
    List<String> lines = code.lines().toList();
    int wrong = -1;
    int right = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (wrong < 0 && line.startsWith("// Wrong")) {
        wrong = i;
      } else if (wrong >= 0 && right < 0 && line.startsWith("// Right")) {
        right = i;
      }
    }
    if (wrong < 0) {
      return Optional.empty();
    }
    int wrongEnd = right < 0 ? lines.size() : right;
    String wrongCode = String.join("\n", lines.subList(wrong + 1, wrongEnd)) + "\n";
    Optional<String> rightCode =
        right < 0
            ? Optional.empty()
            : Optional.of(String.join("\n", lines.subList(right + 1, lines.size())) + "\n");
    return Optional.of(new ErrorExample(wrongCode, rightCode));
  }

  /**
   * @param code Java code
   * @return whether it is a whole compilation unit: it starts with {@code package} or {@code
   *     import}
   */
  static boolean isUnit(String code) {
    String start = stripLeadingComments(code);
    return start.startsWith("package ") || start.startsWith("import ");
  }

  /**
   * @param code a whole compilation unit
   * @return its path below a source root: package directories, then its first public top-level
   *     type's name (or its first top-level type's)
   */
  static String unitPath(String code) {
    Matcher pkg = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;").matcher(code);
    String dir = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
    Matcher publicType =
        Pattern.compile(
                "(?m)^public\\s+(?:(?:final|abstract|sealed|non-sealed|strictfp)\\s+)*"
                    + "(?:record|class|interface|enum|@interface)\\s+(\\w+)")
            .matcher(code);
    if (publicType.find()) {
      return dir + publicType.group(1) + ".java";
    }
    Matcher anyType =
        Pattern.compile("(?m)^(?:\\w+\\s+)*(?:record|class|interface|enum|@interface)\\s+(\\w+)")
            .matcher(code);
    if (!anyType.find()) {
      throw new IllegalArgumentException("A compilation unit without a top-level type");
    }
    return dir + anyType.group(1) + ".java";
  }

  /**
   * The files a fragment becomes.
   *
   * @param pkg the package to put them in
   * @param code the fragment
   * @param context member declarations to add to the generated class
   * @return the files, by path below a source root, and the parameters of the generated {@code run}
   *     method
   */
  static Fragment fragment(String pkg, String code, String context) {
    List<String> types = new ArrayList<>();
    List<String> typeNames = new ArrayList<>();
    StringBuilder members = new StringBuilder(context);
    StringBuilder statements = new StringBuilder();
    StringBuilder statementText = new StringBuilder();
    List<int[]> statementLines = new ArrayList<>();
    for (String chunk : chunks(code)) {
      String head = stripLeadingComments(chunk);
      if (head.isEmpty()) {
        statements.append(chunk);
        continue;
      }
      Matcher type = TYPE.matcher(head);
      if (type.lookingAt()) {
        types.add(chunk.strip() + "\n");
        typeNames.add(type.group(1));
      } else if (MEMBER.matcher(head).lookingAt()) {
        members.append(chunk).append('\n');
      } else {
        int first = lineCount(statements) + lineCount(chunk.substring(0, chunk.indexOf(head)));
        statementLines.add(new int[] {first, first + lineCount(head.stripTrailing())});
        statements.append(chunk);
        statementText.append(chunk);
        Matcher future = FUTURE.matcher(head);
        if (future.lookingAt()) {
          statements.append(" " + FUTURES + ".add(").append(future.group(1)).append(");");
        }
      }
    }
    List<String> parameters = new ArrayList<>();
    for (String name : CONTEXT.keySet()) {
      if (!declares(statementText.toString(), name)) {
        parameters.add(name);
      }
    }

    String companions = typeNames.contains("Transaction") ? pkg : "com.example";
    String header =
        "package "
            + pkg
            + ";\n\n"
            + "import static "
            + companions
            + ".Transactions.*;\n\n"
            + "import com.example.*;\n"
            + "import dev.asyncmodel.*;\n"
            + "import io.vertx.core.Future;\n"
            + "import io.vertx.core.Vertx;\n"
            + "import io.vertx.core.json.JsonArray;\n"
            + "import io.vertx.core.json.JsonObject;\n"
            + "import java.math.BigDecimal;\n"
            + "import java.time.*;\n"
            + "import java.util.*;\n"
            + "import org.jspecify.annotations.Nullable;\n\n";
    String dir = pkg.replace('.', '/') + "/";
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < types.size(); i++) {
      files.put(dir + typeNames.get(i) + ".java", header + types.get(i));
    }
    StringBuilder wrapper = new StringBuilder(header);
    wrapper.append("final class ").append(WRAPPER).append(" {\n");
    wrapper.append(members);
    wrapper.append("\nstatic List<Future<?>> ").append(RUN).append("(");
    for (int i = 0; i < parameters.size(); i++) {
      wrapper.append(i == 0 ? "" : ", ").append(CONTEXT.get(parameters.get(i)));
      wrapper.append(' ').append(parameters.get(i));
    }
    wrapper.append(") throws Exception {\n");
    wrapper.append("List<Future<?>> ").append(FUTURES).append(" = new ArrayList<>();\n");
    int offset = lineCount(wrapper) + 1;
    List<int[]> lines = new ArrayList<>();
    for (int[] range : statementLines) {
      lines.add(new int[] {range[0] + offset, range[1] + offset});
    }
    wrapper.append(statements).append('\n');
    wrapper.append("return ").append(FUTURES).append(";\n}\n}\n");
    files.put(dir + WRAPPER + ".java", wrapper.toString());
    return new Fragment(files, parameters, lines);
  }

  /** The number of line breaks in the text. */
  private static int lineCount(CharSequence text) {
    return (int) text.chars().filter(c -> c == '\n').count();
  }

  /**
   * A fragment as compilation units.
   *
   * @param files the files, by path below a source root
   * @param parameters the names of the {@code run} method's parameters, in order
   * @param statementLines the first and last line of each statement in the wrapper's file, from 1
   */
  record Fragment(Map<String, String> files, List<String> parameters, List<int[]> statementLines) {}

  /** The local variable that collects the Futures a fragment declares. */
  private static final String FUTURES = "docSnippetFutures";

  /** A type declaration: annotations, modifiers, then record, class, interface or enum. */
  private static final Pattern TYPE =
      Pattern.compile(
          "(?:@[\\w.]+(?:\\s*\\((?:[^()\"]|\"(?:[^\"\\\\]|\\\\.)*\"|\\([^()]*\\))*\\))?\\s*)*"
              + "(?:(?:public|protected|private|static|final|abstract|sealed|non-sealed|strictfp)"
              + "\\s+)*(?:record|class|interface|enum|@interface)\\s+(\\w+)");

  /** A member declaration: it starts with an annotation or a modifier no statement starts with. */
  private static final Pattern MEMBER =
      Pattern.compile("(?:@|(?:public|protected|private|static|abstract|synchronized)\\b)");

  /** A statement that declares a Future: its variable's name. */
  private static final Pattern FUTURE =
      Pattern.compile("(?s)(?:final\\s+)?Future<.+?>\\s+(\\w+)\\s*=");

  /** Whether the statements declare {@code name}: as a variable, or as a lambda parameter. */
  private static boolean declares(String statements, String name) {
    String n = Pattern.quote(name);
    return Pattern.compile(
                "(?:\\b[A-Z][\\w.]*(?:<[^;=(){}]*>)?(?:\\[\\])*|\\bvar|\\b(?:int|long|short|byte"
                    + "|char|boolean|double|float))\\s+"
                    + n
                    + "\\s*[=;:,)]")
            .matcher(statements)
            .find()
        || Pattern.compile("\\b" + n + "\\s*->").matcher(statements).find()
        || Pattern.compile("\\([^()]*\\b" + n + "\\b[^()]*\\)\\s*->").matcher(statements).find();
  }

  /** The code after its leading blank space and comments. */
  static String stripLeadingComments(String code) {
    int i = 0;
    while (i < code.length()) {
      if (Character.isWhitespace(code.charAt(i))) {
        i++;
      } else if (code.startsWith("//", i)) {
        int end = code.indexOf('\n', i);
        i = end < 0 ? code.length() : end + 1;
      } else if (code.startsWith("/*", i)) {
        int end = code.indexOf("*/", i + 2);
        i = end < 0 ? code.length() : end + 2;
      } else {
        break;
      }
    }
    return code.substring(i);
  }

  /**
   * Cuts code at brace depth 0: after a {@code ;}, or after a {@code }} that is not followed by
   * {@code else}, {@code catch}, {@code finally} or punctuation that continues an expression. Text
   * in strings, character literals, text blocks and comments is skipped. The chunks, joined, are
   * the code.
   */
  static List<String> chunks(String code) {
    List<String> chunks = new ArrayList<>();
    int depth = 0;
    int start = 0;
    int i = 0;
    int n = code.length();
    while (i < n) {
      char c = code.charAt(i);
      if (code.startsWith("//", i)) {
        int end = code.indexOf('\n', i);
        i = end < 0 ? n : end;
        continue;
      }
      if (code.startsWith("/*", i)) {
        int end = code.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        continue;
      }
      if (code.startsWith("\"\"\"", i)) {
        int end = code.indexOf("\"\"\"", i + 3);
        while (end > 0 && code.charAt(end - 1) == '\\') {
          end = code.indexOf("\"\"\"", end + 1);
        }
        i = end < 0 ? n : end + 3;
        continue;
      }
      if (c == '"' || c == '\'') {
        i++;
        while (i < n && code.charAt(i) != c) {
          i += code.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      }
      i++;
      boolean end =
          depth == 0 && (c == ';' || (c == '}' && !continues(code, i, code.substring(start, i))));
      if (end) {
        // A comment on the rest of the line stays with its statement.
        int lineEnd = code.indexOf('\n', i);
        String rest = lineEnd < 0 ? code.substring(i) : code.substring(i, lineEnd);
        if (rest.isBlank() || rest.strip().startsWith("//")) {
          i = lineEnd < 0 ? n : lineEnd + 1;
        }
        chunks.add(code.substring(start, i));
        start = i;
      }
    }
    if (start < n) {
      chunks.add(code.substring(start));
    }
    return chunks;
  }

  /** Whether the code after a closing brace at depth 0 continues the same statement. */
  private static boolean continues(String code, int from, String chunk) {
    String next = stripLeadingComments(code.substring(from));
    if (next.isEmpty()) {
      return false;
    }
    char c = next.charAt(0);
    if (c == ';' || c == ')' || c == ',' || c == '.') {
      return true;
    }
    if (next.matches("(?s)(?:else|catch|finally)\\b.*")) {
      return true;
    }
    return next.matches("(?s)while\\b.*") && stripLeadingComments(chunk).matches("(?s)do\\b.*");
  }
}
