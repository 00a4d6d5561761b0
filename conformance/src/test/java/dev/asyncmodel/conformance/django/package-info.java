/**
 * Models mapped onto tables that Django's {@code migrate} made, with Django's column names and
 * types: a custom user model (app {@code accounts}, table {@code accounts_user}, the columns of
 * Django's {@code AbstractUser}) and the spec's ledger (app {@code ledger}). The DDL is in {@code
 * src/test/resources/django/}.
 */
package dev.asyncmodel.conformance.django;
