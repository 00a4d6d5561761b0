package dev.asyncmodel.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import javax.lang.model.element.Element;

/**
 * One record component, as the writers need it: names, column, Java types and constraints.
 *
 * @param index position among the components
 * @param name the component's name
 * @param constant the field constant's name (UPPER_SNAKE)
 * @param dictKey its key in {@code toDict} and {@code toJson} (snake_case)
 * @param column the column name
 * @param kind the column kind
 * @param type the component's Java type, as declared (primitive or not)
 * @param primitive whether that type is primitive
 * @param nullable whether the column accepts NULL
 * @param primaryKey whether it is the {@code @Id}
 * @param unique whether it is unique
 * @param autoNowAdd whether insert fills it with the current time
 * @param inDict whether {@code toDict} shows it
 * @param maxLength {@code varchar} length, or 0
 * @param maxDigits decimal precision, or 0
 * @param decimalPlaces decimal scale, or 0
 * @param onDelete the foreign key's {@code OnDelete} constant name, or null
 * @param target the referenced model, or null
 * @param element the component, for positions
 */
public record ColumnInfo(
    int index,
    String name,
    String constant,
    String dictKey,
    String column,
    ColumnKind kind,
    TypeName type,
    boolean primitive,
    boolean nullable,
    boolean primaryKey,
    boolean unique,
    boolean autoNowAdd,
    boolean inDict,
    int maxLength,
    int maxDigits,
    int decimalPlaces,
    String onDelete,
    Target target,
    Element element) {

  /**
   * The model a foreign key references.
   *
   * @param record the target record
   * @param companion the target's companion
   * @param idConstant the target's {@code @Id} field constant
   * @param table the target's table
   * @param idColumn the target's {@code @Id} column
   * @param intId whether the target's {@code @Id} is an {@code Integer} (Django's {@code
   *     AutoField}): the key's column is then an {@code integer}, as Django makes it
   */
  public record Target(
      ClassName record,
      ClassName companion,
      String idConstant,
      String table,
      String idColumn,
      boolean intId) {}

  /**
   * @return the boxed Java type: the field constant's value type
   */
  public TypeName boxedType() {
    return type.box();
  }
}
