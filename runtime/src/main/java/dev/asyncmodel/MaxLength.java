package dev.asyncmodel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The maximum length of a {@code String} column, in characters: Django's {@code
 * CharField(max_length=n)}, a {@code varchar(n)} column. A {@code String} without it is a {@code
 * text} column.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface MaxLength {
  /**
   * The maximum number of characters, at least 1. It must be written: the default only lets the
   * processor say so ({@code [asyncmodel.MissingValue]}) instead of javac stopping every model.
   *
   * @return the length
   */
  int value() default 0;
}
