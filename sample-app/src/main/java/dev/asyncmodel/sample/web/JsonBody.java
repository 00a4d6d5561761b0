package dev.asyncmodel.sample.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request body that must be one JSON object, read with Jackson's streaming parser so that a
 * number keeps the exact text it was sent as ({@code 12.50} stays {@code 12.50}, never a {@code
 * double}). Each member becomes a {@link Value}: the handlers decide which types they accept.
 * Objects and arrays inside are skipped, not built, so deep nesting costs nothing but Jackson's
 * depth limit.
 */
final class JsonBody {
  private JsonBody() {}

  /** Nesting deeper than this is refused as malformed. */
  static final int MAX_DEPTH = 64;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH)
                  .maxNumberLength(1000)
                  .maxStringLength(1 << 20)
                  .build())
          .build();

  /** The JSON type of a member. */
  enum Kind {
    STRING("a string"),
    NUMBER("a number"),
    BOOLEAN("a boolean"),
    NULL("null"),
    OBJECT("an object"),
    ARRAY("an array");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    /**
     * @return the type in words: "a string", "an array"
     */
    String description() {
      return description;
    }
  }

  /**
   * A member's value.
   *
   * @param kind its JSON type
   * @param text a string's value, a number's literal text ({@code 1e3}, {@code 12.50}), {@code
   *     true}/{@code false}; null for null, objects and arrays
   */
  record Value(Kind kind, @Nullable String text) {}

  /**
   * @param body the request body
   * @return the object's members, in order
   * @throws HttpError 400 when the body is empty, not JSON, not an object, has a member twice or
   *     anything after the object
   */
  static Map<String, Value> object(@Nullable Buffer body) {
    if (body == null || body.length() == 0) {
      throw HttpError.badRequest(Errors.ALL, "The request body is empty: send a JSON object.");
    }
    Map<String, Value> members = new LinkedHashMap<>();
    try (JsonParser parser = FACTORY.createParser(body.getBytes())) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw HttpError.badRequest(
            Errors.ALL, "The request body must be a JSON object, not " + describe(first) + ".");
      }
      for (JsonToken token = parser.nextToken();
          token != JsonToken.END_OBJECT;
          token = parser.nextToken()) {
        String name = parser.currentName();
        JsonToken valueToken = parser.nextToken();
        Value value =
            switch (valueToken) {
              case VALUE_STRING -> new Value(Kind.STRING, parser.getText());
              case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Value(Kind.NUMBER, parser.getText());
              case VALUE_TRUE, VALUE_FALSE -> new Value(Kind.BOOLEAN, parser.getText());
              case VALUE_NULL -> new Value(Kind.NULL, null);
              case START_OBJECT -> skip(parser, Kind.OBJECT);
              case START_ARRAY -> skip(parser, Kind.ARRAY);
              default -> throw new IllegalStateException("Unexpected JSON token " + valueToken);
            };
        if (members.put(name, value) != null) {
          throw HttpError.badRequest(name, "This field appears more than once.");
        }
      }
      JsonToken after = parser.nextToken();
      if (after != null) {
        throw HttpError.badRequest(
            Errors.ALL,
            "Malformed JSON"
                + at(parser.currentTokenLocation())
                + ": nothing may follow the object.");
      }
    } catch (JsonProcessingException e) {
      throw HttpError.badRequest(
          Errors.ALL, "Malformed JSON" + at(e.getLocation()) + ": " + e.getOriginalMessage());
    } catch (IOException | RuntimeException e) {
      if (e instanceof HttpError error) {
        throw error;
      }
      // Jackson reports some bad numbers and encodings with plain exceptions.
      throw HttpError.badRequest(Errors.ALL, "Malformed JSON: " + e.getMessage());
    }
    return members;
  }

  private static Value skip(JsonParser parser, Kind kind) throws IOException {
    parser.skipChildren();
    return new Value(kind, null);
  }

  private static String describe(@Nullable JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }

  private static String at(@Nullable JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
