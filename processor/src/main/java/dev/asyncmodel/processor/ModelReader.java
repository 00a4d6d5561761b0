package dev.asyncmodel.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import dev.asyncmodel.processor.model.ColumnInfo;
import dev.asyncmodel.processor.model.ColumnKind;
import dev.asyncmodel.processor.model.ModelInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * The read stage: one {@code @AsyncModel} element into a {@link ModelInfo}, reporting every problem
 * of that record on the element to blame. Annotations are read through their mirrors, never as
 * classes, so the processor runs without the runtime on its path. A foreign key's target is named
 * by the same rules as the target's own reading ({@link #readNames}, {@link #readColumn}), so both
 * agree on its companion, table and id column. Problems between models are {@link ModelChecker}'s.
 */
final class ModelReader {
  /** What reading an element gave. */
  sealed interface Result {}

  /** A valid model. */
  record Read(ModelInfo model) implements Result {}

  /** An invalid model: its problems were reported. */
  record Invalid() implements Result {}

  /** A component's type is not known yet (generated later): try again next round. */
  record Deferred(RecordComponentElement component) implements Result {}

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
    String pkg = packageOf(type);
    if (privateEnclosing(type).isPresent()) {
      diagnostics.error(Problem.NOT_ACCESSIBLE, type, name, pkg.isEmpty() ? "(unnamed)" : pkg);
    }
    ModelNames names = readNames(type, true);
    List<ColumnInfo> columns = readComponents(type);
    checkColumnsClash(name, columns);
    if (diagnostics.errorCount() > errorsBefore) {
      return new Invalid();
    }
    return new Read(
        new ModelInfo(
            ClassName.get(type),
            ClassName.get(pkg, names.companion()),
            ClassName.get(pkg, name + "QuerySet"),
            elements.getBinaryName(type).toString(),
            names.table(),
            type.getModifiers().contains(Modifier.PUBLIC),
            List.copyOf(columns),
            List.of(),
            type));
  }

  /**
   * A model's companion and table.
   *
   * @param companion the companion's simple name
   * @param table the table
   */
  private record ModelNames(String companion, String table) {}

  /**
   * The names of any model, its own or a foreign key's target: the defaults of {@link Naming}, or
   * the names given in {@code @AsyncModel} when {@link Naming} accepts them.
   *
   * @param report whether to report a rejected name; a target's are reported when it is read
   */
  private ModelNames readNames(TypeElement model, boolean report) {
    String simpleName = model.getSimpleName().toString();
    String companion = Naming.plural(simpleName);
    String table = Naming.snake(simpleName);
    AnnotationMirror annotation = annotation(model, Names.ASYNC_MODEL);
    if (annotation == null) {
      return new ModelNames(companion, table);
    }
    AnnotationValue companionValue = value(annotation, "companion");
    String givenCompanion = companionValue == null ? "" : (String) companionValue.getValue();
    if (!givenCompanion.isEmpty()) {
      if (Naming.isCompanionName(givenCompanion)) {
        companion = givenCompanion;
      } else if (report) {
        diagnostics.error(
            Problem.INVALID_COMPANION,
            model,
            annotation,
            companionValue,
            givenCompanion,
            companion);
      }
    }
    AnnotationValue tableValue = value(annotation, "table");
    String givenTable = tableValue == null ? "" : (String) tableValue.getValue();
    if (!givenTable.isEmpty()) {
      if (Naming.isSqlName(givenTable)) {
        table = givenTable;
      } else if (report) {
        diagnostics.error(Problem.INVALID_TABLE, model, annotation, tableValue, givenTable, table);
      }
    }
    return new ModelNames(companion, table);
  }

  /** Reads every component, and checks that exactly one is the {@code @Id}. */
  private List<ColumnInfo> readComponents(TypeElement type) {
    List<ColumnInfo> columns = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    int index = 0;
    for (RecordComponentElement component : type.getRecordComponents()) {
      readComponent(type, component, index++).ifPresent(columns::add);
      if (annotation(component, Names.ID) != null) {
        ids.add(component.getSimpleName().toString());
      }
    }
    String name = type.getSimpleName().toString();
    if (ids.isEmpty()) {
      diagnostics.error(Problem.NO_ID, type, name);
    } else if (ids.size() > 1) {
      diagnostics.error(Problem.MULTIPLE_IDS, type, name, String.join(", ", ids));
    }
    return columns;
  }

  /** Column names are case-insensitive in MySQL and SQLite, so they must differ ignoring case. */
  private void checkColumnsClash(String model, List<ColumnInfo> columns) {
    Map<String, ColumnInfo> byColumn = new HashMap<>();
    for (ColumnInfo column : columns) {
      ColumnInfo other = byColumn.putIfAbsent(column.column().toLowerCase(Locale.ROOT), column);
      if (other != null) {
        diagnostics.error(
            Problem.COLUMN_CLASH,
            column.element(),
            other.name(),
            column.name(),
            model,
            column.column());
      }
    }
  }

  /**
   * A component as every step of its reading sees it.
   *
   * @param element the component
   * @param name its name
   * @param model its record's simple name, for messages
   * @param type its type
   * @param typeText its type as users write it, for messages
   */
  private record Component(
      RecordComponentElement element, String name, String model, TypeMirror type, String typeText) {
    AnnotationMirror annotation(String qualifiedName) {
      return ModelReader.annotation(element, qualifiedName);
    }
  }

  /** A {@code @Decimal}'s precision and scale, 0 and 0 when there is none. */
  private record Decimal(int maxDigits, int decimalPlaces) {}

  /** A foreign key's rule and target, both null when the component is not one. */
  private record ForeignKey(String onDelete, ColumnInfo.Target target) {}

  private Optional<ColumnInfo> readComponent(
      TypeElement type, RecordComponentElement element, int index) {
    int errorsBefore = diagnostics.errorCount();
    Component component =
        new Component(
            element,
            element.getSimpleName().toString(),
            type.getSimpleName().toString(),
            element.asType(),
            typeText(element.asType()));
    Optional<TypeMapping.Mapping> mapping = readType(component);
    if (mapping.isEmpty()) {
      return Optional.empty();
    }
    ColumnKind kind = mapping.get().kind();
    boolean primitive = mapping.get().primitive();
    boolean nullable = readNullable(component, mapping.get());
    boolean id = readId(component, kind, primitive);
    int maxLength = readMaxLength(component, kind);
    Decimal decimal = readDecimal(component, kind);
    boolean autoNowAdd = readAutoNowAdd(component, kind);
    ForeignKey foreignKey = readForeignKey(component, kind, nullable);
    String column = readColumn(element, kind == ColumnKind.REF, true);
    if (diagnostics.errorCount() > errorsBefore) {
      return Optional.empty();
    }
    ColumnInfo.Target target = foreignKey.target();
    return Optional.of(
        new ColumnInfo(
            index,
            component.name(),
            Naming.constant(component.name()),
            Naming.snake(component.name()),
            column,
            kind,
            target == null
                ? mapping.get().type()
                : ParameterizedTypeName.get(Names.REF, target.record()),
            primitive,
            nullable,
            id,
            component.annotation(Names.UNIQUE) != null,
            autoNowAdd,
            component.annotation(Names.DICT_EXCLUDE) == null,
            maxLength,
            decimal.maxDigits(),
            decimal.decimalPlaces(),
            foreignKey.onDelete(),
            target,
            element));
  }

  /** The component's column kind; an enum must be visible to the generated companion. */
  private Optional<TypeMapping.Mapping> readType(Component component) {
    Optional<TypeMapping.Mapping> mapping = TypeMapping.map(component.type());
    if (mapping.isEmpty()) {
      diagnostics.error(
          Problem.UNSUPPORTED_TYPE,
          component.element(),
          component.name(),
          component.model(),
          component.typeText(),
          TypeMapping.SUPPORTED);
      return Optional.empty();
    }
    if (mapping.get().kind() == ColumnKind.ENUM) {
      Optional<Element> hidden = privateEnclosing(((DeclaredType) component.type()).asElement());
      if (hidden.isPresent()) {
        diagnostics.error(
            Problem.INACCESSIBLE_TYPE,
            component.element(),
            component.name(),
            component.model(),
            component.typeText(),
            hidden.get().getSimpleName());
        return Optional.empty();
      }
    }
    return mapping;
  }

  private boolean readNullable(Component component, TypeMapping.Mapping mapping) {
    boolean nullable = isNullable(component.element());
    if (nullable && mapping.primitive()) {
      diagnostics.error(
          Problem.NULLABLE_PRIMITIVE,
          component.element(),
          component.name(),
          component.model(),
          component.typeText(),
          mapping.type().box());
    }
    return nullable;
  }

  /**
   * Whether the component is the {@code @Id}, which must be a {@code Long} (Django's {@code
   * BigAutoField}) or an {@code Integer} ({@code AutoField}).
   */
  private boolean readId(Component component, ColumnKind kind, boolean primitive) {
    AnnotationMirror id = component.annotation(Names.ID);
    if (id != null && ((kind != ColumnKind.LONG && kind != ColumnKind.INT) || primitive)) {
      diagnostics.error(
          Problem.ID_TYPE,
          component.element(),
          id,
          component.name(),
          component.model(),
          component.typeText(),
          component.name());
    }
    return id != null;
  }

  /** The {@code varchar} length, or 0 for {@code text}. */
  private int readMaxLength(Component component, ColumnKind kind) {
    AnnotationMirror annotation = component.annotation(Names.MAX_LENGTH);
    if (annotation == null) {
      return 0;
    }
    if (kind != ColumnKind.STRING) {
      misplaced(component, annotation, "MaxLength", "a String");
      return 0;
    }
    if (missing(component, annotation, "MaxLength", "value", "@MaxLength(200)")) {
      return 0;
    }
    AnnotationValue value = value(annotation, "value");
    int maxLength = value == null ? 0 : (Integer) value.getValue();
    if (maxLength < 1 && value != null) {
      diagnostics.error(Problem.MAX_LENGTH, component.element(), annotation, value, maxLength);
    }
    return maxLength;
  }

  /** Precision and scale, which a {@code BigDecimal} must have and nothing else may. */
  private Decimal readDecimal(Component component, ColumnKind kind) {
    AnnotationMirror annotation = component.annotation(Names.DECIMAL);
    if (annotation == null) {
      if (kind == ColumnKind.DECIMAL) {
        diagnostics.error(
            Problem.MISSING_DECIMAL, component.element(), component.name(), component.model());
      }
      return new Decimal(0, 0);
    }
    if (kind != ColumnKind.DECIMAL) {
      misplaced(component, annotation, "Decimal", "a BigDecimal");
      return new Decimal(0, 0);
    }
    String example = "@Decimal(maxDigits = 10, decimalPlaces = 2)";
    if (missing(component, annotation, "Decimal", "maxDigits", example)
        || missing(component, annotation, "Decimal", "decimalPlaces", example)) {
      return new Decimal(0, 0);
    }
    AnnotationValue digits = value(annotation, "maxDigits");
    AnnotationValue places = value(annotation, "decimalPlaces");
    int maxDigits = digits == null ? 0 : (Integer) digits.getValue();
    int decimalPlaces = places == null ? 0 : (Integer) places.getValue();
    if (digits != null && (maxDigits < 1 || maxDigits > 1000)) {
      diagnostics.error(Problem.DECIMAL_DIGITS, component.element(), annotation, digits, maxDigits);
    } else if (places != null && (decimalPlaces < 0 || decimalPlaces > maxDigits)) {
      diagnostics.error(
          Problem.DECIMAL_PLACES,
          component.element(),
          annotation,
          places,
          maxDigits,
          decimalPlaces);
    }
    return new Decimal(maxDigits, decimalPlaces);
  }

  private boolean readAutoNowAdd(Component component, ColumnKind kind) {
    AnnotationMirror annotation = component.annotation(Names.AUTO_NOW_ADD);
    if (annotation != null && !TypeMapping.isTimestamp(kind)) {
      misplaced(
          component,
          annotation,
          "AutoNowAdd",
          "an Instant, OffsetDateTime, LocalDateTime or LocalDate");
    }
    return annotation != null;
  }

  /** A {@code Ref<Model>} must name an {@code @AsyncModel} record and carry {@code @ForeignKey}. */
  private ForeignKey readForeignKey(Component component, ColumnKind kind, boolean nullable) {
    AnnotationMirror annotation = component.annotation(Names.FOREIGN_KEY);
    if (kind != ColumnKind.REF) {
      if (annotation != null) {
        misplaced(component, annotation, "ForeignKey", "a Ref<Model>");
      }
      return new ForeignKey(null, null);
    }
    ColumnInfo.Target target = readTarget(component);
    if (annotation == null) {
      diagnostics.error(
          Problem.MISSING_FOREIGN_KEY, component.element(), component.name(), component.model());
      return new ForeignKey(null, target);
    }
    // Left out, onDelete is OnDelete.UNSET, which is no rule: Django requires on_delete. (A runtime
    // older than that default gives no value, and javac its own error.)
    AnnotationValue rule = value(annotation, "onDelete");
    String onDelete = rule == null ? "" : rule.getValue().toString();
    if (!Names.ON_DELETE_RULES.contains(onDelete)) {
      diagnostics.error(
          Problem.MISSING_ON_DELETE,
          component.element(),
          annotation,
          component.name(),
          component.model());
      return new ForeignKey(null, target);
    }
    if (onDelete.equals("SET_NULL") && !nullable) {
      diagnostics.error(
          Problem.SET_NULL_NOT_NULLABLE,
          component.element(),
          annotation,
          rule,
          component.name(),
          component.model());
    }
    return new ForeignKey(onDelete, target);
  }

  /** The model a {@code Ref} names, or null when it names none (reported). */
  private ColumnInfo.Target readTarget(Component component) {
    List<? extends TypeMirror> arguments = ((DeclaredType) component.type()).getTypeArguments();
    if (arguments.isEmpty()) {
      diagnostics.error(
          Problem.RAW_REF,
          component.element(),
          component.name(),
          component.model(),
          component.name());
      return null;
    }
    TypeMirror argument = arguments.get(0);
    Element target =
        argument.getKind() == TypeKind.DECLARED ? ((DeclaredType) argument).asElement() : null;
    if (target == null
        || target.getKind() != ElementKind.RECORD
        || annotation(target, Names.ASYNC_MODEL) == null) {
      String targetName = target == null ? typeText(argument) : target.getSimpleName().toString();
      diagnostics.error(
          Problem.FOREIGN_KEY_TARGET,
          component.element(),
          component.name(),
          targetName,
          targetName,
          targetName);
      return null;
    }
    return targetOf((TypeElement) target);
  }

  /**
   * What a foreign key needs of its target, named as the target's own reading names it. The
   * target's own problems, such as a missing {@code @Id}, are reported when it is read.
   */
  private ColumnInfo.Target targetOf(TypeElement model) {
    ModelNames names = readNames(model, false);
    String idConstant = "ID";
    String idColumn = "id";
    boolean intId = false;
    for (RecordComponentElement component : model.getRecordComponents()) {
      if (annotation(component, Names.ID) != null) {
        idConstant = Naming.constant(component.getSimpleName().toString());
        idColumn = readColumn(component, false, false);
        intId = typeText(component.asType()).equals("java.lang.Integer");
        break;
      }
    }
    return new ColumnInfo.Target(
        ClassName.get(model),
        ClassName.get(packageOf(model), names.companion()),
        idConstant,
        names.table(),
        idColumn,
        intId);
  }

  /**
   * A component's column: snake_case of its name ({@code _id} added for a foreign key), or the
   * {@code @Column} name when {@link Naming} accepts it.
   *
   * @param report whether to report a rejected name; a target's are reported when it is read
   */
  private String readColumn(RecordComponentElement component, boolean foreignKey, boolean report) {
    String column = Naming.snake(component.getSimpleName().toString()) + (foreignKey ? "_id" : "");
    AnnotationMirror annotation = annotation(component, Names.COLUMN);
    if (annotation == null) {
      return column;
    }
    if (!written(annotation, "value")) {
      if (report) {
        diagnostics.error(
            Problem.MISSING_VALUE,
            component,
            annotation,
            "Column",
            component.getSimpleName(),
            component.getEnclosingElement().getSimpleName(),
            "the column name",
            "@Column(\"" + column + "\")");
      }
      return column;
    }
    AnnotationValue value = value(annotation, "value");
    String given = value == null ? "" : (String) value.getValue();
    if (Naming.isSqlName(given)) {
      return given;
    }
    if (report) {
      diagnostics.error(
          Problem.INVALID_COLUMN,
          component,
          annotation,
          value,
          given,
          component.getSimpleName(),
          column);
    }
    return column;
  }

  private void misplaced(
      Component component, AnnotationMirror annotation, String simpleName, String fits) {
    diagnostics.error(
        Problem.MISPLACED_ANNOTATION,
        component.element(),
        annotation,
        simpleName,
        component.name(),
        component.model(),
        component.typeText(),
        fits);
  }

  private String packageOf(TypeElement type) {
    return elements.getPackageOf(type).getQualifiedName().toString();
  }

  /** The element itself or the first type around it that is private, if any. */
  private static Optional<Element> privateEnclosing(Element element) {
    for (Element e = element; !(e instanceof PackageElement); e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
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
  /** Whether the annotation writes the element, rather than taking its default. */
  private static boolean written(AnnotationMirror annotation, String name) {
    for (ExecutableElement element : annotation.getElementValues().keySet()) {
      if (element.getSimpleName().contentEquals(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reports an element of one of asyncmodel's annotations that must be written and is not: its
   * default exists only so that the processor, not javac, reports it.
   */
  private boolean missing(
      Component component,
      AnnotationMirror annotation,
      String simpleName,
      String element,
      String example) {
    if (written(annotation, element)) {
      return false;
    }
    diagnostics.error(
        Problem.MISSING_VALUE,
        component.element(),
        annotation,
        simpleName,
        component.name(),
        component.model(),
        element.equals("value") ? "the length" : element,
        example);
    return true;
  }

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
      return type.getKind().name().toLowerCase(Locale.ROOT);
    }
    if (type.getKind() == TypeKind.ARRAY) {
      return typeText(((ArrayType) type).getComponentType()) + "[]";
    }
    return type.toString();
  }

  private static String describeKind(ElementKind kind) {
    return switch (kind) {
      case CLASS -> "a class";
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case ANNOTATION_TYPE -> "an annotation type";
      default -> "a " + kind.name().toLowerCase(Locale.ROOT);
    };
  }
}
