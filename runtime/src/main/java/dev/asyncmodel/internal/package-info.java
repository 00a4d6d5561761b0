/**
 * The engine: the query compiler, the terminal methods, the shape cache, the sessions and the
 * transaction protocol, URL parsing; one sub-package per backend ({@code postgresql}, {@code
 * mysql}, {@code sqlite}) with its dialect, URL rules, connect and row reader. Not exported from
 * the module. Not for users or generated code: it may change in any release.
 */
@NullMarked
package dev.asyncmodel.internal;

import org.jspecify.annotations.NullMarked;
