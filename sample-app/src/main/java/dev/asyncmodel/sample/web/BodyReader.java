package dev.asyncmodel.sample.web;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads a request body as raw bytes, up to a limit, and never as anything else.
 *
 * <p>Vert.x Web's {@code BodyHandler} asks Vert.x to decode the body as a form whenever the {@code
 * Content-Type} says {@code application/x-www-form-urlencoded} or {@code multipart/form-data}: that
 * is the type {@code curl -d} sends, and the form decoder fails on a JSON body with a {@code %} in
 * a string or a long member. The API documents JSON bodies whatever the header says, so this
 * handler collects the bytes itself and leaves decoding to {@link JsonBody}.
 *
 * <p>A {@code Content-Length} over the limit is refused with 413 before anything is read; a chunked
 * body is counted as it arrives and refused with 413 once it passes the limit; either way the
 * connection is closed after the answer, since the rest of the body is not read. An {@code Expect:
 * 100-continue} is answered, any other expectation is a 417.
 */
final class BodyReader implements Handler<RoutingContext> {
  private static final String BODY_KEY = "dev.asyncmodel.sample.body";

  private final int limit;

  /**
   * @param limit the largest body read, in bytes
   */
  BodyReader(int limit) {
    this.limit = limit;
  }

  /**
   * @param ctx a request that passed a {@code BodyReader}
   * @return its body; empty when it had none
   */
  static Buffer body(RoutingContext ctx) {
    Buffer body = ctx.get(BODY_KEY);
    if (body == null) {
      throw new IllegalStateException("No body read: BodyReader must run before " + ctx);
    }
    return body;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (ctx.get(BODY_KEY) != null) {
      ctx.next(); // rerouted: read already
      return;
    }
    long declared = contentLength(request);
    if (declared == -2) {
      ctx.fail(HttpError.badRequest(Errors.ALL, "The Content-Length header is not a number."));
      return;
    }
    if (declared > limit) {
      refuseTooLarge(ctx);
      return;
    }
    String expect = request.getHeader(HttpHeaders.EXPECT);
    if (expect != null) {
      if (!expect.equalsIgnoreCase("100-continue")) {
        ctx.fail(HttpError.of(417, "Only \"Expect: 100-continue\" is understood."));
        return;
      }
      if (request.version() != HttpVersion.HTTP_1_0) {
        ctx.response().writeContinue();
      }
    }
    if (request.isEnded()) {
      ctx.put(BODY_KEY, Buffer.buffer());
      ctx.next();
      return;
    }
    Buffer body = Buffer.buffer(declared > 0 ? (int) declared : 256);
    boolean[] refused = {false};
    request
        .handler(
            chunk -> {
              if (refused[0]) {
                return;
              }
              if (body.length() + chunk.length() > limit) {
                refused[0] = true;
                refuseTooLarge(ctx);
                return;
              }
              body.appendBuffer(chunk);
            })
        .exceptionHandler(
            failure -> {
              if (!refused[0] && !ctx.failed()) {
                refused[0] = true;
                ctx.fail(HttpError.badRequest(Errors.ALL, "The request body could not be read."));
              }
            })
        .endHandler(
            end -> {
              if (!refused[0] && !ctx.failed()) {
                ctx.put(BODY_KEY, body);
                ctx.next();
              }
            })
        .resume();
  }

  /**
   * Answers 413 and, on HTTP/1.x, closes the connection once the answer is sent: the rest of the
   * body is not read, so nothing after it on the connection could be found.
   */
  private void refuseTooLarge(RoutingContext ctx) {
    if (ctx.request().version() != HttpVersion.HTTP_2) {
      ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
      ctx.addEndHandler(sent -> ctx.request().connection().close());
    }
    ctx.fail(HttpError.of(413, "The request body is larger than " + limit + " bytes."));
  }

  /** The declared length: -1 when none is given, -2 when it is not a number. */
  private static long contentLength(HttpServerRequest request) {
    String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (header == null) {
      return -1;
    }
    try {
      long length = Long.parseLong(header.strip());
      return length < 0 ? -2 : length;
    } catch (NumberFormatException e) {
      return -2;
    }
  }
}
