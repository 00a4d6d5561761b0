/**
 * asyncmodel's runtime: the API users write queries with ({@code dev.asyncmodel}) and the SPI that
 * generated code calls ({@code dev.asyncmodel.spi}). The engine ({@code dev.asyncmodel.internal}:
 * the query compiler, the sessions, one package per backend) is not exported.
 *
 * <p>A module of the user's with {@code @AsyncModel} records reads this one and, for the
 * {@code @Generated} annotation on the generated classes, {@code java.compiler} at compile time:
 *
 * <pre>{@code
 * module com.example.app {
 *   requires dev.asyncmodel.runtime;
 *   requires static java.compiler;
 * }
 * }</pre>
 */
// OpenTelemetry's jars are automatic modules; they are required only statically.
@SuppressWarnings("requires-automatic")
module dev.asyncmodel.runtime {
  // The API and the generated code use Future, Vertx and JsonObject.
  requires transitive io.vertx.core;
  requires io.vertx.sql.client;
  requires io.vertx.sql.client.pg;
  requires io.vertx.sql.client.mysql;
  requires org.xerial.sqlitejdbc;
  requires java.sql;
  // OpenTelemetry, when a URL asks for it (telemetry=opentelemetry); absent, never loaded.
  requires static io.opentelemetry.api;
  requires static io.opentelemetry.context;
  // Nullness annotations on the API: needed to compile against it, not to run it.
  requires static transitive org.jspecify;

  exports dev.asyncmodel;
  exports dev.asyncmodel.spi;
}
