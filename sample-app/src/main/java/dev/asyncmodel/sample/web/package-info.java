/**
 * The HTTP side of the sample app: the router, HTTP Basic authentication against {@code auth_user},
 * Django's password hashes, and the JSON handlers of the spec's views.
 */
@NullMarked
package dev.asyncmodel.sample.web;

import org.jspecify.annotations.NullMarked;
