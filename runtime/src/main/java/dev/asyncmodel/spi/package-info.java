/**
 * What generated code calls: model metadata, column specs, row readers. Not for users: it may
 * change in any release, in step with the processor that writes the calls.
 */
@NullMarked
package dev.asyncmodel.spi;

import org.jspecify.annotations.NullMarked;
