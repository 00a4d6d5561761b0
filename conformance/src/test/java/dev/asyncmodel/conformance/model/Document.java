package dev.asyncmodel.conformance.model;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Id;
import dev.asyncmodel.MaxLength;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jspecify.annotations.Nullable;

/** Django's JSONField: an object that is always there, an optional one, an optional array. */
@AsyncModel
public record Document(
    @Id Long id,
    @MaxLength(40) String name,
    JsonObject data,
    @Nullable JsonObject extra,
    @Nullable JsonArray tags) {}
