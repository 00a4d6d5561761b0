package dev.asyncmodel.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the fenced code blocks of a Markdown page, as CommonMark delimits them. */
final class Markdown {
  private Markdown() {}

  /** An opening fence: indentation, three or more backticks or tildes, then the info string. */
  private static final Pattern OPEN = Pattern.compile("^(\\s*)(`{3,}|~{3,})\\s*([^\\s`]*).*$");

  /**
   * One fenced code block.
   *
   * @param page the page's file name, such as {@code queries.md}
   * @param line the line of the opening fence, from 1
   * @param info the first word of the info string: {@code java}, {@code python}, or empty
   * @param code the block's text, without the fences and their indentation
   * @param context Java member declarations from a {@code <!-- java-context ... -->} comment right
   *     before the block, or an empty string
   */
  record Block(String page, int line, String info, String code, String context) {
    /**
     * @return where the block is, for test names and failure messages
     */
    String where() {
      return page + ":" + line;
    }
  }

  /**
   * @param page a Markdown file
   * @return its fenced code blocks, in order
   */
  static List<Block> blocks(Path page) {
    List<String> lines;
    try {
      lines = Files.readAllLines(page, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher open = OPEN.matcher(lines.get(i));
      if (!open.matches()) {
        continue;
      }
      int indent = open.group(1).length();
      String fence = open.group(2);
      Pattern close =
          Pattern.compile(
              "^\\s*" + Pattern.quote(fence.substring(0, 1)) + "{" + fence.length() + ",}\\s*$");
      StringBuilder code = new StringBuilder();
      int j = i + 1;
      while (j < lines.size() && !close.matcher(lines.get(j)).matches()) {
        code.append(unindent(lines.get(j), indent)).append('\n');
        j++;
      }
      blocks.add(
          new Block(
              page.getFileName().toString(),
              i + 1,
              open.group(3),
              code.toString(),
              context(lines, i)));
      i = j;
    }
    return blocks;
  }

  /** Removes up to {@code indent} leading spaces: the fence's own indentation, in a list item. */
  private static String unindent(String line, int indent) {
    int n = 0;
    while (n < indent && n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return line.substring(n);
  }

  /**
   * The body of a {@code <!-- java-context ... -->} comment that ends on the last non-blank line
   * before the fence at {@code fence}, or an empty string.
   */
  private static String context(List<String> lines, int fence) {
    int end = fence - 1;
    while (end >= 0 && lines.get(end).isBlank()) {
      end--;
    }
    if (end < 0 || !lines.get(end).strip().endsWith("-->")) {
      return "";
    }
    int start = end;
    while (start >= 0 && !lines.get(start).contains("<!--")) {
      start--;
    }
    if (start < 0 || !lines.get(start).strip().startsWith("<!-- java-context")) {
      return "";
    }
    StringBuilder body = new StringBuilder();
    for (int k = start + 1; k < end; k++) {
      body.append(lines.get(k)).append('\n');
    }
    return body.toString();
  }
}
