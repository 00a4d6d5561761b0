package dev.asyncmodel.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.asyncmodel.processor.model.ColumnInfo;
import dev.asyncmodel.processor.model.ColumnKind;
import dev.asyncmodel.processor.model.ModelInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads one {@code @AsyncModel} element into a {@link ModelInfo}, reporting every problem it finds
 * on the element to blame. Annotations are read through their mirrors, never as classes, so the
 * processor runs without the runtime on its path.
 */
final class ModelReader {
  /** What reading an element gave. */
  sealed interface Result {}

  /** A valid model. */
  record Read(ModelInfo spec) implements Result {}

  /** An invalid model: its problems were reported. */
  record Invalid() implements Result {}

  /** A component's type is not known yet (generated later): try again next round. */
  record Deferred(RecordComponentElement component) implements Result {}

  private static final Pattern SQL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

  private final Elements elements;
  private final Diagnostics diagnostics;

  ModelReader(Elements elements, Diagnostics diagnostics) {
    this.elements = elements;
    this.diagnostics = diagnostics;
  }

  Result read(Element element) {
    int errorsBefore = diagnostics.errorCount();
    if (element.getKind() != ElementKind.RECORD) {
      diagnostics.error(
          Problem.NOT_A_RECORD,
          element,
          element.getSimpleName(),
          describeKind(element.getKind()),
          element.getSimpleName());
      return new Invalid();
    }
    TypeElement type = (TypeElement) element;
    for (RecordComponentElement component : type.getRecordComponents()) {
      if (isUnresolved(component.asType())) {
        return new Deferred(component);
      }
    }
    String name = type.getSimpleName().toString();
    if (!type.getTypeParameters().isEmpty()) {
      diagnostics.error(Problem.GENERIC_RECORD, type, name);
    }
    String pkg = elements.getPackageOf(type).getQualifiedName().toString();
    for (Element e = type; !(e instanceof PackageElement); e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        diagnostics.error(Problem.NOT_ACCESSIBLE, type, name, pkg.isEmpty() ? "(unnamed)" : pkg);
        break;
      }
    }

    AnnotationMirror model = annotation(type, Names.ASYNC_MODEL);
    String companionName = Naming.plural(name);
    String table = Naming.snake(name);
    if (model != null) {
      AnnotationValue companion = value(model, "companion");
      String given = companion == null ? "" : (String) companion.getValue();
      if (!given.isEmpty()) {
        if (!SourceVersion.isName(given) || given.contains(".")) {
          diagnostics.error(
              Problem.INVALID_COMPANION, type, model, companion, given, companionName);
        } else {
          companionName = given;
        }
      }
      AnnotationValue tableValue = value(model, "table");
      String givenTable = tableValue == null ? "" : (String) tableValue.getValue();
      if (!givenTable.isEmpty()) {
        if (!SQL_NAME.matcher(givenTable).matches()) {
          diagnostics.error(Problem.INVALID_TABLE, type, model, tableValue, givenTable, table);
        } else {
          table = givenTable;
        }
      }
    }

    List<ColumnInfo> fields = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    int index = 0;
    for (RecordComponentElement component : type.getRecordComponents()) {
      Optional<ColumnInfo> field = readComponent(type, component, index++);
      field.ifPresent(fields::add);
      if (annotation(component, Names.ID) != null) {
        ids.add(component.getSimpleName().toString());
      }
    }
    if (ids.isEmpty()) {
      diagnostics.error(Problem.NO_ID, type, name);
    } else if (ids.size() > 1) {
      diagnostics.error(Problem.MULTIPLE_IDS, type, name, String.join(", ", ids));
    }
    Map<String, ColumnInfo> byColumn = new HashMap<>();
    for (ColumnInfo field : fields) {
      ColumnInfo other =
          byColumn.putIfAbsent(field.column().toLowerCase(java.util.Locale.ROOT), field);
      if (other != null) {
        diagnostics.error(
            Problem.COLUMN_CLASH,
            field.element(),
            other.name(),
            field.name(),
            name,
            field.column());
      }
    }
    if (diagnostics.errorCount() > errorsBefore) {
      return new Invalid();
    }
    ClassName record = ClassName.get(type);
    return new Read(
        new ModelInfo(
            record,
            ClassName.get(pkg, companionName),
            ClassName.get(pkg, name + "QuerySet"),
            elements.getBinaryName(type).toString(),
            table,
            type.getModifiers().contains(Modifier.PUBLIC),
            List.copyOf(fields),
            List.of(),
            type));
  }

  private Optional<ColumnInfo> readComponent(
      TypeElement type, RecordComponentElement component, int index) {
    int errorsBefore = diagnostics.errorCount();
    String model = type.getSimpleName().toString();
    String name = component.getSimpleName().toString();
    TypeMirror mirror = component.asType();
    Optional<TypeMapping.Mapping> mapping = TypeMapping.map(mirror);
    if (mapping.isEmpty()) {
      diagnostics.error(
          Problem.UNSUPPORTED_TYPE,
          component,
          name,
          model,
          typeText(mirror),
          TypeMapping.SUPPORTED);
      return Optional.empty();
    }
    ColumnKind kind = mapping.get().kind();
    TypeName javaType = mapping.get().type();
    if (kind == ColumnKind.ENUM) {
      Element enumType = ((DeclaredType) mirror).asElement();
      for (Element e = enumType; !(e instanceof PackageElement); e = e.getEnclosingElement()) {
        if (e.getModifiers().contains(Modifier.PRIVATE)) {
          diagnostics.error(
              Problem.INACCESSIBLE_TYPE,
              component,
              name,
              model,
              typeText(mirror),
              e.getSimpleName());
          return Optional.empty();
        }
      }
    }
    boolean primitive = mapping.get().primitive();
    String typeText = typeText(mirror);

    boolean nullable = isNullable(component);
    if (nullable && primitive) {
      diagnostics.error(
          Problem.NULLABLE_PRIMITIVE, component, name, model, typeText, javaType.box());
    }

    AnnotationMirror id = annotation(component, Names.ID);
    if (id != null && kind != ColumnKind.LONG) {
      diagnostics.error(Problem.ID_TYPE, component, id, name, model, typeText, name);
    } else if (id != null && primitive) {
      diagnostics.error(Problem.ID_TYPE, component, id, name, model, typeText, name);
    }

    int maxLength = 0;
    AnnotationMirror maxLengthAnnotation = annotation(component, Names.MAX_LENGTH);
    if (maxLengthAnnotation != null) {
      if (kind != ColumnKind.STRING) {
        misplaced(component, maxLengthAnnotation, "MaxLength", model, typeText, "a String");
      } else {
        AnnotationValue value = value(maxLengthAnnotation, "value");
        maxLength = value == null ? 0 : (Integer) value.getValue();
        if (maxLength < 1 && value != null) {
          diagnostics.error(Problem.MAX_LENGTH, component, maxLengthAnnotation, value, maxLength);
        }
      }
    }

    int maxDigits = 0;
    int decimalPlaces = 0;
    AnnotationMirror decimal = annotation(component, Names.DECIMAL);
    if (decimal != null && kind != ColumnKind.DECIMAL) {
      misplaced(component, decimal, "Decimal", model, typeText, "a BigDecimal");
    } else if (decimal != null) {
      AnnotationValue digits = value(decimal, "maxDigits");
      AnnotationValue places = value(decimal, "decimalPlaces");
      maxDigits = digits == null ? 0 : (Integer) digits.getValue();
      decimalPlaces = places == null ? 0 : (Integer) places.getValue();
      if (digits != null && (maxDigits < 1 || maxDigits > 1000)) {
        diagnostics.error(Problem.DECIMAL_DIGITS, component, decimal, digits, maxDigits);
      } else if (places != null && (decimalPlaces < 0 || decimalPlaces > maxDigits)) {
        diagnostics.error(
            Problem.DECIMAL_PLACES, component, decimal, places, maxDigits, decimalPlaces);
      }
    } else if (kind == ColumnKind.DECIMAL) {
      diagnostics.error(Problem.MISSING_DECIMAL, component, name, model);
    }

    AnnotationMirror autoNowAdd = annotation(component, Names.AUTO_NOW_ADD);
    if (autoNowAdd != null && !TypeMapping.isTimestamp(kind)) {
      misplaced(
          component,
          autoNowAdd,
          "AutoNowAdd",
          model,
          typeText,
          "an Instant, OffsetDateTime, LocalDateTime or LocalDate");
    }

    String onDelete = null;
    ColumnInfo.Target target = null;
    AnnotationMirror foreignKey = annotation(component, Names.FOREIGN_KEY);
    if (kind == ColumnKind.REF) {
      List<? extends TypeMirror> arguments = ((DeclaredType) mirror).getTypeArguments();
      if (arguments.isEmpty()) {
        diagnostics.error(Problem.RAW_REF, component, name, model, name);
      } else {
        TypeMirror argument = arguments.get(0);
        Element targetElement =
            argument.getKind() == TypeKind.DECLARED ? ((DeclaredType) argument).asElement() : null;
        String targetName =
            targetElement == null ? typeText(argument) : targetElement.getSimpleName().toString();
        if (targetElement == null
            || targetElement.getKind() != ElementKind.RECORD
            || annotation(targetElement, Names.ASYNC_MODEL) == null) {
          diagnostics.error(
              Problem.FOREIGN_KEY_TARGET, component, name, targetName, targetName, targetName);
        } else {
          TypeElement targetType = (TypeElement) targetElement;
          target =
              new ColumnInfo.Target(
                  ClassName.get(targetType),
                  companionOf(targetType),
                  idConstantOf(targetType),
                  tableOf(targetType),
                  idColumnOf(targetType));
          javaType = ParameterizedTypeName.get(Names.REF, ClassName.get(targetType));
        }
      }
      if (foreignKey == null) {
        diagnostics.error(Problem.MISSING_FOREIGN_KEY, component, name, model);
      } else {
        AnnotationValue rule = value(foreignKey, "onDelete");
        onDelete = rule == null ? "CASCADE" : rule.getValue().toString();
        if (onDelete.equals("SET_NULL") && !nullable) {
          diagnostics.error(
              Problem.SET_NULL_NOT_NULLABLE, component, foreignKey, rule, name, model);
        }
      }
    } else if (foreignKey != null) {
      misplaced(component, foreignKey, "ForeignKey", model, typeText, "a Ref<Model>");
    }

    String column = Naming.snake(name) + (kind == ColumnKind.REF ? "_id" : "");
    AnnotationMirror columnAnnotation = annotation(component, Names.COLUMN);
    if (columnAnnotation != null) {
      AnnotationValue value = value(columnAnnotation, "value");
      String given = value == null ? "" : (String) value.getValue();
      if (!SQL_NAME.matcher(given).matches()) {
        diagnostics.error(
            Problem.INVALID_COLUMN, component, columnAnnotation, value, given, name, column);
      } else {
        column = given;
      }
    }

    if (diagnostics.errorCount() > errorsBefore) {
      return Optional.empty();
    }
    return Optional.of(
        new ColumnInfo(
            index,
            name,
            Naming.constant(name),
            Naming.snake(name),
            column,
            kind,
            javaType,
            primitive,
            nullable,
            id != null,
            annotation(component, Names.UNIQUE) != null,
            autoNowAdd != null,
            annotation(component, Names.DICT_EXCLUDE) == null,
            maxLength,
            maxDigits,
            decimalPlaces,
            onDelete,
            target,
            component));
  }

  private void misplaced(
      RecordComponentElement component,
      AnnotationMirror annotation,
      String simpleName,
      String model,
      String typeText,
      String fits) {
    diagnostics.error(
        Problem.MISPLACED_ANNOTATION,
        component,
        annotation,
        simpleName,
        component.getSimpleName(),
        model,
        typeText,
        fits);
  }

  /** The companion of any model, read from its annotation: also for a foreign key's target. */
  ClassName companionOf(TypeElement model) {
    String pkg = elements.getPackageOf(model).getQualifiedName().toString();
    AnnotationMirror annotation = annotation(model, Names.ASYNC_MODEL);
    AnnotationValue companion = annotation == null ? null : value(annotation, "companion");
    String given = companion == null ? "" : (String) companion.getValue();
    return ClassName.get(
        pkg,
        given.isEmpty() || !SourceVersion.isName(given)
            ? Naming.plural(model.getSimpleName().toString())
            : given);
  }

  /** The table of any model, read from its annotation: also for a foreign key's target. */
  private String tableOf(TypeElement model) {
    AnnotationMirror annotation = annotation(model, Names.ASYNC_MODEL);
    AnnotationValue table = annotation == null ? null : value(annotation, "table");
    String given = table == null ? "" : (String) table.getValue();
    return given.isEmpty() || !SQL_NAME.matcher(given).matches()
        ? Naming.snake(model.getSimpleName().toString())
        : given;
  }

  /** The column of a model's {@code @Id}, with its {@code @Column} override. */
  private String idColumnOf(TypeElement model) {
    for (RecordComponentElement component : model.getRecordComponents()) {
      if (annotation(component, Names.ID) != null) {
        AnnotationMirror column = annotation(component, Names.COLUMN);
        AnnotationValue value = column == null ? null : value(column, "value");
        String given = value == null ? "" : (String) value.getValue();
        return SQL_NAME.matcher(given).matches()
            ? given
            : Naming.snake(component.getSimpleName().toString());
      }
    }
    return "id";
  }

  private static String idConstantOf(TypeElement model) {
    for (RecordComponentElement component : model.getRecordComponents()) {
      if (annotation(component, Names.ID) != null) {
        return Naming.constant(component.getSimpleName().toString());
      }
    }
    return "ID"; // the target reports its own missing @Id
  }

  /**
   * DESIGN's nullability rule: an annotation named {@code Nullable}, from any package, on the
   * component, its type (JSpecify's is a type-use annotation, found only there) or its accessor.
   */
  private static boolean isNullable(RecordComponentElement component) {
    if (hasNullable(component.getAnnotationMirrors())
        || hasNullable(component.asType().getAnnotationMirrors())) {
      return true;
    }
    ExecutableElement accessor = component.getAccessor();
    return accessor != null
        && (hasNullable(accessor.getAnnotationMirrors())
            || hasNullable(accessor.getReturnType().getAnnotationMirrors()));
  }

  private static boolean hasNullable(List<? extends AnnotationMirror> annotations) {
    for (AnnotationMirror annotation : annotations) {
      if (annotation.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable")) {
        return true;
      }
    }
    return false;
  }

  static AnnotationMirror annotation(Element element, String qualifiedName) {
    for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) annotation.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return annotation;
      }
    }
    return null;
  }

  /** A value as written, or the annotation's default. */
  private AnnotationValue value(AnnotationMirror annotation, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        elements.getElementValuesWithDefaults(annotation).entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  private static boolean isUnresolved(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return true;
    }
    if (type.getKind() == TypeKind.DECLARED) {
      for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
        if (isUnresolved(argument)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A type as users write it: without type annotations, which {@code toString()} includes. */
  private static String typeText(TypeMirror type) {
    if (type.getKind() == TypeKind.DECLARED) {
      DeclaredType declared = (DeclaredType) type;
      String base = ((TypeElement) declared.asElement()).getQualifiedName().toString();
      if (declared.getTypeArguments().isEmpty()) {
        return base;
      }
      StringBuilder out = new StringBuilder(base).append('<');
      for (int i = 0; i < declared.getTypeArguments().size(); i++) {
        out.append(i == 0 ? "" : ", ").append(typeText(declared.getTypeArguments().get(i)));
      }
      return out.append('>').toString();
    }
    if (type.getKind().isPrimitive()) {
      return type.getKind().name().toLowerCase(java.util.Locale.ROOT);
    }
    if (type.getKind() == TypeKind.ARRAY) {
      return typeText(((javax.lang.model.type.ArrayType) type).getComponentType()) + "[]";
    }
    return type.toString();
  }

  private static String describeKind(ElementKind kind) {
    return switch (kind) {
      case CLASS -> "a class";
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case ANNOTATION_TYPE -> "an annotation type";
      default -> "a " + kind.name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
