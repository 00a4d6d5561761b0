package dev.asyncmodel;

import dev.asyncmodel.Lookup.Op;
import dev.asyncmodel.spi.ColumnSpec;
import java.util.List;

/**
 * A text column. The pattern lookups match their argument literally: {@code %}, {@code _} and the
 * escape character are escaped, so {@code contains("50%")} finds "50%" and not "500".
 *
 * @param <T> the model
 */
public final class StringField<T extends Record> extends ComparableField<T, String>
    implements TextExpression<T> {
  /**
   * For generated code.
   *
   * @param spec the column
   */
  public StringField(ColumnSpec spec) {
    super(spec);
  }

  StringField(Field<?> origin, List<RefField<?, ?>> path) {
    super(origin, path);
  }

  @Override
  StringField<?> reached(List<RefField<?, ?>> hops) {
    return new StringField<>(origin(), hops);
  }

  /**
   * Django's {@code contains}: case-sensitive substring.
   *
   * @param text the text to find
   * @return the condition
   */
  public Condition<T> contains(String text) {
    return Lookup.of(this, Op.CONTAINS, text);
  }

  /**
   * Django's {@code icontains}: case-insensitive substring.
   *
   * @param text the text to find
   * @return the condition
   */
  public Condition<T> icontains(String text) {
    return Lookup.of(this, Op.ICONTAINS, text);
  }

  /**
   * Django's {@code startswith}.
   *
   * @param prefix the prefix
   * @return the condition
   */
  public Condition<T> startsWith(String prefix) {
    return Lookup.of(this, Op.STARTS_WITH, prefix);
  }

  /**
   * Django's {@code istartswith}.
   *
   * @param prefix the prefix, in any case
   * @return the condition
   */
  public Condition<T> iStartsWith(String prefix) {
    return Lookup.of(this, Op.ISTARTS_WITH, prefix);
  }

  /**
   * Django's {@code endswith}.
   *
   * @param suffix the suffix
   * @return the condition
   */
  public Condition<T> endsWith(String suffix) {
    return Lookup.of(this, Op.ENDS_WITH, suffix);
  }

  /**
   * Django's {@code iendswith}.
   *
   * @param suffix the suffix, in any case
   * @return the condition
   */
  public Condition<T> iEndsWith(String suffix) {
    return Lookup.of(this, Op.IENDS_WITH, suffix);
  }

  /**
   * Django's {@code regex}: the text matches the regular expression, case-sensitively. The pattern
   * is a bound value, never part of the SQL. Each database has its own regular expressions, as in
   * Django: PostgreSQL's POSIX ({@code ~}), MySQL's ICU and MariaDB's PCRE ({@code REGEXP}), Java's
   * {@link java.util.regex.Pattern} on SQLite; keep to what they share ({@code ^ $ . * + ? [] |
   * ()}) for a query that runs on all of them.
   *
   * <pre>{@code
   * Transactions.objects(db).filter(DESCRIPTION.regex("^Card payment, [A-Z]")).aall();
   * }</pre>
   *
   * @param pattern the regular expression
   * @return the condition
   */
  public Condition<T> regex(String pattern) {
    return Lookup.of(this, Op.REGEX, pattern);
  }

  /**
   * Django's {@code iregex}: {@link #regex} in any case.
   *
   * @param pattern the regular expression
   * @return the condition
   */
  public Condition<T> iRegex(String pattern) {
    return Lookup.of(this, Op.IREGEX, pattern);
  }

  /**
   * Django's {@code iexact}: equal, ignoring case.
   *
   * @param text the text
   * @return the condition
   */
  public Condition<T> iEq(String text) {
    return Lookup.of(this, Op.IEQ, text);
  }
}
