/**
 * The sample app: the spec's transaction views as an HTTP JSON service, on Vert.x Web and
 * asyncmodel. It runs on the class path ({@code java -jar}) and on the module path alike.
 */
module dev.asyncmodel.sample {
  // App.start's signature names Database, Vertx and Future.
  requires transitive dev.asyncmodel.runtime;
  requires io.vertx.web;
  requires com.fasterxml.jackson.core;
  // Vert.x's exceptions for a request line or headers over the limits.
  requires io.netty.codec;
  requires io.netty.codec.http;
  requires static org.jspecify;
  // @Generated on the generated classes: compile time only.
  requires static java.compiler;

  exports dev.asyncmodel.sample;
}
