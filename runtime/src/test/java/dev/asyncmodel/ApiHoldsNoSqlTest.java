package dev.asyncmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public package keeps the API, the engine keeps the SQL: no string literal in {@code
 * dev.asyncmodel}'s own sources holds SQL. A new lookup, statement or clause goes to the engine's
 * compiler or a dialect ({@code docs/architecture.md}).
 */
class ApiHoldsNoSqlTest {
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern SQL =
      Pattern.compile(
          "\\b(SELECT|FROM|WHERE|INSERT INTO|UPDATE|DELETE FROM|LIMIT|OFFSET|ORDER BY|IS NULL"
              + "|IS NOT NULL|LIKE|ESCAPE|RETURNING|FOR UPDATE|SAVEPOINT|COMMIT|ROLLBACK|BEGIN"
              + "|CREATE TABLE|VALUES|BETWEEN)\\b|\\b(UPPER|COUNT|ANY|NOT) ?\\(|[=<>] ?(\\$[0-9]|\\?)"
              + "|\\b(AND|OR)\\b.*[=<>]");

  @Test
  void noStringLiteralOfThePublicPackageHoldsSql() throws IOException {
    Path api = Path.of("src/main/java/dev/asyncmodel");
    assertTrue(Files.isDirectory(api), "run from the runtime module: " + api.toAbsolutePath());
    List<String> found = new ArrayList<>();
    int files = 0;
    try (Stream<Path> sources = Files.list(api)) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        files++;
        List<String> lines = Files.readAllLines(source);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i).strip();
          if (line.startsWith("*") || line.startsWith("/*") || line.startsWith("//")) {
            continue; // comments may name SQL
          }
          Matcher literal = STRING.matcher(line);
          while (literal.find()) {
            String text = literal.group();
            if (SQL.matcher(text.substring(1, text.length() - 1)).find()) {
              found.add(source.getFileName() + ":" + (i + 1) + ": " + text);
            }
          }
        }
      }
    }
    assertTrue(files > 20, "the API's sources were read: " + files);
    assertEquals(List.of(), found, "SQL in the public package; move it to the engine");
  }
}
