/**
 * The runtime's implementation: SQL dialects, sessions on the Vert.x SQL clients, URL parsing. Not
 * for users or generated code: it may change in any release.
 */
@NullMarked
package dev.asyncmodel.internal;

import org.jspecify.annotations.NullMarked;
