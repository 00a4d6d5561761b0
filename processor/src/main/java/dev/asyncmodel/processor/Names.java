package dev.asyncmodel.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Set;

/**
 * Every runtime type the generated code names. The processor never loads runtime classes, so that
 * it runs without the runtime on its path; {@code NamesTest} checks each name against the real
 * class.
 */
public final class Names {
  private Names() {}

  static final String PACKAGE = "dev.asyncmodel";
  static final String SPI = "dev.asyncmodel.spi";

  /** Annotation names, as {@code @AsyncModel}'s processor reads them. */
  public static final String ASYNC_MODEL = PACKAGE + ".AsyncModel";

  public static final String ID = PACKAGE + ".Id";
  public static final String FOREIGN_KEY = PACKAGE + ".ForeignKey";
  public static final String MAX_LENGTH = PACKAGE + ".MaxLength";
  public static final String DECIMAL = PACKAGE + ".Decimal";
  public static final String UNIQUE = PACKAGE + ".Unique";
  public static final String AUTO_NOW_ADD = PACKAGE + ".AutoNowAdd";
  public static final String COLUMN = PACKAGE + ".Column";
  public static final String DICT_EXCLUDE = PACKAGE + ".DictExclude";
  public static final String REF_TYPE = PACKAGE + ".Ref";

  /** Every annotation of the runtime: the processor's supported, and claimed, annotation types. */
  public static final Set<String> ANNOTATIONS =
      Set.of(
          ASYNC_MODEL,
          ID,
          FOREIGN_KEY,
          MAX_LENGTH,
          DECIMAL,
          UNIQUE,
          AUTO_NOW_ADD,
          COLUMN,
          DICT_EXCLUDE);

  public static final ClassName DATABASE = ClassName.get(PACKAGE, "Database");
  public static final ClassName QUERY_SET = ClassName.get(PACKAGE, "QuerySet");
  public static final ClassName QUERY_SET_STATE = ClassName.get(PACKAGE, "QuerySet", "State");
  public static final ClassName REF = ClassName.get(PACKAGE, "Ref");
  public static final ClassName MODEL = ClassName.get(PACKAGE, "Model");
  public static final ClassName FIELD_ERROR = ClassName.get(PACKAGE, "FieldError");
  public static final ClassName FIELD = ClassName.get(PACKAGE, "Field");
  public static final ClassName VALUE_FIELD = ClassName.get(PACKAGE, "ValueField");
  public static final ClassName COMPARABLE_FIELD = ClassName.get(PACKAGE, "ComparableField");
  public static final ClassName STRING_FIELD = ClassName.get(PACKAGE, "StringField");
  public static final ClassName INTEGER_FIELD = ClassName.get(PACKAGE, "IntegerField");
  public static final ClassName FLOAT_FIELD = ClassName.get(PACKAGE, "FloatField");
  public static final ClassName DECIMAL_FIELD = ClassName.get(PACKAGE, "DecimalField");
  public static final ClassName DATE_FIELD = ClassName.get(PACKAGE, "DateField");
  public static final ClassName DATE_TIME_FIELD = ClassName.get(PACKAGE, "DateTimeField");
  public static final ClassName REF_FIELD = ClassName.get(PACKAGE, "RefField");
  public static final ClassName JSON_OBJECT_FIELD = ClassName.get(PACKAGE, "JsonObjectField");
  public static final ClassName JSON_ARRAY_FIELD = ClassName.get(PACKAGE, "JsonArrayField");
  public static final ClassName ON_DELETE = ClassName.get(PACKAGE, "OnDelete");

  /**
   * The {@code OnDelete} constants that are rules: all but {@code UNSET}, the default of {@code
   * ForeignKey.onDelete()}, which the reader refuses and no model may have.
   */
  public static final List<String> ON_DELETE_RULES =
      List.of("CASCADE", "PROTECT", "SET_NULL", "DO_NOTHING");

  public static final ClassName MODEL_META = ClassName.get(SPI, "ModelMeta");
  public static final ClassName COLUMN_SPEC = ClassName.get(SPI, "ColumnSpec");
  public static final ClassName COLUMN_TYPE = ClassName.get(SPI, "ColumnType");
  public static final ClassName ROW_READER = ClassName.get(SPI, "RowReader");
  public static final ClassName VALUES = ClassName.get(SPI, "Values");

  public static final ClassName JSON_OBJECT = ClassName.get("io.vertx.core.json", "JsonObject");
  public static final ClassName JSON_ARRAY = ClassName.get("io.vertx.core.json", "JsonArray");
  public static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");

  /** What {@code @Generated} says wrote the file. */
  public static final String PROCESSOR = "dev.asyncmodel.processor.AsyncModelProcessor";
}
