package dev.asyncmodel.processor;

/**
 * Every compile error the processor reports. Each has a stable code, shown as {@code
 * [asyncmodel.Code]}, a message template ({@link String#format}) that says what is wrong and how to
 * fix it, and an entry in {@code docs/errors.md}.
 */
public enum Problem {
  NOT_A_RECORD(
      "NotARecord",
      "@AsyncModel applies only to records; %s is %s. Declare it as \"record %s(...)\"."),
  GENERIC_RECORD(
      "GenericRecord",
      "Record %s has type parameters; a model maps one table with fixed column types. Remove the"
          + " type parameters."),
  NOT_ACCESSIBLE(
      "NotAccessible",
      "Record %s is private; its generated companion in package %s could not use it. Make it"
          + " package-private or public."),
  INACCESSIBLE_TYPE(
      "InaccessibleType",
      "Component \"%s\" of %s has type %s, which is private: the generated companion could not"
          + " name it. Make %s package-private or public."),
  INVALID_COMPANION(
      "InvalidCompanion",
      "@AsyncModel(companion = \"%s\") is not a valid Java class name. Use a simple name such as"
          + " \"%s\"."),
  INVALID_TABLE(
      "InvalidTable",
      "@AsyncModel(table = \"%s\") is not a usable table name. Use letters, digits and"
          + " underscores, for example \"%s\"."),
  INVALID_COLUMN(
      "InvalidColumn",
      "@Column(\"%s\") on component \"%s\" is not a usable column name. Use letters, digits and"
          + " underscores, for example \"%s\"."),
  NO_ID("NoId", "Record %s has no @Id component. Add one, for example \"@Id Long id\"."),
  MULTIPLE_IDS(
      "MultipleIds", "Record %s has more than one @Id component (%s). Keep @Id on one of them."),
  ID_TYPE(
      "IdType",
      "@Id component \"%s\" of %s has type %s; an @Id is a Long (or an Integer, Django's"
          + " AutoField) that the database generates. Declare it as \"@Id Long %s\"."),
  UNSUPPORTED_TYPE(
      "UnsupportedType",
      "Component \"%s\" of %s has type %s, which has no column mapping. Use one of: %s."),
  MISPLACED_ANNOTATION(
      "MisplacedAnnotation",
      "@%s does not fit component \"%s\" of %s, whose type is %s: it fits %s. Remove it, or change"
          + " the component's type."),
  MISSING_DECIMAL(
      "MissingDecimal",
      "Component \"%s\" of %s is a BigDecimal without @Decimal. Add its precision and scale, for"
          + " example \"@Decimal(maxDigits = 10, decimalPlaces = 2)\"."),
  DECIMAL_DIGITS("DecimalDigits", "@Decimal(maxDigits = %d): maxDigits must be from 1 to 1000."),
  DECIMAL_PLACES(
      "DecimalPlaces",
      "@Decimal(maxDigits = %d, decimalPlaces = %d): decimalPlaces must be from 0 to maxDigits."),
  MAX_LENGTH("MaxLength", "@MaxLength(%d): the length must be at least 1."),
  MISSING_VALUE(
      "MissingValue",
      "@%s on component \"%s\" of %s does not say %s. Write it, for example \"%s\"."),
  NULLABLE_PRIMITIVE(
      "NullablePrimitive",
      "Component \"%s\" of %s is a primitive %s, which is never null. Use its box type %s to make"
          + " the column nullable."),
  MISSING_FOREIGN_KEY(
      "MissingForeignKey",
      "Component \"%s\" of %s is a Ref without @ForeignKey. Add"
          + " \"@ForeignKey(onDelete = OnDelete.CASCADE)\", or another OnDelete rule."),
  MISSING_ON_DELETE(
      "MissingOnDelete",
      "@ForeignKey on component \"%s\" of %s names no onDelete rule; Django requires on_delete, and"
          + " so does asyncmodel. Add one: \"@ForeignKey(onDelete = OnDelete.CASCADE)\", or PROTECT,"
          + " SET_NULL (on a @Nullable component) or DO_NOTHING."),
  RAW_REF(
      "RawRef",
      "Component \"%s\" of %s is a raw Ref. Name the referenced model, for example"
          + " \"Ref<User> %s\"."),
  FOREIGN_KEY_TARGET(
      "ForeignKeyTarget",
      "@ForeignKey component \"%s\" has type Ref<%s>, but %s is not an @AsyncModel record."
          + " Annotate %s with @AsyncModel."),
  SET_NULL_NOT_NULLABLE(
      "SetNullNotNullable",
      "@ForeignKey(onDelete = SET_NULL) on component \"%s\" of %s, whose column is NOT NULL."
          + " Annotate the component @Nullable, or pick another OnDelete rule."),
  COLUMN_CLASH(
      "ColumnClash",
      "Components \"%s\" and \"%s\" of %s both map to column \"%s\". Rename one with"
          + " @Column(\"...\")."),
  COMPANION_CLASH("CompanionClash", "Type %s already exists. %s"),
  TABLE_CLASH(
      "TableClash",
      "Records %s and %s both map to table \"%s\". Name another table with"
          + " @AsyncModel(table = \"...\")."),
  UNRESOLVED_TYPE(
      "UnresolvedType",
      "The type of component \"%s\" of %s could not be resolved. Check its imports and spelling."),
  IO(
      "Io",
      "Cannot write %s: %s. Check that the build can write to its output directories and that the"
          + " disk has space, then build again."),
  INTERNAL(
      "Internal",
      "asyncmodel failed on %s; this is a bug in asyncmodel, please report it with this trace: %s");

  private final String code;
  private final String template;

  Problem(String code, String template) {
    this.code = code;
    this.template = template;
  }

  /**
   * @return the stable code, as in {@code [asyncmodel.NoId]}
   */
  public String code() {
    return code;
  }

  /**
   * @return the message after the code, with {@link String#format}'s {@code %s} and {@code %d} for
   *     the values; the docs' tests match the messages {@code docs/errors.md} quotes against it
   */
  public String template() {
    return template;
  }

  /**
   * @param args the template's arguments
   * @return the message javac shows
   */
  public String format(Object... args) {
    return "[asyncmodel." + code + "] " + String.format(template, args);
  }
}
