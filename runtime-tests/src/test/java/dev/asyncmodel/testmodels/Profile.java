package dev.asyncmodel.testmodels;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Id;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jspecify.annotations.Nullable;

/** A test model with JSON columns: the processor generates {@link Profiles}. */
@AsyncModel
public record Profile(@Id Long id, JsonObject data, @Nullable JsonObject extra, JsonArray tags) {}
