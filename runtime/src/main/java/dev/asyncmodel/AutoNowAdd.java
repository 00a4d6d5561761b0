package dev.asyncmodel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Set to the current time when the row is inserted, if the record's value is {@code null}: Django's
 * {@code auto_now_add=True}. Fits {@code Instant}, {@code OffsetDateTime}, {@code LocalDateTime}
 * and {@code LocalDate}. Never written by {@code aupdateOrCreate}'s update.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface AutoNowAdd {}
