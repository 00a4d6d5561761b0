package dev.asyncmodel.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.asyncmodel.processor.model.ColumnInfo;
import dev.asyncmodel.processor.model.ModelInfo;
import dev.asyncmodel.processor.writer.CompanionWriter;
import dev.asyncmodel.processor.writer.ModelFileWriter;
import dev.asyncmodel.processor.writer.QuerySetWriter;
import dev.asyncmodel.processor.writer.SchemaWriter;
import dev.asyncmodel.processor.writer.ddl.DdlDialect;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Writes, for each {@code @AsyncModel} record, its companion, its QuerySet and one resource ({@link
 * ModelFileWriter}); at the end, one schema script per database. Owns the round loop only: {@link
 * ModelReader} reads and checks each record, the cross-model checks run here, and the writers in
 * {@code writer/} write valid models. A record whose component types are not known yet (generated
 * by another processor) is read again next round.
 */
@AutoService(Processor.class)
public final class AsyncModelProcessor extends AbstractProcessor {
  /** Records whose component types were unresolved, by name, to read again next round. */
  private final Set<String> deferred = new HashSet<>();

  /** Models written so far, for the per-database schema scripts of the last round. */
  private final List<ModelInfo> written = new ArrayList<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Names.ASYNC_MODEL);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Diagnostics diagnostics = new Diagnostics(processingEnv.getMessager());
    ModelReader reader = new ModelReader(processingEnv.getElementUtils(), diagnostics);

    Map<String, Element> elements = new LinkedHashMap<>();
    for (String name : deferred) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        elements.put(name, type);
      }
    }
    deferred.clear();
    TypeElement annotation = processingEnv.getElementUtils().getTypeElement(Names.ASYNC_MODEL);
    if (annotation != null) {
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        elements.putIfAbsent(key(element), element);
      }
    }

    List<ModelInfo> models = new ArrayList<>();
    for (Element element : elements.values()) {
      try {
        ModelReader.Result result = reader.read(element);
        if (result instanceof ModelReader.Read read) {
          models.add(read.spec());
        } else if (result instanceof ModelReader.Deferred later) {
          if (round.processingOver()) {
            diagnostics.error(
                Problem.UNRESOLVED_TYPE,
                later.component(),
                later.component().getSimpleName(),
                element.getSimpleName());
          } else {
            deferred.add(key(element));
          }
        }
      } catch (RuntimeException e) {
        diagnostics.error(Problem.INTERNAL, element, element, trace(e));
      }
    }

    Map<ClassName, List<ModelInfo.Dependent>> dependents = dependents(models);
    for (ModelInfo model : checkClashes(models, round, diagnostics)) {
      try {
        write(model.withDependents(dependents.getOrDefault(model.record(), List.of())));
      } catch (RuntimeException e) {
        diagnostics.error(Problem.INTERNAL, model.element(), model.record(), trace(e));
      }
    }
    if (round.processingOver()) {
      writeSchemas();
    }
    return false;
  }

  /** Companions and tables must be unique, and a companion must not be a type the user wrote. */
  private List<ModelInfo> checkClashes(
      List<ModelInfo> models, RoundEnvironment round, Diagnostics diagnostics) {
    Set<String> userTypes = new HashSet<>();
    for (Element root : round.getRootElements()) {
      if (root instanceof TypeElement type) {
        userTypes.add(type.getQualifiedName().toString());
      }
    }
    Map<ClassName, ModelInfo> companions = new HashMap<>();
    Map<String, ModelInfo> tables = new HashMap<>();
    List<ModelInfo> valid = new ArrayList<>();
    for (ModelInfo model : models) {
      boolean ok = true;
      for (ClassName generated : List.of(model.companion(), model.querySet())) {
        if (userTypes.contains(generated.canonicalName())
            || companions.putIfAbsent(generated, model) != null) {
          String fix =
              generated.equals(model.companion())
                  ? "Pick another name with @AsyncModel(companion = \"...\")."
                  : "The QuerySet of "
                      + model.record().simpleName()
                      + " is always named "
                      + generated.simpleName()
                      + ": rename the other type.";
          diagnostics.error(
              Problem.COMPANION_CLASH, model.element(), generated.canonicalName(), fix);
          ok = false;
        }
      }
      ModelInfo sameTable = tables.putIfAbsent(model.table().toLowerCase(Locale.ROOT), model);
      if (sameTable != null) {
        diagnostics.error(
            Problem.TABLE_CLASH,
            model.element(),
            sameTable.record().canonicalName(),
            model.record().canonicalName(),
            model.table());
        ok = false;
      }
      if (ok) {
        valid.add(model);
      }
    }
    return valid;
  }

  /** The foreign keys of this round's models, by the record they reference, for cascades. */
  private static Map<ClassName, List<ModelInfo.Dependent>> dependents(List<ModelInfo> models) {
    Map<ClassName, List<ModelInfo.Dependent>> byTarget = new HashMap<>();
    for (ModelInfo other : models) {
      for (ColumnInfo field : other.fields()) {
        if (field.target() != null) {
          byTarget
              .computeIfAbsent(field.target().record(), k -> new ArrayList<>())
              .add(new ModelInfo.Dependent(other.companion(), other.record(), field.constant()));
        }
      }
    }
    // Sorted, so that the output does not depend on the order javac lists the records in.
    for (List<ModelInfo.Dependent> list : byTarget.values()) {
      list.sort(
          Comparator.comparing((ModelInfo.Dependent d) -> d.companion().canonicalName())
              .thenComparing(ModelInfo.Dependent::constant));
    }
    return byTarget;
  }

  private void write(ModelInfo model) {
    writeSource(model, CompanionWriter.write(model));
    writeSource(model, QuerySetWriter.write(model));
    // One file per model: its companion's name and its DDL for each database (ModelFileWriter).
    writeResource(ModelFileWriter.path(model), ModelFileWriter.write(model), model.element());
    written.add(model);
  }

  /** At the end, every model of the compilation in one script per database, for migration tools. */
  private void writeSchemas() {
    if (written.isEmpty()) {
      return;
    }
    Element[] origins = new Element[written.size()];
    for (int i = 0; i < origins.length; i++) {
      origins[i] = written.get(i).element();
    }
    for (DdlDialect dialect : DdlDialect.ALL) {
      writeResource(
          "META-INF/asyncmodel/schema/" + dialect.name() + ".sql",
          SchemaWriter.writeAll(written, dialect),
          origins);
    }
    written.clear();
  }

  private void writeResource(String path, String text, Element... origins) {
    try {
      var resource =
          processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", path, origins);
      try (Writer out = resource.openWriter()) {
        out.write(text);
      }
    } catch (IOException e) {
      processingEnv
          .getMessager()
          .printMessage(
              javax.tools.Diagnostic.Kind.ERROR,
              "[asyncmodel.Io] Cannot write " + path + ": " + e.getMessage(),
              origins.length > 0 ? origins[0] : null);
    }
  }

  private void writeSource(ModelInfo model, JavaFile file) {
    String name =
        file.packageName().isEmpty()
            ? file.typeSpec().name()
            : file.packageName() + "." + file.typeSpec().name();
    try {
      // The text first, then one write: JavaPoet's writeTo(Filer) writes piece by piece through
      // the Filer's encoder.
      String text = withoutTrailingSpaces(file.toString());
      JavaFileObject source = processingEnv.getFiler().createSourceFile(name, model.element());
      try (Writer out = source.openWriter()) {
        out.write(text);
      }
    } catch (IOException e) {
      processingEnv
          .getMessager()
          .printMessage(
              javax.tools.Diagnostic.Kind.ERROR,
              "[asyncmodel.Io] Cannot write " + name + ": " + e.getMessage(),
              model.element());
    }
  }

  /**
   * JavaPoet leaves a space at the end of a line that a code block starts with a line break (a
   * field's initializer on its own line). No line of generated Java ends inside a string literal.
   */
  static String withoutTrailingSpaces(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int start = 0;
    for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      int last = end;
      while (last > start && text.charAt(last - 1) == ' ') {
        last--;
      }
      out.append(text, start, last).append('\n');
      start = end + 1;
    }
    return out.append(text, start, text.length()).toString();
  }

  private static String key(Element element) {
    return element instanceof TypeElement type
        ? type.getQualifiedName().toString()
        : element.toString();
  }

  private static String trace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
