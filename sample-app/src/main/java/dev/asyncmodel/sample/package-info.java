/**
 * The sample app: the spec's transaction views as an HTTP JSON service. {@link
 * dev.asyncmodel.sample.App} starts it.
 */
@NullMarked
package dev.asyncmodel.sample;

import org.jspecify.annotations.NullMarked;
