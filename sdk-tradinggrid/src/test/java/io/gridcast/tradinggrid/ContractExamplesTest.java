package io.gridcast.tradinggrid;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every example in the Active Community contract is valid against its own schema, as judged by an
 * independent validator (swagger-request-validator's JSON Schema validator): the {@code example}
 * of a schema or a property, the {@code example} and {@code examples} of a request or response
 * body (named examples resolved from {@code components/examples}), and those of parameters and
 * headers. An example that contradicts its schema misleads every reader of the contract.
 */
class ContractExamplesTest {

  /** One example and the schema it illustrates. */
  record Example(String where, JsonNode value, JsonNode schema) {}

  @Test
  void everyExampleIsValidAgainstItsOwnSchema() throws Exception {
    JsonNode document = Yaml.mapper().readTree(ActiveCommunityContract.readOpenApi());

    List<Example> examples = examples(document);
    List<String> violations = violations(document, examples);

    assertThat(examples).as("examples found in the contract").hasSizeGreaterThan(60);
    assertThat(examples).extracting(Example::where)
        .as("every kind of place an example can sit")
        .anyMatch(w -> w.startsWith("/components/schemas/"))
        .anyMatch(w -> w.contains("/content/") && w.contains("/examples/"))
        .anyMatch(w -> w.startsWith("/components/responses/") && w.endsWith("/example"))
        .anyMatch(w -> w.startsWith("/components/parameters/"))
        .anyMatch(w -> w.startsWith("/components/headers/"));
    assertThat(violations).isEmpty();
  }

  @Test
  void everyNamedExampleIsUsedByABody() throws Exception {
    JsonNode document = Yaml.mapper().readTree(ActiveCommunityContract.readOpenApi());

    Set<String> used = new TreeSet<>();
    for (Example e : examples(document)) {
      if (e.where().contains("#/components/examples/")) {
        used.add(e.where().substring(e.where().indexOf("#/components/examples/") + "#/components/examples/".length()));
      }
    }

    Set<String> named = new TreeSet<>();
    document.path("components").path("examples").fieldNames().forEachRemaining(named::add);
    assertThat(named).isNotEmpty();
    assertThat(used).as("named examples validated where a body uses them").isEqualTo(named);
  }

  @Test
  void anExampleThatContradictsItsSchemaIsReported() throws Exception {
    JsonNode document = Yaml.mapper().readTree(ActiveCommunityContract.readOpenApi());
    ((ObjectNode) document.at("/components/schemas/Id")).set("example", TextNode.valueOf("p 8dK2mQ!"));
    ((ObjectNode) document.at("/components/examples/EpisodeAnnouncementCreate/value")).put("kind", "podcast");
    ((ObjectNode) document.at("/components/parameters/Limit")).put("example", 500);

    List<String> violations = violations(document, examples(document));

    assertThat(violations).anyMatch(v -> v.startsWith("/components/schemas/Id/example:"));
    assertThat(violations).anyMatch(v -> v.contains("#/components/examples/EpisodeAnnouncementCreate:") && v.contains("podcast"));
    assertThat(violations).anyMatch(v -> v.startsWith("/components/parameters/Limit/example:"));
  }

  // ---- finding and validating examples -----------------------------------------------------

  private static List<String> violations(JsonNode document, List<Example> examples) throws Exception {
    OpenAPI api = new OpenAPIV3Parser().readContents(Yaml.mapper().writeValueAsString(document)).getOpenAPI();
    SchemaValidator validator = new SchemaValidator(api, new MessageResolver());
    List<String> violations = new ArrayList<>();
    for (Example e : examples) {
      Schema<?> schema = Json.mapper().convertValue(e.schema(), Schema.class);
      ValidationReport report = validator.validate(e::value, schema, "example");
      report.getMessages().stream()
          .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
          .forEach(m -> violations.add(e.where() + ": " + m.getMessage()));
    }
    return violations;
  }

  /** Every example in the document with the schema it belongs to, found by walking the whole tree. */
  private static List<Example> examples(JsonNode document) {
    List<Example> found = new ArrayList<>();
    walk(document, document, "", found);
    return found;
  }

  private static void walk(JsonNode document, JsonNode node, String at, List<Example> found) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(document, node.get(i), at + "/" + i, found);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    JsonNode schema = node.get("schema");
    boolean holdsSchema = schema != null && !at.endsWith("/properties");
    if (node.has("example")) {
      // a body, parameter or header illustrates its schema; a schema illustrates itself
      found.add(new Example(at + "/example", node.get("example"), holdsSchema ? schema : withoutExample(node)));
    }
    if (node.has("examples") && holdsSchema) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.get("examples").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> named = it.next();
        JsonNode example = named.getValue();
        String where = at + "/examples/" + named.getKey();
        if (example.has("$ref")) {
          where += " -> " + example.get("$ref").asText();
          example = document.at(example.get("$ref").asText().substring(1));
        }
        found.add(new Example(where, example.get("value"), schema));
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> child = it.next();
      String key = child.getKey();
      boolean exampleValue = key.equals("example") || (key.equals("examples") && holdsSchema);
      // named examples are validated where a body uses them, against that body's schema
      if (!exampleValue && !at.equals("/components/examples")) {
        walk(document, child.getValue(), at + "/" + key.replace("/", "~1"), found);
      }
    }
  }

  private static JsonNode withoutExample(JsonNode schema) {
    ObjectNode copy = schema.deepCopy();
    copy.remove("example");
    return copy;
  }
}
