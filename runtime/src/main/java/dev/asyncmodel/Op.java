package dev.asyncmodel;

/** The lookups a {@link Lookup} can render, each with the arity of its bound values. */
enum Op {
  EQ,
  GT,
  GTE,
  LT,
  LTE,
  IN,
  BETWEEN,
  IS_NULL,
  NOT_NULL,
  IEQ,
  CONTAINS,
  ICONTAINS,
  STARTS_WITH,
  ISTARTS_WITH,
  ENDS_WITH,
  IENDS_WITH;

  /** Whether the lookup is a LIKE pattern, whose value the dialect escapes. */
  boolean isPattern() {
    return ordinal() >= CONTAINS.ordinal();
  }

  /** Whether the lookup ignores case. */
  boolean ignoresCase() {
    return this == IEQ || this == ICONTAINS || this == ISTARTS_WITH || this == IENDS_WITH;
  }
}
