package dev.asyncmodel.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build that {@code getting-started.md} tells users to set up, read from the page's own blocks,
 * so that the tests compile with what the page says and nothing else: the {@code <release>} and
 * {@code <compilerArgs>} of its Maven blocks, and the {@code options.compilerArgs} of its Gradle
 * block.
 */
final class DocumentedBuild {
  private DocumentedBuild() {}

  /** The page that documents the build. */
  static final String PAGE = "getting-started.md";

  /**
   * @return the {@code <arg>}s of the Maven block with {@code <compilerArgs>}, in order
   */
  static List<String> mavenCompilerArgs() {
    return all(Pattern.compile("<arg>([^<]*)</arg>"), block("xml", "<compilerArgs>"));
  }

  /**
   * @return the strings of the Gradle block's {@code options.compilerArgs += [...]}, in order
   */
  static List<String> gradleCompilerArgs() {
    String groovy = block("groovy", "options.compilerArgs");
    Matcher list = Pattern.compile("options\\.compilerArgs\\s*\\+=\\s*\\[([^]]*)]").matcher(groovy);
    if (!list.find()) {
      throw new IllegalStateException(PAGE + ": no options.compilerArgs += [...] in " + groovy);
    }
    return all(Pattern.compile("'([^']*)'"), list.group(1));
  }

  /**
   * @return the {@code <release>} of the Maven block that configures the compiler plugin
   */
  static String release() {
    List<String> release =
        all(Pattern.compile("<release>(\\d+)</release>"), block("xml", "<release>"));
    if (release.size() != 1) {
      throw new IllegalStateException(PAGE + ": expected one <release>, found " + release);
    }
    return release.get(0);
  }

  /**
   * @return what the documented build gives javac: the compiler arguments, then the release
   */
  static List<String> javacOptions() {
    List<String> options = new ArrayList<>(mavenCompilerArgs());
    options.add("--release");
    options.add(release());
    return List.copyOf(options);
  }

  /**
   * @param info the block's language
   * @param marker text the block holds
   * @return the one block of {@link #PAGE} in that language with that text
   */
  static String block(String info, String marker) {
    List<String> blocks =
        Markdown.blocks(Docs.dir().resolve(PAGE)).stream()
            .filter(b -> b.info().equals(info) && b.code().contains(marker))
            .map(Markdown.Block::code)
            .toList();
    if (blocks.size() != 1) {
      throw new IllegalStateException(
          PAGE
              + ": expected one ```"
              + info
              + " block with "
              + marker
              + ", found "
              + blocks.size());
    }
    return blocks.get(0);
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(1).strip());
    }
    if (found.isEmpty()) {
      throw new IllegalStateException(PAGE + ": nothing matches " + pattern + " in " + text);
    }
    return found;
  }
}
