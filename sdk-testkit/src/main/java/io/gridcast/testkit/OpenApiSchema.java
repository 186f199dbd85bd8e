package io.gridcast.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One schema of an OpenAPI 3.0 document, compiled once into a check that a sandbox runs on every
 * request: the value is checked and returned normalised, or a {@link Violation} names the first
 * rule it breaks, e.g. {@code audience.groupIds[1]: must match ^[A-Za-z0-9_-]{1,64}$}.
 *
 * <p>It understands the keywords Gridcast's contract uses ({@code $ref}, {@code allOf}, {@code
 * type}, {@code nullable}, {@code enum}, {@code format}, {@code minLength}, {@code maxLength},
 * {@code pattern}, {@code minimum}, {@code maximum}, {@code items}, {@code minItems}, {@code
 * maxItems}, {@code uniqueItems}, {@code properties}, {@code required}, {@code
 * additionalProperties}, {@code minProperties}, {@code maxProperties}, {@code default}) and
 * ignores only annotations ({@code description}, {@code example}, {@code readOnly}, {@code x-…}
 * and the like). Any other keyword fails the compilation, so that a rule added to the document is
 * never silently skipped.
 *
 * <p>Normalisation, the sandbox's reading of a request: an object keeps the properties its schema
 * declares (others are dropped, unless {@code additionalProperties} allows them), a property sent
 * as {@code null} counts as left out, and a left-out property with a {@code default} gets it.
 * Patterns match anywhere in the string, as in JSON Schema; the pattern {@code \S} is the
 * document's way of saying "not blank" and is reported so. Formats checked: {@code date}, {@code
 * date-time}, {@code email}, {@code uri}; other formats are annotations.
 *
 * <p>Immutable and thread-safe once compiled.
 */
final class OpenApiSchema {

  /** The first rule a value breaks; the message starts with the value's path. */
  static final class Violation extends RuntimeException {
    Violation(String message) {
      super(message, null, false, false);
    }
  }

  /** The pattern by which the document says that a string must not be blank. */
  static final String NOT_BLANK = "\\S";

  private static final Set<String> RULES = Set.of(
      "$ref", "allOf", "type", "nullable", "enum", "format", "minLength", "maxLength", "pattern", "minimum", "maximum",
      "items", "minItems", "maxItems", "uniqueItems", "properties", "required", "additionalProperties", "minProperties",
      "maxProperties", "default");
  private static final Set<String> ANNOTATIONS = Set.of(
      "description", "example", "title", "deprecated", "externalDocs", "readOnly", "writeOnly", "xml");
  private static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean", "array", "object");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final String location;
  private List<OpenApiSchema> allOf = List.of();
  private String type;
  private boolean nullable;
  private Set<JsonNode> enumeration;
  private String enumText;
  private String format;
  private Integer minLength;
  private Integer maxLength;
  private boolean notBlank;
  private Pattern pattern;
  private BigDecimal minimum;
  private BigDecimal maximum;
  private OpenApiSchema items;
  private Integer minItems;
  private Integer maxItems;
  private boolean uniqueItems;
  private Map<String, OpenApiSchema> properties = Map.of();
  private Set<String> required = Set.of();
  private boolean keepsOtherProperties;
  private OpenApiSchema otherProperties;
  private Integer minProperties;
  private Integer maxProperties;
  private JsonNode defaultValue;

  private OpenApiSchema(String location) {
    this.location = location;
  }

  // ---- compiling ----------------------------------------------------------------------------

  /** Compiles the schemas of one document; {@code $ref}s to {@code #/components/schemas/…} are compiled once and shared. */
  static final class Compiler {
    private final JsonNode document;
    private final Map<String, OpenApiSchema> byRef = new HashMap<>();

    Compiler(JsonNode document) {
      this.document = document;
    }

    /**
     * Compiles the schema found at {@code location} (a JSON pointer into the document, for error messages).
     *
     * @throws IllegalStateException if the schema uses a keyword this class does not understand, or a broken {@code $ref}
     */
    OpenApiSchema compile(JsonNode schema, String location) {
      if (schema == null || !schema.isObject()) {
        throw new IllegalStateException(location + ": a schema must be an object");
      }
      if (schema.has("$ref")) {
        return resolve(schema, location);
      }
      OpenApiSchema s = new OpenApiSchema(location);
      for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
        String keyword = it.next();
        if (!RULES.contains(keyword) && !ANNOTATIONS.contains(keyword) && !keyword.startsWith("x-")) {
          throw new IllegalStateException(location + ": the sandbox does not understand the schema keyword " + keyword);
        }
      }
      if (schema.has("allOf")) {
        List<OpenApiSchema> parts = new ArrayList<>();
        int withProperties = 0;
        for (int i = 0; i < schema.get("allOf").size(); i++) {
          OpenApiSchema part = compile(schema.get("allOf").get(i), location + "/allOf/" + i);
          withProperties += part.properties.isEmpty() ? 0 : 1;
          parts.add(part);
        }
        if (withProperties > 1 || (withProperties == 1 && schema.has("properties"))) {
          throw new IllegalStateException(location + ": allOf may merge at most one object schema with properties");
        }
        s.allOf = List.copyOf(parts);
      }
      if (schema.has("type")) {
        s.type = schema.get("type").asText();
        if (!TYPES.contains(s.type)) {
          throw new IllegalStateException(location + ": unknown type " + s.type);
        }
      }
      s.nullable = schema.path("nullable").asBoolean(false);
      if (schema.has("enum")) {
        s.enumeration = new LinkedHashSet<>();
        schema.get("enum").forEach(s.enumeration::add);
        s.enumText = s.enumeration.stream().map(JsonNode::asText).collect(Collectors.joining(", "));
      }
      s.format = schema.has("format") ? schema.get("format").asText() : null;
      s.minLength = integer(schema, "minLength");
      s.maxLength = integer(schema, "maxLength");
      if (schema.has("pattern")) {
        String regex = schema.get("pattern").asText();
        if (regex.equals(NOT_BLANK)) {
          s.notBlank = true;
        } else {
          s.pattern = Pattern.compile(regex);
        }
      }
      s.minimum = schema.has("minimum") ? schema.get("minimum").decimalValue() : null;
      s.maximum = schema.has("maximum") ? schema.get("maximum").decimalValue() : null;
      if (schema.has("items")) {
        s.items = compile(schema.get("items"), location + "/items");
      }
      s.minItems = integer(schema, "minItems");
      s.maxItems = integer(schema, "maxItems");
      s.uniqueItems = schema.path("uniqueItems").asBoolean(false);
      if (schema.has("properties")) {
        Map<String, OpenApiSchema> props = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.get("properties").fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> p = it.next();
          props.put(p.getKey(), compile(p.getValue(), location + "/properties/" + p.getKey()));
        }
        s.properties = Collections.unmodifiableMap(props);
      }
      if (schema.has("required")) {
        Set<String> names = new LinkedHashSet<>();
        schema.get("required").forEach(n -> names.add(n.asText()));
        if (!s.properties.keySet().containsAll(names)) {
          throw new IllegalStateException(location + ": required names a property that is not declared");
        }
        s.required = Collections.unmodifiableSet(names);
      }
      JsonNode additional = schema.get("additionalProperties");
      if (additional != null && additional.isObject()) {
        s.otherProperties = compile(additional, location + "/additionalProperties");
        s.keepsOtherProperties = true;
      } else if (additional != null) {
        s.keepsOtherProperties = additional.asBoolean();
      } else {
        // without additionalProperties an object without declared properties is a free-form map
        s.keepsOtherProperties = s.properties.isEmpty();
      }
      s.minProperties = integer(schema, "minProperties");
      s.maxProperties = integer(schema, "maxProperties");
      s.defaultValue = schema.has("default") ? schema.get("default").deepCopy() : null;
      return s;
    }

    private OpenApiSchema resolve(JsonNode schema, String location) {
      String ref = schema.get("$ref").asText();
      if (schema.size() > 1) {
        throw new IllegalStateException(location + ": a $ref must stand alone (wrap it in allOf to add keywords)");
      }
      if (byRef.containsKey(ref)) {
        OpenApiSchema known = byRef.get(ref);
        if (known == null) {
          throw new IllegalStateException(location + ": $ref " + ref + " refers to itself; recursive schemas are not supported");
        }
        return known;
      }
      if (!ref.startsWith("#/")) {
        throw new IllegalStateException(location + ": only local $refs are supported, not " + ref);
      }
      JsonNode target = document.at(ref.substring(1));
      if (target.isMissingNode()) {
        throw new IllegalStateException(location + ": $ref " + ref + " points nowhere");
      }
      byRef.put(ref, null); // marks the ref as in progress
      OpenApiSchema compiled = compile(target, ref.substring(1));
      byRef.put(ref, compiled);
      return compiled;
    }

    private static Integer integer(JsonNode schema, String keyword) {
      return schema.has(keyword) ? schema.get(keyword).asInt() : null;
    }
  }

  // ---- what the schema declares -------------------------------------------------------------

  /** The declared properties of an object schema, in document order (empty for other schemas). */
  Map<String, OpenApiSchema> properties() {
    return properties;
  }

  /** The values of an {@code enum}, in document order, through {@code allOf} too. */
  List<String> enumeration() {
    if (enumeration != null) {
      return enumeration.stream().map(JsonNode::asText).toList();
    }
    for (OpenApiSchema part : allOf) {
      if (!part.enumeration().isEmpty()) {
        return part.enumeration();
      }
    }
    return List.of();
  }

  /** Whether the value passes the schema. */
  boolean accepts(JsonNode value) {
    try {
      check("value", value);
      return true;
    } catch (Violation e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "OpenApiSchema{" + location + "}";
  }

  // ---- checking -----------------------------------------------------------------------------

  /**
   * Checks {@code value} and returns it normalised (see the class comment).
   *
   * @param path names the value in messages, e.g. {@code links[0].url}; empty for a request body
   * @throws Violation naming the first rule the value breaks
   */
  JsonNode check(String path, JsonNode value) {
    JsonNode v = value;
    for (OpenApiSchema part : allOf) {
      v = part.check(path, v);
    }
    if (v == null || v.isNull()) {
      if (nullable || (type == null && allOf.isEmpty())) {
        return v;
      }
      throw violation(path, "must not be null");
    }
    if (type != null) {
      checkType(path, v);
    }
    if (enumeration != null && !enumeration.contains(v)) {
      throw violation(path, "must be one of " + enumText);
    }
    if (v.isTextual()) {
      checkString(path, v.asText());
    } else if (v.isNumber()) {
      checkNumber(path, v.decimalValue());
    } else if (v.isArray()) {
      return checkArray(path, (ArrayNode) v);
    } else if (v.isObject()) {
      return checkObject(path, (ObjectNode) v, true);
    }
    return v;
  }

  /**
   * Checks the declared properties of {@code in} that are present (for a partial update): none
   * may be {@code null}; {@code required}, defaults and the object's own limits are not applied.
   *
   * @return the present declared properties, normalised
   */
  ObjectNode checkPresent(String path, JsonNode in) {
    ObjectNode object = requireObject(path, in);
    ObjectNode out = SandboxJson.object();
    for (Map.Entry<String, OpenApiSchema> p : properties.entrySet()) {
      JsonNode value = object.get(p.getKey());
      if (value == null) {
        continue;
      }
      String at = join(path, p.getKey());
      if (value.isNull()) {
        throw violation(at, "must not be null (leave it out to keep the current value)");
      }
      out.set(p.getKey(), p.getValue().check(at, value));
    }
    return out;
  }

  /** Checks the object's own limits ({@code minProperties}, {@code maxProperties}) on an already normalised object. */
  void checkSize(String path, ObjectNode object) {
    if (minProperties != null && object.size() < minProperties) {
      throw violation(path, "must have at least " + minProperties + (minProperties == 1 ? " property" : " properties"));
    }
    if (maxProperties != null && object.size() > maxProperties) {
      throw violation(path, "must have at most " + maxProperties + " keys");
    }
  }

  private void checkType(String path, JsonNode v) {
    boolean ok;
    String expected;
    switch (type) {
      case "string" -> {
        ok = v.isTextual();
        expected = "must be a string";
      }
      case "integer" -> {
        ok = v.isIntegralNumber() || (v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0);
        expected = "must be an integer";
      }
      case "number" -> {
        ok = v.isNumber();
        expected = "must be a number";
      }
      case "boolean" -> {
        ok = v.isBoolean();
        expected = "must be true or false";
      }
      case "array" -> {
        ok = v.isArray();
        expected = "must be an array";
      }
      default -> {
        ok = v.isObject();
        expected = "must be a JSON object";
      }
    }
    if (!ok) {
      throw violation(path, expected);
    }
  }

  private void checkString(String path, String text) {
    if (notBlank && text.isBlank()) {
      throw violation(path, "must not be blank");
    }
    if (minLength != null || maxLength != null) {
      int length = text.codePointCount(0, text.length());
      int min = minLength == null ? 0 : minLength;
      if (length < min || (maxLength != null && length > maxLength)) {
        throw violation(path, minLength == null ? "must be at most " + maxLength + " characters long"
            : maxLength == null ? "must be at least " + minLength + " characters long"
            : "must be " + minLength + " to " + maxLength + " characters long");
      }
    }
    if (pattern != null && !pattern.matcher(text).find()) {
      throw violation(path, "must match " + pattern.pattern());
    }
    if (format != null) {
      checkFormat(path, text);
    }
  }

  private void checkFormat(String path, String text) {
    switch (format) {
      case "date" -> {
        try {
          LocalDate.parse(text);
        } catch (DateTimeParseException e) {
          throw violation(path, "must be a date (YYYY-MM-DD)");
        }
      }
      case "date-time" -> {
        try {
          OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
          throw violation(path, "must be an RFC 3339 date-time such as 2026-05-04T09:15:00Z");
        }
      }
      case "email" -> {
        if (!EMAIL.matcher(text).matches()) {
          throw violation(path, "must be an e-mail address");
        }
      }
      case "uri" -> {
        boolean absolute;
        try {
          absolute = new URI(text).isAbsolute();
        } catch (URISyntaxException e) {
          absolute = false;
        }
        if (!absolute) {
          throw violation(path, "must be an absolute URI");
        }
      }
      default -> {
        // an annotation only (int64, password, binary, …)
      }
    }
  }

  private void checkNumber(String path, BigDecimal number) {
    if ((minimum != null && number.compareTo(minimum) < 0) || (maximum != null && number.compareTo(maximum) > 0)) {
      throw violation(path, minimum == null ? "must be at most " + maximum.toPlainString()
          : maximum == null ? "must be at least " + minimum.toPlainString()
          : "must be between " + minimum.toPlainString() + " and " + maximum.toPlainString());
    }
  }

  private JsonNode checkArray(String path, ArrayNode array) {
    int size = array.size();
    if ((minItems != null && size < minItems) || (maxItems != null && size > maxItems)) {
      throw violation(path, minItems == null ? "must have at most " + maxItems + " items"
          : maxItems == null ? "must have at least " + minItems + (minItems == 1 ? " item" : " items")
          : "must have " + minItems + " to " + maxItems + " items");
    }
    if (items == null && !uniqueItems) {
      return array;
    }
    ArrayNode out = SandboxJson.array();
    Set<JsonNode> seen = uniqueItems ? new HashSet<>() : null;
    for (int i = 0; i < size; i++) {
      JsonNode item = items == null ? array.get(i) : items.check(path + "[" + i + "]", array.get(i));
      if (seen != null && !seen.add(item)) {
        throw violation(path, "items must be unique, " + item + " repeats");
      }
      out.add(item);
    }
    return out;
  }

  private ObjectNode checkObject(String path, ObjectNode in, boolean withSize) {
    if (properties.isEmpty() && otherProperties == null) {
      if (withSize) {
        checkSize(path, in);
      }
      return in;
    }
    ObjectNode out = SandboxJson.object();
    for (Map.Entry<String, OpenApiSchema> p : properties.entrySet()) {
      String name = p.getKey();
      JsonNode value = in.get(name);
      if (value == null || value.isNull()) {
        if (required.contains(name)) {
          throw violation(join(path, name), "is required");
        }
        JsonNode fallback = p.getValue().defaultValue();
        if (fallback != null) {
          out.set(name, fallback.deepCopy());
        }
        continue;
      }
      out.set(name, p.getValue().check(join(path, name), value));
    }
    if (keepsOtherProperties) {
      for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!properties.containsKey(e.getKey())) {
          out.set(e.getKey(), otherProperties == null ? e.getValue() : otherProperties.check(join(path, e.getKey()), e.getValue()));
        }
      }
    }
    if (withSize) {
      checkSize(path, out);
    }
    return out;
  }

  /** The {@code default}, also when it sits beside an {@code allOf}. */
  private JsonNode defaultValue() {
    if (defaultValue != null) {
      return defaultValue;
    }
    for (OpenApiSchema part : allOf) {
      if (part.defaultValue() != null) {
        return part.defaultValue();
      }
    }
    return null;
  }

  private static ObjectNode requireObject(String path, JsonNode value) {
    if (value == null || !value.isObject()) {
      throw violation(path, "must be a JSON object");
    }
    return (ObjectNode) value;
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static Violation violation(String path, String message) {
    return new Violation((path.isEmpty() ? "body" : path) + ": " + message);
  }
}
