package dev.asyncmodel.processor;

import com.palantir.javapoet.ClassName;
import dev.asyncmodel.processor.model.ColumnInfo;
import dev.asyncmodel.processor.model.ModelInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The check stage: what no single record shows. Input: the models {@link ModelReader} read in one
 * round, and the types the user wrote. Output: the models whose companion, QuerySet and table are
 * unique, each with the foreign keys of the round's other models that reference it (its dependents,
 * for cascades). A model that clashes is reported and left out; the others go on.
 */
final class ModelChecker {
  private final Diagnostics diagnostics;

  ModelChecker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * @param models the round's valid models
   * @param userTypes the canonical names of the types the user wrote in this round
   * @return the models to write, with their dependents
   */
  List<ModelInfo> check(List<ModelInfo> models, Set<String> userTypes) {
    Map<ClassName, List<ModelInfo.Dependent>> dependents = dependents(models);
    List<ModelInfo> valid = new ArrayList<>();
    for (ModelInfo model : withoutClashes(models, userTypes)) {
      valid.add(model.withDependents(dependents.getOrDefault(model.record(), List.of())));
    }
    return valid;
  }

  /** Companions and tables must be unique, and a companion must not be a type the user wrote. */
  private List<ModelInfo> withoutClashes(List<ModelInfo> models, Set<String> userTypes) {
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
      // Table names are case-insensitive in MySQL on some platforms and in SQLite.
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

  /** The foreign keys of the round's models, by the record they reference, for cascades. */
  private static Map<ClassName, List<ModelInfo.Dependent>> dependents(List<ModelInfo> models) {
    Map<ClassName, List<ModelInfo.Dependent>> byTarget = new HashMap<>();
    for (ModelInfo other : models) {
      for (ColumnInfo column : other.fields()) {
        if (column.target() != null) {
          byTarget
              .computeIfAbsent(column.target().record(), k -> new ArrayList<>())
              .add(new ModelInfo.Dependent(other.companion(), other.record(), column.constant()));
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
}
