package dev.asyncmodel;

/**
 * One value that does not fit its column, as Django's {@code ValidationError} for a field.
 *
 * @param field the record component's name
 * @param code Django's error code: {@code null}, {@code max_length}, {@code max_digits}, {@code
 *     max_decimal_places} or {@code max_whole_digits}
 * @param message what is wrong, in Django's words: "Ensure this value has at most 200 characters
 *     (it has 201)."
 */
public record FieldError(String field, String code, String message) {}
