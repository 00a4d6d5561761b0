package dev.asyncmodel.processor;

import java.util.Locale;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * The naming rules of DESIGN.md: plural companions, snake_case tables and columns, and which names
 * a user may give instead.
 */
public final class Naming {
  private Naming() {}

  /** A table or column name that needs no escaping in any backend's DDL. */
  private static final Pattern SQL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

  /**
   * Whether {@code @AsyncModel(companion = ...)} may name the companion so: a simple Java class
   * name, since the companion goes in the record's package.
   *
   * @param name a name given by the user
   * @return whether it is a simple, non-keyword Java identifier
   */
  public static boolean isCompanionName(String name) {
    return SourceVersion.isName(name) && name.indexOf('.') < 0;
  }

  /**
   * Whether {@code @AsyncModel(table = ...)} or {@code @Column} may name a table or column so.
   *
   * @param name a name given by the user
   * @return whether it is letters, digits, underscores and dollars, not starting with a digit
   */
  public static boolean isSqlName(String name) {
    return SQL_NAME.matcher(name).matches();
  }

  /**
   * English plural of a type name, for the companion: {@code Transaction} gives {@code
   * Transactions}, {@code Category} gives {@code Categories}, {@code Address} gives {@code
   * Addresses}.
   *
   * @param name a simple type name
   * @return its plural
   */
  public static String plural(String name) {
    int n = name.length();
    if (n > 1 && name.endsWith("y") && !isVowel(name.charAt(n - 2))) {
      return name.substring(0, n - 1) + "ies";
    }
    if (name.endsWith("s")
        || name.endsWith("x")
        || name.endsWith("z")
        || name.endsWith("ch")
        || name.endsWith("sh")) {
      return name + "es";
    }
    return name + "s";
  }

  private static boolean isVowel(char c) {
    return "aeiouAEIOU".indexOf(c) >= 0;
  }

  /**
   * snake_case of a camelCase or PascalCase name: {@code LineItem} gives {@code line_item}, {@code
   * createdAt} gives {@code created_at}, {@code HTTPRequest} gives {@code http_request}.
   *
   * @param name a Java name
   * @return the name in snake_case
   */
  public static String snake(String name) {
    StringBuilder out = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean afterLowerOrDigit =
            i > 0
                && (Character.isLowerCase(name.charAt(i - 1))
                    || Character.isDigit(name.charAt(i - 1)));
        boolean endsAcronym =
            i > 0
                && Character.isUpperCase(name.charAt(i - 1))
                && i + 1 < name.length()
                && Character.isLowerCase(name.charAt(i + 1));
        if ((afterLowerOrDigit || endsAcronym)
            && out.length() > 0
            && out.charAt(out.length() - 1) != '_') {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * UPPER_SNAKE of a component name, for field constants: {@code createdAt} gives {@code
   * CREATED_AT}.
   *
   * @param name a component name
   * @return the constant's name
   */
  public static String constant(String name) {
    return snake(name).toUpperCase(Locale.ROOT);
  }

  /**
   * lowerCamel of a type name, for a parameter: {@code LineItem} gives {@code lineItem}.
   *
   * @param name a simple type name
   * @return the parameter name
   */
  public static String parameter(String name) {
    int upper = 0;
    while (upper < name.length() && Character.isUpperCase(name.charAt(upper))) {
      upper++;
    }
    if (upper == 0) {
      return name;
    }
    // "URLRecord" gives "urlRecord": lower the acronym, but not the next word's capital.
    int cut = upper == 1 || upper == name.length() ? upper : upper - 1;
    return name.substring(0, cut).toLowerCase(Locale.ROOT) + name.substring(cut);
  }
}
