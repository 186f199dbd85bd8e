package io.gridcast.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small declarative check of request bodies against the contract's request schemas: required
 * and optional properties with their types, lengths, patterns and enumerations.
 *
 * <p>A body that breaks a rule gets {@code 422 validation_failed} naming the property, e.g. {@code
 * title: must not be blank}. Properties the schema does not know are dropped from creates; in
 * updates they are dropped too, except the ones named as fixed, which get a 422. Immutable and
 * thread-safe once built.
 */
final class TgSchema {

  /** Checks one value and returns it (possibly normalised); {@code path} names it in errors. */
  @FunctionalInterface
  interface Type {
    JsonNode check(String path, JsonNode value);
  }

  private record Prop(String name, Type type, boolean required, JsonNode defaultValue) {}

  static final Pattern ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final List<Prop> props = new ArrayList<>();

  TgSchema required(String name, Type type) {
    props.add(new Prop(name, type, true, null));
    return this;
  }

  TgSchema optional(String name, Type type) {
    props.add(new Prop(name, type, false, null));
    return this;
  }

  /** An optional property that is set to {@code defaultValue} when absent. */
  TgSchema optional(String name, Type type, JsonNode defaultValue) {
    props.add(new Prop(name, type, false, defaultValue));
    return this;
  }

  /** An optional property whose absent value is an empty array. */
  TgSchema optionalArray(String name, Type type) {
    return optional(name, type, SandboxJson.array());
  }

  /** Validates a create body: required properties present, defaults filled in, unknown ones dropped. */
  ObjectNode create(JsonNode body) {
    ObjectNode in = requireObject("", body);
    ObjectNode out = SandboxJson.object();
    for (Prop p : props) {
      JsonNode value = in.get(p.name);
      if (value == null || value.isNull()) {
        if (p.required) {
          throw TgApiException.validation(p.name + ": is required");
        }
        if (p.defaultValue != null) {
          out.set(p.name, p.defaultValue.deepCopy());
        }
        continue;
      }
      out.set(p.name, p.type.check(p.name, value));
    }
    return out;
  }

  /**
   * Validates an update body: only the properties sent, none of them {@code null}, at least one;
   * a property in {@code fixed} gets a 422 because it cannot change.
   */
  ObjectNode update(JsonNode body, Set<String> fixed) {
    ObjectNode in = requireObject("", body);
    for (Iterator<String> names = in.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (fixed.contains(name)) {
        throw TgApiException.validation(name + ": cannot be changed");
      }
    }
    ObjectNode out = SandboxJson.object();
    for (Prop p : props) {
      JsonNode value = in.get(p.name);
      if (value == null) {
        continue;
      }
      if (value.isNull()) {
        throw TgApiException.validation(p.name + ": must not be null (leave it out to keep the current value)");
      }
      out.set(p.name, p.type.check(p.name, value));
    }
    if (out.isEmpty()) {
      throw TgApiException.validation("the update changes nothing: send at least one of " + names());
    }
    return out;
  }

  List<String> names() {
    return props.stream().map(Prop::name).toList();
  }

  // ---- types --------------------------------------------------------------------------------

  static ObjectNode requireObject(String path, JsonNode value) {
    if (value == null || !value.isObject()) {
      throw TgApiException.validation((path.isEmpty() ? "body" : path) + ": must be a JSON object");
    }
    return (ObjectNode) value;
  }

  static Type string(int min, int max) {
    return (path, v) -> {
      if (!v.isTextual()) {
        throw TgApiException.validation(path + ": must be a string");
      }
      int length = v.asText().codePointCount(0, v.asText().length());
      if (min > 0 && v.asText().isBlank()) {
        throw TgApiException.validation(path + ": must not be blank");
      }
      if (length < min || length > max) {
        throw TgApiException.validation(path + ": must be " + min + " to " + max + " characters long");
      }
      return v;
    };
  }

  static Type text() {
    return string(0, Integer.MAX_VALUE);
  }

  static Type pattern(String regex, String description) {
    Pattern p = Pattern.compile(regex);
    return (path, v) -> {
      if (!v.isTextual() || !p.matcher(v.asText()).matches()) {
        throw TgApiException.validation(path + ": must be " + description);
      }
      return v;
    };
  }

  static Type id() {
    return pattern(ID.pattern(), "an id matching ^[A-Za-z0-9_-]{1,64}$");
  }

  static Type externalRef() {
    return string(1, 512);
  }

  static Type enumOf(String... values) {
    Set<String> allowed = Set.of(values);
    String list = String.join(", ", values);
    return (path, v) -> {
      if (!v.isTextual() || !allowed.contains(v.asText())) {
        throw TgApiException.validation(path + ": must be one of " + list);
      }
      return v;
    };
  }

  static Type email() {
    return (path, v) -> {
      if (!v.isTextual() || !EMAIL.matcher(v.asText()).matches()) {
        throw TgApiException.validation(path + ": must be an e-mail address");
      }
      return v;
    };
  }

  static Type absoluteUri() {
    return (path, v) -> {
      if (!v.isTextual()) {
        throw TgApiException.validation(path + ": must be an absolute URI");
      }
      try {
        URI uri = new URI(v.asText());
        if (!uri.isAbsolute()) {
          throw TgApiException.validation(path + ": must be an absolute URI");
        }
      } catch (java.net.URISyntaxException e) {
        throw TgApiException.validation(path + ": must be an absolute URI");
      }
      return v;
    };
  }

  static Type date() {
    return (path, v) -> {
      try {
        LocalDate.parse(v.asText());
        if (v.isTextual()) {
          return v;
        }
      } catch (DateTimeParseException e) {
        // fall through to the error below
      }
      throw TgApiException.validation(path + ": must be a date (YYYY-MM-DD)");
    };
  }

  static Type bool() {
    return (path, v) -> {
      if (!v.isBoolean()) {
        throw TgApiException.validation(path + ": must be true or false");
      }
      return v;
    };
  }

  static Type arrayOf(Type item, int minItems, int maxItems, boolean unique) {
    return (path, v) -> {
      if (!v.isArray()) {
        throw TgApiException.validation(path + ": must be an array");
      }
      if (v.size() < minItems || v.size() > maxItems) {
        throw TgApiException.validation(path + ": must have " + minItems + " to " + maxItems + " items");
      }
      ArrayNode out = SandboxJson.array();
      Set<JsonNode> seen = new HashSet<>();
      for (int i = 0; i < v.size(); i++) {
        JsonNode checked = item.check(path + "[" + i + "]", v.get(i));
        if (unique && !seen.add(checked)) {
          throw TgApiException.validation(path + ": items must be unique, " + checked + " repeats");
        }
        out.add(checked);
      }
      return out;
    };
  }

  static Type arrayOf(Type item) {
    return arrayOf(item, 0, Integer.MAX_VALUE, false);
  }

  static Type object(TgSchema schema) {
    return (path, v) -> {
      requireObject(path, v);
      try {
        return schema.create(v);
      } catch (TgApiException e) {
        throw TgApiException.validation(path + "." + e.getMessage());
      }
    };
  }

  /** An object of string values, e.g. the contract's {@code Metadata} and {@code Answers}. */
  static Type stringMap(int maxProperties, int maxValueLength) {
    return (path, v) -> {
      ObjectNode map = requireObject(path, v);
      if (map.size() > maxProperties) {
        throw TgApiException.validation(path + ": must have at most " + maxProperties + " keys");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isTextual() || e.getValue().asText().length() > maxValueLength) {
          throw TgApiException.validation(path + "." + e.getKey() + ": must be a string of at most " + maxValueLength + " characters");
        }
      }
      return map;
    };
  }

  static JsonNode textNode(String value) {
    return TextNode.valueOf(value);
  }
}
