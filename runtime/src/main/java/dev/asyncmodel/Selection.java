package dev.asyncmodel;

/**
 * What a projection can select and read back: an {@link Expression} (a field, {@code
 * AMOUNT.plus(FEE)}, {@code CREATED_AT.truncMonth()}) or an {@link Aggregate} ({@code
 * AMOUNT.sum()}). {@link ValuesRow#get} reads a selected value by the object that selected it.
 *
 * @param <T> the model
 * @param <V> the Java type of the value
 */
public sealed interface Selection<T extends Record, V> permits Expression, Aggregate {}
