package dev.asyncmodel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The primary key: a {@code Long} the database generates. It is {@code null} in a record not yet
 * inserted; {@code acreate} returns the record with the generated value.
 *
 * <pre>{@code @AsyncModel record Note(@Id Long id, @MaxLength(80) String text) {}}</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface Id {}
