package dev.asyncmodel.processor.writer;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.asyncmodel.processor.Names;
import dev.asyncmodel.processor.model.ModelInfo;
import javax.lang.model.element.Modifier;

/**
 * Writes a model's QuerySet: a final subclass of the runtime's {@code QuerySet}, so that every
 * chain method returns the model's own type. All behaviour is inherited. Input: a valid {@link
 * ModelInfo}. Output: a {@link JavaFile}.
 */
public final class QuerySetWriter {
  private QuerySetWriter() {}

  /**
   * @param model a valid model
   * @return the QuerySet's source
   */
  public static JavaFile write(ModelInfo model) {
    TypeName state = ParameterizedTypeName.get(Names.QUERY_SET_STATE, model.record());
    TypeSpec type =
        TypeSpec.classBuilder(model.querySet())
            .addOriginatingElement(model.element())
            .addJavadoc(
                "The rows of {@code $L} a query selects, typed for {@link $T}.\n\n"
                    + "<p>Django's filter chain, which builds a query without I/O, and its async"
                    + " terminal methods,\nwhich run it; all inherited. Made by {@link $T#objects}.\n",
                model.table(),
                model.record(),
                model.companion())
            .addAnnotation(CompanionWriter.generated())
            .addModifiers(CompanionWriter.visibility(model))
            .addModifiers(Modifier.FINAL)
            .superclass(
                ParameterizedTypeName.get(Names.QUERY_SET, model.record(), model.querySet()))
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addParameter(
                        ParameterizedTypeName.get(Names.MODEL_META, model.record()), "model")
                    .addParameter(Names.DATABASE, "db")
                    .addStatement("super(model, db)")
                    .build())
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PRIVATE)
                    .addParameter(state, "state")
                    .addStatement("super(state)")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("copy")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PROTECTED)
                    .returns(model.querySet())
                    .addParameter(state, "state")
                    .addStatement("return new $T(state)", model.querySet())
                    .build())
            .build();
    return JavaFile.builder(model.record().packageName(), type).skipJavaLangImports(true).build();
  }
}
