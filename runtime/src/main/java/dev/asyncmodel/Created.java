package dev.asyncmodel;

/**
 * What {@code agetOrCreate} and {@code aupdateOrCreate} complete with: Django's {@code (obj,
 * created)} tuple.
 *
 * @param object the record found (and updated) or created
 * @param created whether it was created
 * @param <T> the model
 */
public record Created<T>(T object, boolean created) {}
