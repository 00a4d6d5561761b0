package dev.asyncmodel.sample.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request body that must be one JSON object (or, for an import, an array of them), read with
 * Jackson's streaming parser so that a number keeps the exact text it was sent as ({@code 12.50}
 * stays {@code 12.50}, never a {@code double}). Each member becomes a {@link Value}: the handlers
 * decide which types they accept. Objects and arrays inside are skipped, not built, so deep nesting
 * costs nothing but Jackson's depth limit.
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
    try (JsonParser parser = FACTORY.createParser(body.getBytes())) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw HttpError.badRequest(
            Errors.ALL, "The request body must be a JSON object, not " + describe(first) + ".");
      }
      Item object = members(parser);
      if (object.duplicate() != null) {
        throw HttpError.badRequest(object.duplicate(), "This field appears more than once.");
      }
      end(parser, "the object");
      return object.members();
    } catch (IOException | RuntimeException e) {
      throw malformed(e);
    }
  }

  /**
   * An element of a JSON array body.
   *
   * @param kind its JSON type
   * @param members an object's members, in order; empty for anything else
   * @param duplicate the first member an object has twice, or null
   */
  record Item(Kind kind, Map<String, Value> members, @Nullable String duplicate) {}

  /**
   * @param body the request body
   * @param most the most elements accepted
   * @return the array's elements, in order; each object's members read as {@link #object} reads
   *     them, anything else only by its kind
   * @throws HttpError 400 when the body is empty, not JSON, not an array, longer than {@code most}
   *     or has anything after the array
   */
  static List<Item> array(@Nullable Buffer body, int most) {
    if (body == null || body.length() == 0) {
      throw HttpError.badRequest(Errors.ALL, "The request body is empty: send a JSON array.");
    }
    List<Item> items = new ArrayList<>();
    try (JsonParser parser = FACTORY.createParser(body.getBytes())) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_ARRAY) {
        throw HttpError.badRequest(
            Errors.ALL, "The request body must be a JSON array, not " + describe(first) + ".");
      }
      for (JsonToken token = parser.nextToken();
          token != JsonToken.END_ARRAY;
          token = parser.nextToken()) {
        if (items.size() == most) {
          throw HttpError.badRequest(Errors.ALL, "Send at most " + most + " items in one request.");
        }
        if (token == JsonToken.START_OBJECT) {
          items.add(members(parser));
        } else {
          items.add(new Item(value(parser, token).kind(), Map.of(), null));
        }
      }
      end(parser, "the array");
      return items;
    } catch (IOException | RuntimeException e) {
      throw malformed(e);
    }
  }

  /** Reads an object's members, the parser on its START_OBJECT, up to its END_OBJECT. */
  private static Item members(JsonParser parser) throws IOException {
    Map<String, Value> members = new LinkedHashMap<>();
    String duplicate = null;
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_OBJECT;
        token = parser.nextToken()) {
      String name = parser.currentName();
      Value value = value(parser, parser.nextToken());
      if (members.putIfAbsent(name, value) != null && duplicate == null) {
        duplicate = name;
      }
    }
    return new Item(Kind.OBJECT, members, duplicate);
  }

  private static Value value(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_STRING -> new Value(Kind.STRING, parser.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Value(Kind.NUMBER, parser.getText());
      case VALUE_TRUE, VALUE_FALSE -> new Value(Kind.BOOLEAN, parser.getText());
      case VALUE_NULL -> new Value(Kind.NULL, null);
      case START_OBJECT -> skip(parser, Kind.OBJECT);
      case START_ARRAY -> skip(parser, Kind.ARRAY);
      default -> throw new IllegalStateException("Unexpected JSON token " + token);
    };
  }

  /** Refuses anything after the body's one value. */
  private static void end(JsonParser parser, String what) throws IOException {
    JsonToken after = parser.nextToken();
    if (after != null) {
      throw HttpError.badRequest(
          Errors.ALL,
          "Malformed JSON"
              + at(parser.currentTokenLocation())
              + ": nothing may follow "
              + what
              + ".");
    }
  }

  /** A failure while reading, as the 400 the client gets. */
  private static HttpError malformed(Exception e) {
    if (e instanceof HttpError error) {
      return error;
    }
    if (e instanceof JsonProcessingException json) {
      return HttpError.badRequest(
          Errors.ALL, "Malformed JSON" + at(json.getLocation()) + ": " + json.getOriginalMessage());
    }
    // Jackson reports some bad numbers and encodings with plain exceptions.
    return HttpError.badRequest(Errors.ALL, "Malformed JSON: " + e.getMessage());
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
