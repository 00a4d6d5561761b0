package dev.asyncmodel.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * One valid model, ready to write: what the reader found and the checks passed.
 *
 * @param record the record
 * @param companion the companion class to write
 * @param querySet the QuerySet class to write
 * @param binaryName the record's binary name, for the runtime's model index
 * @param table the table name
 * @param isPublic whether the generated classes are public (they follow the record)
 * @param fields the components, in order
 * @param dependents foreign keys of other models of this compilation that reference this one
 * @param element the record, for positions and originating elements
 */
public record ModelInfo(
    ClassName record,
    ClassName companion,
    ClassName querySet,
    String binaryName,
    String table,
    boolean isPublic,
    List<ColumnInfo> fields,
    List<Dependent> dependents,
    TypeElement element) {

  /**
   * A foreign key of another model to this one.
   *
   * @param companion the other model's companion
   * @param record the other model's record
   * @param constant the foreign key's field constant
   */
  public record Dependent(ClassName companion, ClassName record, String constant) {}

  /**
   * @return the model's name: the record's simple name
   */
  public String name() {
    return record.simpleName();
  }

  /**
   * @return this model with its dependents set
   */
  public ModelInfo withDependents(List<Dependent> found) {
    return new ModelInfo(
        record,
        companion,
        querySet,
        binaryName,
        table,
        isPublic,
        fields,
        List.copyOf(found),
        element);
  }

  /**
   * @return the {@code @Id} component
   */
  public ColumnInfo primaryKey() {
    for (ColumnInfo field : fields) {
      if (field.primaryKey()) {
        return field;
      }
    }
    throw new IllegalStateException(
        "model " + record + " has no @Id: the reader should have said so");
  }
}
