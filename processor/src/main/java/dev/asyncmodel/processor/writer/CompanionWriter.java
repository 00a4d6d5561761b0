package dev.asyncmodel.processor.writer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.asyncmodel.processor.Names;
import dev.asyncmodel.processor.Naming;
import dev.asyncmodel.processor.model.ColumnInfo;
import dev.asyncmodel.processor.model.ColumnKind;
import dev.asyncmodel.processor.model.ModelInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes a model's companion: the table name, one field constant per component, {@code
 * objects(db)}, {@code toDict}, {@code toJson}, and the row mapper and metadata the runtime uses.
 * Input: a valid {@link ModelInfo}. Output: a {@link JavaFile}.
 */
public final class CompanionWriter {
  private CompanionWriter() {}

  /**
   * @param model a valid model
   * @return the companion's source
   */
  public static JavaFile write(ModelInfo model) {
    ClassName record = model.record();
    TypeSpec.Builder type =
        TypeSpec.classBuilder(model.companion())
            .addOriginatingElement(model.element())
            .addJavadoc(
                "Queries, field constants and mappers for {@link $T} (table {@code $L}).\n"
                    + "Generated from {@code $L}: change the record, not this file.\n",
                record,
                model.table(),
                record.canonicalName())
            .addAnnotation(generated())
            .addModifiers(visibility(model))
            .addModifiers(Modifier.FINAL);

    for (ColumnInfo field : model.fields()) {
      type.addField(fieldConstant(model, field));
    }
    // The private metadata field is META unless a component took that name (a component "meta").
    NameAllocator constants = new NameAllocator();
    for (ColumnInfo field : model.fields()) {
      constants.newName(field.constant());
    }
    String meta = constants.newName("META");
    type.addField(meta(model, meta));
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    type.addMethod(objects(model, meta));
    type.addMethod(modelMethod(model, meta));
    type.addMethod(validate(model, meta));
    type.addMethod(toDict(model, meta));
    type.addMethod(toJson(model, meta));
    type.addMethod(fromRow(model));
    type.addMethod(values(model));
    type.addMethod(fromValues(model));

    return JavaFile.builder(record.packageName(), type.build()).skipJavaLangImports(true).build();
  }

  static AnnotationSpec generated() {
    return AnnotationSpec.builder(Names.GENERATED)
        .addMember("value", "$S", Names.PROCESSOR)
        .build();
  }

  static Modifier[] visibility(ModelInfo model) {
    return model.isPublic() ? new Modifier[] {Modifier.PUBLIC} : new Modifier[0];
  }

  private static FieldSpec fieldConstant(ModelInfo model, ColumnInfo field) {
    ClassName record = model.record();
    CodeBlock spec = columnSpec(field);
    if (field.kind() == ColumnKind.REF) {
      ClassName target = field.target().record();
      TypeName type = ParameterizedTypeName.get(Names.REF_FIELD, record, target);
      return fieldConstant(
          model,
          field,
          type,
          CodeBlock.of(
              "\n$>$>new $T(\n$>$>$L,\n() -> $T.$N)$<$<$<$<",
              type,
              spec,
              field.target().companion(),
              field.target().idConstant()));
    }
    // The field class gives the lookups, arithmetic, transforms and aggregates that fit the type.
    TypeName boxed = field.boxedType();
    TypeName type =
        switch (field.kind()) {
          case STRING -> ParameterizedTypeName.get(Names.STRING_FIELD, record);
          case BOOLEAN, UUID, BYTES, ENUM ->
              ParameterizedTypeName.get(Names.VALUE_FIELD, record, boxed);
          case LONG, INT, SHORT -> ParameterizedTypeName.get(Names.INTEGER_FIELD, record, boxed);
          case DOUBLE, FLOAT -> ParameterizedTypeName.get(Names.FLOAT_FIELD, record, boxed);
          case DECIMAL -> ParameterizedTypeName.get(Names.DECIMAL_FIELD, record);
          case JSON_OBJECT -> ParameterizedTypeName.get(Names.JSON_OBJECT_FIELD, record);
          case JSON_ARRAY -> ParameterizedTypeName.get(Names.JSON_ARRAY_FIELD, record);
          case LOCAL_DATE -> ParameterizedTypeName.get(Names.DATE_FIELD, record);
          case INSTANT, OFFSET_DATE_TIME, LOCAL_DATE_TIME ->
              ParameterizedTypeName.get(Names.DATE_TIME_FIELD, record, boxed);
          default -> ParameterizedTypeName.get(Names.COMPARABLE_FIELD, record, boxed);
        };
    return fieldConstant(
        model, field, type, CodeBlock.of("\n$>$>new $T(\n$>$>$L)$<$<$<$<", type, spec));
  }

  private static FieldSpec fieldConstant(
      ModelInfo model, ColumnInfo field, TypeName type, CodeBlock initializer) {
    return FieldSpec.builder(type, field.constant())
        .addModifiers(visibility(model))
        .addModifiers(Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(describe(model, field))
        .initializer(initializer)
        .build();
  }

  private static CodeBlock columnSpec(ColumnInfo field) {
    CodeBlock.Builder b =
        CodeBlock.builder()
            .add(
                "$T.of($L, $S, $S, $T.$L)",
                Names.COLUMN_SPEC,
                field.index(),
                field.column(),
                field.name(),
                Names.COLUMN_TYPE,
                field.kind().columnType());
    if (field.primaryKey()) {
      b.add("$Z.withPrimaryKey()");
    }
    if (field.nullable()) {
      b.add("$Z.withNullable()");
    }
    if (field.unique()) {
      b.add("$Z.withUnique()");
    }
    if (field.autoNowAdd()) {
      b.add("$Z.withAutoNowAdd()");
    }
    if (!field.inDict()) {
      b.add("$Z.withoutDict()");
    }
    if (field.maxLength() > 0) {
      b.add("$Z.withMaxLength($L)", field.maxLength());
    }
    if (field.kind() == ColumnKind.DECIMAL) {
      b.add("$Z.withDecimal($L, $L)", field.maxDigits(), field.decimalPlaces());
    }
    if (field.onDelete() != null) {
      if (!Names.ON_DELETE_RULES.contains(field.onDelete())) {
        throw new IllegalStateException(
            "OnDelete." + field.onDelete() + " on " + field.name() + " is not a rule");
      }
      b.add("$Z.withOnDelete($T.$L)", Names.ON_DELETE, field.onDelete());
    }
    if (field.inDict() && !field.dictKey().equals(field.column())) {
      b.add("$Z.withDictKey($S)", field.dictKey());
    }
    return b.build();
  }

  private static CodeBlock describe(ModelInfo model, ColumnInfo field) {
    String sqlType =
        switch (field.kind()) {
          case STRING -> field.maxLength() > 0 ? "varchar(" + field.maxLength() + ")" : "text";
          case DECIMAL -> "numeric(" + field.maxDigits() + ", " + field.decimalPlaces() + ")";
          default -> field.kind().sqlType();
        };
    List<String> notes = new ArrayList<>();
    if (field.primaryKey()) {
      notes.add("primary key, generated by the database");
    } else {
      notes.add(field.nullable() ? "nullable" : "not null");
    }
    if (field.unique()) {
      notes.add("unique");
    }
    if (field.autoNowAdd()) {
      notes.add("set to the current time on insert when null");
    }
    if (!field.inDict()) {
      notes.add("left out of toDict and toJson");
    }
    CodeBlock.Builder b =
        CodeBlock.builder()
            .add(
                "{@code $L.$L}: {@code $L}, $L",
                model.table(),
                field.column(),
                sqlType,
                String.join(", ", notes));
    if (field.target() != null) {
      b.add(
          ";\nreferences {@link $T}, on delete {@code $L}",
          field.target().record(),
          field.onDelete());
    }
    return b.add(".\n").build();
  }

  private static FieldSpec meta(ModelInfo model, String name) {
    ClassName record = model.record();
    TypeName metaType = ParameterizedTypeName.get(Names.MODEL_META, record);
    CodeBlock.Builder fields = CodeBlock.builder();
    for (int i = 0; i < model.fields().size(); i++) {
      fields.add(i == 0 ? "$N" : ", $N", model.fields().get(i).constant());
    }
    // Explicit type arguments, here and in the field constants: javac attributes them without
    // inference, which costs less than a diamond in a build of many models.
    CodeBlock.Builder init =
        CodeBlock.builder()
            .add(
                "new $T(\n$>$>$T.class,\n$S,\n$S,\n$T.<$T>of($L),\n$T::fromRow,\n$T::values,\n"
                    + "$T::fromValues",
                metaType,
                record,
                record.simpleName(),
                model.table(),
                List.class,
                ParameterizedTypeName.get(Names.FIELD, record),
                fields.build(),
                model.companion(),
                model.companion(),
                model.companion());
    if (!model.dependents().isEmpty()) {
      CodeBlock.Builder refs = CodeBlock.builder();
      for (int i = 0; i < model.dependents().size(); i++) {
        ModelInfo.Dependent dependent = model.dependents().get(i);
        refs.add(i == 0 ? "$T.$N" : ", $T.$N", dependent.companion(), dependent.constant());
      }
      init.add(
          ",\n() -> $T.<$T>of($L)",
          List.class,
          ParameterizedTypeName.get(
              Names.REF_FIELD, WildcardTypeName.subtypeOf(Object.class), record),
          refs.build());
    }
    return FieldSpec.builder(metaType, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(init.add(")$<$<").build())
        .build();
  }

  private static MethodSpec modelMethod(ModelInfo model, String meta) {
    return MethodSpec.methodBuilder("model")
        .addJavadoc(
            "The model: its table ({@code $L}) and fields, for {@link $T#createTables}.\n\n"
                + "@return the model of {@link $T}\n",
            model.table(),
            Names.DATABASE,
            model.record())
        .addModifiers(visibility(model))
        .addModifiers(Modifier.STATIC)
        .returns(ParameterizedTypeName.get(Names.MODEL, model.record()))
        .addStatement("return $N", meta)
        .build();
  }

  private static MethodSpec validate(ModelInfo model, String meta) {
    NameAllocator names = new NameAllocator();
    String param = names.newName(Naming.parameter(model.record().simpleName()));
    return MethodSpec.methodBuilder("validate")
        .addJavadoc(
            "Checks the record's values against their columns, without I/O, as Django's"
                + " {@code full_clean}\nchecks its fields: NOT NULL, {@code @MaxLength},"
                + " {@code @Decimal}. {@code acreate} refuses a record\nwith errors.\n\n"
                + "@param $L the record\n"
                + "@return what does not fit, in component order; empty when it can be written\n",
            param)
        .addModifiers(visibility(model))
        .addModifiers(Modifier.STATIC)
        .returns(ParameterizedTypeName.get(ClassName.get(List.class), Names.FIELD_ERROR))
        .addParameter(model.record(), param)
        .addStatement("return $N.validate($N)", meta, param)
        .build();
  }

  private static MethodSpec objects(ModelInfo model, String meta) {
    return MethodSpec.methodBuilder("objects")
        .addJavadoc(
            "All rows of {@code $L} in {@code db}, as a QuerySet to filter, order and slice:"
                + " Django's\n{@code $T.objects}. Nothing runs until a terminal method"
                + " ({@code aall}, {@code aget}, ...).\n\n"
                + "@param db the database, or the one an atomic block was given\n"
                + "@return the QuerySet of every row\n",
            model.table(),
            model.record())
        .addModifiers(visibility(model))
        .addModifiers(Modifier.STATIC)
        .returns(model.querySet())
        .addParameter(Names.DATABASE, "db")
        .addStatement("return new $T($N, db)", model.querySet(), meta)
        .build();
  }

  private static MethodSpec toDict(ModelInfo model, String meta) {
    NameAllocator names = new NameAllocator();
    String param = names.newName(Naming.parameter(model.record().simpleName()));
    TypeName mapType =
        ParameterizedTypeName.get(
            ClassName.get(Map.class), TypeName.get(String.class), ClassName.OBJECT);
    return MethodSpec.methodBuilder("toDict")
        .addJavadoc(
            "The record as a map, Django's {@code model_to_dict}: component names in"
                + " snake_case, in\ncomponent order; a foreign key shows the referenced id.\n\n"
                + "@param $L the record\n@return a new mutable map\n",
            param)
        .addModifiers(visibility(model))
        .addModifiers(Modifier.STATIC)
        .returns(mapType)
        .addParameter(model.record(), param)
        .addStatement("return $N.toDict($N)", meta, param)
        .build();
  }

  private static MethodSpec toJson(ModelInfo model, String meta) {
    NameAllocator names = new NameAllocator();
    String param = names.newName(Naming.parameter(model.record().simpleName()));
    return MethodSpec.methodBuilder("toJson")
        .addJavadoc(
            "The record as JSON, with {@link #toDict}'s keys: decimals as plain text"
                + " ({@code \"12.50\"}),\ndates and times as ISO-8601 text, UUIDs as text,"
                + " enums by name, bytes in base64.\n\n"
                + "@param $L the record\n@return a new JSON object\n",
            param)
        .addModifiers(visibility(model))
        .addModifiers(Modifier.STATIC)
        .returns(Names.JSON_OBJECT)
        .addParameter(model.record(), param)
        .addStatement("return $N.toJson($N)", meta, param)
        .build();
  }

  private static MethodSpec fromRow(ModelInfo model) {
    CodeBlock.Builder args = CodeBlock.builder();
    for (int i = 0; i < model.fields().size(); i++) {
      ColumnInfo field = model.fields().get(i);
      args.add(i == 0 ? "\n" : ",\n");
      switch (field.kind()) {
        case DECIMAL -> args.add("row.$N($L, $L)", field.kind().reader(), i, field.decimalPlaces());
        // Explicit type arguments: a standalone call, which javac attributes without inference.
        case ENUM ->
            args.add(
                "row.<$T>$N($L, $T::valueOf)",
                field.type(),
                field.kind().reader(),
                i,
                field.type());
        case REF -> args.add("row.<$T>$N($L)", field.target().record(), field.kind().reader(), i);
        default -> args.add("row.$N($L)", field.kind().reader(), i);
      }
    }
    return MethodSpec.methodBuilder("fromRow")
        .addJavadoc("Maps a row whose columns are in component order. No reflection.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(model.record())
        .addParameter(Names.ROW_READER, "row")
        .addStatement("return new $T($L)", model.record(), args.build())
        .build();
  }

  private static MethodSpec values(ModelInfo model) {
    NameAllocator names = new NameAllocator();
    String param = names.newName(Naming.parameter(model.record().simpleName()));
    CodeBlock.Builder items = CodeBlock.builder();
    for (int i = 0; i < model.fields().size(); i++) {
      items.add(i == 0 ? "$N.$N()" : ",$W$N.$N()", param, model.fields().get(i).name());
    }
    return MethodSpec.methodBuilder("values")
        .addJavadoc("The component values, in component order, for the runtime.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(ArrayTypeName.of(Object.class))
        .addParameter(model.record(), param)
        .addStatement("return new $T[] {$L}", Object.class, items.build())
        .build();
  }

  private static MethodSpec fromValues(ModelInfo model) {
    CodeBlock.Builder args = CodeBlock.builder();
    for (int i = 0; i < model.fields().size(); i++) {
      ColumnInfo field = model.fields().get(i);
      args.add(i == 0 ? "\n" : ",\n");
      if (field.kind() == ColumnKind.REF) {
        args.add("$T.<$T>ref(values[$L])", Names.VALUES, field.target().record(), i);
      } else {
        args.add("($T) values[$L]", field.boxedType(), i);
      }
    }
    return MethodSpec.methodBuilder("fromValues")
        .addJavadoc("A record from component values in component order, for the runtime.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(model.record())
        .addParameter(ArrayTypeName.of(Object.class), "values")
        .addStatement("return new $T($L)", model.record(), args.build())
        .build();
  }
}
