package dev.asyncmodel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the column explicitly, as Django's {@code db_column}. Without it the column is the
 * component's name in snake_case, plus {@code _id} for a {@link ForeignKey}.
 *
 * <pre>{@code @Column("date_joined") Instant joined}</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface Column {
  /**
   * The column name, as the table has it. It must be written: the default only lets the processor
   * say so ({@code [asyncmodel.MissingValue]}) instead of javac stopping every model.
   *
   * @return the name
   */
  String value() default "";
}
