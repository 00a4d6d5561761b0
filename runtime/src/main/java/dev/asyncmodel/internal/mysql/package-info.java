/**
 * The mysql backend: its dialect, its URL rules and connect ({@code Backend}), its row reader. The
 * only place that knows it is this backend.
 */
@NullMarked
package dev.asyncmodel.internal.mysql;

import org.jspecify.annotations.NullMarked;
