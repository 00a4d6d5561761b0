package dev.asyncmodel.processor;

import dev.asyncmodel.processor.model.ModelInfo;
import dev.asyncmodel.processor.writer.CompanionWriter;
import dev.asyncmodel.processor.writer.ModelFileWriter;
import dev.asyncmodel.processor.writer.QuerySetWriter;
import dev.asyncmodel.processor.writer.SchemaWriter;
import dev.asyncmodel.processor.writer.ddl.DdlDialect;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;

/**
 * The write stage. Input: checked models. Output, through {@link GeneratedFiles}: each model's
 * companion, QuerySet and model file as it comes, and, once the last round is over, one schema
 * script per database with every model of the compilation. The writers in {@code writer/} make the
 * text; this class decides which files there are.
 */
final class ModelWriter {
  /** The folder of the whole compilation's scripts, in the class output. */
  static final String SCHEMA_DIRECTORY = "META-INF/asyncmodel/schema/";

  private final GeneratedFiles files;

  /** Models written so far, for the schema scripts. */
  private final List<ModelInfo> written = new ArrayList<>();

  ModelWriter(GeneratedFiles files) {
    this.files = files;
  }

  /**
   * @param model a checked model
   */
  void write(ModelInfo model) {
    files.source(CompanionWriter.write(model), model.element());
    files.source(QuerySetWriter.write(model), model.element());
    files.resource(ModelFileWriter.path(model), ModelFileWriter.write(model), model.element());
    written.add(model);
  }

  /** Every model written, in one script per database, for migration tools. */
  void writeSchemas() {
    if (written.isEmpty()) {
      return;
    }
    Element[] origins = written.stream().map(ModelInfo::element).toArray(Element[]::new);
    for (DdlDialect dialect : DdlDialect.ALL) {
      files.resource(
          SCHEMA_DIRECTORY + dialect.name() + ".sql",
          SchemaWriter.writeAll(written, dialect),
          origins);
    }
    written.clear();
  }
}
