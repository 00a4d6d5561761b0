package dev.asyncmodel.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.asyncmodel.processor.model.ColumnKind;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** The one table from a component's Java type to its column kind. */
final class TypeMapping {
  private TypeMapping() {}

  /** What an unsupported-type error lists. */
  static final String SUPPORTED =
      "String, boolean, int, long, short, double, float (or their boxes), BigDecimal, Instant,"
          + " OffsetDateTime, LocalDate, LocalDateTime, LocalTime, UUID, byte[], an enum,"
          + " JsonObject, JsonArray, Ref<Model>";

  /**
   * A component's mapping.
   *
   * @param kind its column kind
   * @param type its Java type, without type annotations
   * @param primitive whether the type is primitive
   */
  record Mapping(ColumnKind kind, TypeName type, boolean primitive) {}

  private static final Map<String, ColumnKind> DECLARED =
      Map.ofEntries(
          Map.entry("java.lang.Long", ColumnKind.LONG),
          Map.entry("java.lang.Integer", ColumnKind.INT),
          Map.entry("java.lang.Short", ColumnKind.SHORT),
          Map.entry("java.lang.Boolean", ColumnKind.BOOLEAN),
          Map.entry("java.lang.Double", ColumnKind.DOUBLE),
          Map.entry("java.lang.Float", ColumnKind.FLOAT),
          Map.entry("java.lang.String", ColumnKind.STRING),
          Map.entry("java.math.BigDecimal", ColumnKind.DECIMAL),
          Map.entry("java.time.Instant", ColumnKind.INSTANT),
          Map.entry("java.time.OffsetDateTime", ColumnKind.OFFSET_DATE_TIME),
          Map.entry("java.time.LocalDate", ColumnKind.LOCAL_DATE),
          Map.entry("java.time.LocalDateTime", ColumnKind.LOCAL_DATE_TIME),
          Map.entry("java.time.LocalTime", ColumnKind.LOCAL_TIME),
          Map.entry("java.util.UUID", ColumnKind.UUID),
          Map.entry(Names.JSON_OBJECT.canonicalName(), ColumnKind.JSON_OBJECT),
          Map.entry(Names.JSON_ARRAY.canonicalName(), ColumnKind.JSON_ARRAY),
          Map.entry(Names.REF_TYPE, ColumnKind.REF));

  /**
   * @param type a component's type
   * @return its mapping, or empty when it has none; a {@code Ref}'s type argument is the reader's
   *     to check
   */
  static Optional<Mapping> map(TypeMirror type) {
    switch (type.getKind()) {
      case BOOLEAN:
        return primitive(ColumnKind.BOOLEAN, TypeName.BOOLEAN);
      case INT:
        return primitive(ColumnKind.INT, TypeName.INT);
      case LONG:
        return primitive(ColumnKind.LONG, TypeName.LONG);
      case SHORT:
        return primitive(ColumnKind.SHORT, TypeName.SHORT);
      case DOUBLE:
        return primitive(ColumnKind.DOUBLE, TypeName.DOUBLE);
      case FLOAT:
        return primitive(ColumnKind.FLOAT, TypeName.FLOAT);
      case ARRAY:
        TypeMirror component = ((ArrayType) type).getComponentType();
        return component.getKind() == TypeKind.BYTE
            ? Optional.of(new Mapping(ColumnKind.BYTES, ArrayTypeName.of(TypeName.BYTE), false))
            : Optional.empty();
      case DECLARED:
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        if (element.getKind() == ElementKind.ENUM) {
          return Optional.of(new Mapping(ColumnKind.ENUM, ClassName.get(element), false));
        }
        ColumnKind kind = DECLARED.get(element.getQualifiedName().toString());
        return kind == null
            ? Optional.empty()
            : Optional.of(new Mapping(kind, ClassName.get(element), false));
      default:
        return Optional.empty();
    }
  }

  private static Optional<Mapping> primitive(ColumnKind kind, TypeName type) {
    return Optional.of(new Mapping(kind, type, true));
  }

  /**
   * @return whether {@code @AutoNowAdd} fits the kind: a date or a time with a date
   */
  static boolean isTimestamp(ColumnKind kind) {
    return kind == ColumnKind.INSTANT
        || kind == ColumnKind.OFFSET_DATE_TIME
        || kind == ColumnKind.LOCAL_DATE_TIME
        || kind == ColumnKind.LOCAL_DATE;
  }
}
