package dev.asyncmodel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as a model: the annotation processor writes, beside it, a companion class (field
 * constants, {@code objects(db)}, {@code toDict}/{@code toJson}, the row mapper) and a typed
 * QuerySet.
 *
 * <pre>{@code
 * @AsyncModel(table = "auth_user")
 * public record User(@Id Long id, @MaxLength(150) @Unique String username) {}
 *
 * // generated: Users.objects(db), Users.ID, Users.USERNAME, UserQuerySet ...
 * }</pre>
 *
 * <p>Every component is a column, NOT NULL unless its type is annotated {@code @Nullable}. Exactly
 * one component is the {@link Id @Id}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AsyncModel {
  /**
   * The table name. Empty (the default) means the record's simple name in snake_case: {@code
   * LineItem} maps to {@code line_item}.
   */
  String table() default "";

  /**
   * The simple name of the generated companion class. Empty (the default) means the record's name
   * in plural: {@code Transaction} gets {@code Transactions}, {@code Category} gets {@code
   * Categories}. The QuerySet is always {@code <Record>QuerySet}.
   */
  String companion() default "";
}
