/**
 * asyncmodel: Django's async ORM for Java records, generated at compile time.
 *
 * <p>Annotate a record with {@link dev.asyncmodel.AsyncModel}; the annotation processor writes its
 * companion ({@code Transactions}: field constants, {@code objects(db)}, {@code toDict}/{@code
 * toJson}) and its {@link dev.asyncmodel.QuerySet}. Connect with {@link
 * dev.asyncmodel.Database#connect}.
 */
@NullMarked
package dev.asyncmodel;

import org.jspecify.annotations.NullMarked;
