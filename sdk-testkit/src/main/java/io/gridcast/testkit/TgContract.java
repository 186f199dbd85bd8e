package io.gridcast.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Active Community contract as the Trading Grid sandbox reads it: Gridcast's OpenAPI document
 * ({@code active-community-openapi.yaml} of {@code sdk-tradinggrid}, packaged into this jar at
 * build time), loaded once per JVM, with the request body, query and header parameters of every
 * operation compiled into {@link OpenApiSchema} checks.
 *
 * <p>This is the sandbox's only source of request schemas: what a body or a query may hold is
 * read here, never re-declared. What the document cannot say (references between resources,
 * status transitions, which fields an update may not change) lives in {@link TgKinds}.
 *
 * <p>Request bodies that break the document get {@code 422 validation_failed}, query and header
 * parameters {@code 400 invalid_request}, each naming the field. Immutable and thread-safe.
 */
final class TgContract {

  /** The document inside this jar, next to this class. */
  static final String RESOURCE = "active-community-openapi.yaml";

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  private static final class Shared {
    static final TgContract INSTANCE = load();
  }

  /** A request body schema of one operation, applied as a create or as a partial update. */
  static final class Body {
    private final String operationId;
    private final OpenApiSchema schema;

    private Body(String operationId, OpenApiSchema schema) {
      this.operationId = operationId;
      this.schema = schema;
    }

    /**
     * Checks a create body: required properties present, defaults filled in, undeclared properties dropped.
     *
     * @throws TgApiException 422 naming the first field that breaks the document
     */
    ObjectNode create(JsonNode body) {
      try {
        JsonNode checked = schema.check("", body);
        if (checked == null || !checked.isObject()) {
          throw TgApiException.validation("body: must be a JSON object");
        }
        return (ObjectNode) checked;
      } catch (OpenApiSchema.Violation e) {
        throw TgApiException.validation(e.getMessage());
      }
    }

    /**
     * Checks a partial update: only the properties sent, none of them {@code null}, at least one;
     * a property in {@code fixed} gets a 422 because it cannot change.
     *
     * @throws TgApiException 422 naming the first field that breaks the document or the rule
     */
    ObjectNode update(JsonNode body, Set<String> fixed) {
      if (body == null || !body.isObject()) {
        throw TgApiException.validation("body: must be a JSON object");
      }
      for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (fixed.contains(name)) {
          throw TgApiException.validation(name + ": cannot be changed");
        }
      }
      try {
        ObjectNode patch = schema.checkPresent("", body);
        if (patch.isEmpty()) {
          throw TgApiException.validation("the update changes nothing: send at least one of " + names());
        }
        schema.checkSize("", patch);
        return patch;
      } catch (OpenApiSchema.Violation e) {
        throw TgApiException.validation(e.getMessage());
      }
    }

    /** The declared property names, in document order. */
    List<String> names() {
      return List.copyOf(schema.properties().keySet());
    }

    @Override
    public String toString() {
      return "Body{" + operationId + "}";
    }
  }

  /** A query or header parameter. */
  private record Parameter(String name, boolean inQuery, OpenApiSchema schema, String type, JsonNode defaultValue) {}

  private final Map<String, Body> bodies;
  private final Map<String, List<Parameter>> parameters;
  private final Map<String, OpenApiSchema> components;

  private TgContract(Map<String, Body> bodies, Map<String, List<Parameter>> parameters, Map<String, OpenApiSchema> components) {
    this.bodies = bodies;
    this.parameters = parameters;
    this.components = components;
  }

  /** The contract, read and compiled on first use. */
  static TgContract get() {
    return Shared.INSTANCE;
  }

  /** Reads and compiles the document packaged with this class. */
  static TgContract load() {
    try (InputStream in = TgContract.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the Active Community contract " + RESOURCE
            + " is missing next to " + TgContract.class.getName() + ": the sdk-testkit jar is broken");
      }
      return compile(new ObjectMapper(new YAMLFactory()).readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the Active Community contract", e);
    }
  }

  /** Compiles an OpenAPI 3.0 document; exposed for tests. */
  static TgContract compile(JsonNode document) {
    OpenApiSchema.Compiler compiler = new OpenApiSchema.Compiler(document);
    Map<String, Body> bodies = new LinkedHashMap<>();
    Map<String, List<Parameter>> parametersById = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      JsonNode shared = path.getValue().path("parameters");
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        String id = op.getValue().path("operationId").asText();
        String at = "/paths/" + path.getKey() + "/" + op.getKey();
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode list : List.of(shared, op.getValue().path("parameters"))) {
          for (int i = 0; i < list.size(); i++) {
            JsonNode p = deref(document, list.get(i));
            String in = p.path("in").asText();
            if (in.equals("query") || in.equals("header")) {
              String name = p.path("name").asText();
              JsonNode schema = deref(document, p.path("schema"));
              parameters.add(new Parameter(name, in.equals("query"), compiler.compile(p.get("schema"), at + "/parameters/" + name),
                  schema.path("type").asText("string"), schema.get("default")));
            }
          }
        }
        parametersById.put(id, List.copyOf(parameters));
        JsonNode content = deref(document, op.getValue().path("requestBody")).path("content");
        for (String mediaType : List.of("application/json", "multipart/form-data")) {
          if (content.has(mediaType)) {
            bodies.put(id, new Body(id, compiler.compile(content.get(mediaType).get("schema"), at + "/requestBody")));
          }
        }
      }
    }
    Map<String, OpenApiSchema> components = new LinkedHashMap<>();
    for (Iterator<String> names = document.path("components").path("schemas").fieldNames(); names.hasNext(); ) {
      String name = names.next();
      components.put(name, compiler.compile(JsonNodeFactory.instance.objectNode().put("$ref", "#/components/schemas/" + name),
          "/components/schemas/" + name));
    }
    return new TgContract(Collections.unmodifiableMap(bodies), Collections.unmodifiableMap(parametersById),
        Collections.unmodifiableMap(components));
  }

  private static JsonNode deref(JsonNode document, JsonNode node) {
    JsonNode n = node;
    while (n.has("$ref")) {
      n = document.at(n.get("$ref").asText().substring(1));
    }
    return n;
  }

  /**
   * The JSON (or multipart form) request body of an operation.
   *
   * @throws IllegalArgumentException if the document gives the operation no request body
   */
  Body body(String operationId) {
    Body body = bodies.get(operationId);
    if (body == null) {
      throw new IllegalArgumentException("the contract has no request body for operation " + operationId);
    }
    return body;
  }

  /**
   * Checks the query and header parameters the document declares for an operation against their
   * schemas and returns the query parameters, with the document's defaults for those left out.
   * Undeclared parameters are ignored, and so are missing required headers (the operation
   * answers those itself, e.g. {@code 428} for a missing {@code If-Match}). A query parameter
   * of array type may repeat or separate its values with commas.
   *
   * @throws TgApiException 400 naming the first parameter that breaks the document
   * @throws IllegalArgumentException if the document has no such operation
   */
  ObjectNode parameters(String operationId, SandboxRequest request) {
    List<Parameter> declared = parameters.get(operationId);
    if (declared == null) {
      throw new IllegalArgumentException("the contract has no operation " + operationId);
    }
    ObjectNode out = SandboxJson.object();
    for (Parameter p : declared) {
      List<String> values = p.inQuery() ? request.queryParams().get(p.name()) : request.header(p.name()).map(List::of).orElse(null);
      if (values == null || values.isEmpty()) {
        if (p.inQuery() && p.defaultValue() != null) {
          out.set(p.name(), p.defaultValue());
        }
        continue;
      }
      try {
        JsonNode value = p.schema().check(p.name(), coerce(p, values));
        if (p.inQuery()) {
          out.set(p.name(), value);
        }
      } catch (OpenApiSchema.Violation e) {
        throw TgApiException.invalidRequest(e.getMessage());
      }
    }
    return out;
  }

  /** The names of the query parameters the document declares for an operation, in document order. */
  List<String> queryParameterNames(String operationId) {
    return parameters.getOrDefault(operationId, List.of()).stream().filter(Parameter::inQuery).map(Parameter::name).toList();
  }

  /** The operation ids that have a request body. */
  Set<String> operationsWithBodies() {
    return bodies.keySet();
  }

  /**
   * The values of an enumeration in {@code components/schemas}, e.g. {@code EventType}.
   *
   * @throws IllegalArgumentException if there is no such schema
   */
  List<String> enumeration(String schemaName) {
    return component(schemaName).enumeration();
  }

  /** Whether {@code value} passes the schema {@code components/schemas/<schemaName>}. */
  boolean accepts(String schemaName, JsonNode value) {
    return component(schemaName).accepts(value);
  }

  private OpenApiSchema component(String schemaName) {
    OpenApiSchema schema = components.get(schemaName);
    if (schema == null) {
      throw new IllegalArgumentException("the contract has no schema " + schemaName);
    }
    return schema;
  }

  /** A parameter's text as the JSON value its schema describes; text that is no number stays text and fails the type check. */
  private static JsonNode coerce(Parameter p, List<String> values) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    String first = values.get(0);
    switch (p.type()) {
      case "array" -> {
        ArrayNode items = json.arrayNode();
        for (String value : values) {
          for (String item : value.split(",", -1)) {
            items.add(item.trim());
          }
        }
        return items;
      }
      case "integer", "number" -> {
        try {
          return json.numberNode(new BigDecimal(first.trim()));
        } catch (NumberFormatException e) {
          return json.textNode(first);
        }
      }
      case "boolean" -> {
        return first.equals("true") || first.equals("false") ? json.booleanNode(Boolean.parseBoolean(first)) : json.textNode(first);
      }
      default -> {
        return json.textNode(first);
      }
    }
  }
}
