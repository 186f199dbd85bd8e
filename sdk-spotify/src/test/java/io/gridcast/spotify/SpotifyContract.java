package io.gridcast.spotify;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Spotify's Web API OpenAPI document (version 2026.5.31, shared beside the repository in {@code
 * ../shared/spotify/}) as a validator, for {@link ContractValidatingInterceptor}.
 *
 * <p>The document's inline {@code discriminator}s are removed before use: the validator does not
 * understand them on inline {@code oneOf}s and would report the branch that does not apply (see
 * the notes beside the document). Extra fields are allowed, as the document allows them.
 */
final class SpotifyContract {

  static final String DOCUMENT = "shared/spotify/spotify-web-api-openapi.yml";

  /** The validator, built once per test JVM. */
  static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
      .createForInlineApiSpecification(withoutDiscriminators(document()))
      // Spotify's objects are open (the document never says additionalProperties: false); the
      // validator's own stricter default would also reject every allOf of two objects
      .withLevelResolver(LevelResolver.create().withLevel(SchemaValidator.ADDITIONAL_PROPERTIES_KEY, ValidationReport.Level.IGNORE).build())
      .build();

  private SpotifyContract() {}

  /**
   * The document, found from the module directory upwards: the first {@code ../shared/spotify/}
   * beside a directory on the way to the root (the repository's own directory, in a checkout with
   * {@code shared/} next to it). {@code -Dgridcast.spotify.openapi=FILE} overrides the search.
   *
   * @throws IllegalStateException saying where it looked when the document is nowhere
   */
  static Path document() {
    String override = System.getProperty("gridcast.spotify.openapi");
    if (override != null && !override.isBlank()) {
      Path file = Path.of(override).toAbsolutePath().normalize();
      if (!Files.isRegularFile(file)) {
        throw new IllegalStateException("gridcast.spotify.openapi points at " + file + ", which is not a file");
      }
      return file;
    }
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
    List<Path> tried = new ArrayList<>();
    for (Path dir = start; dir != null && dir.getParent() != null; dir = dir.getParent()) {
      Path candidate = dir.getParent().resolve(DOCUMENT);
      tried.add(candidate);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("Spotify's OpenAPI document is missing: expected ../" + DOCUMENT
        + " relative to the repository root (a copy of shared/ beside the checkout); looked at " + tried
        + ". Set -Dgridcast.spotify.openapi=FILE to use another copy.");
  }

  /** The document as JSON text with every {@code discriminator} removed. */
  static String withoutDiscriminators(Path document) {
    try {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(document.toFile());
      strip(root);
      return new ObjectMapper().writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + document, e);
    }
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove("discriminator");
    }
    for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
      strip(it.next());
    }
  }

  /** One line per innermost cause of each error in {@code report}, after {@code prefix}. */
  static List<String> errors(String prefix, ValidationReport report) {
    List<String> out = new ArrayList<>();
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        describe(prefix, message, out);
      }
    }
    return out;
  }

  private static void describe(String prefix, ValidationReport.Message message, List<String> out) {
    if (!message.getNestedMessages().isEmpty()) {
      message.getNestedMessages().forEach(nested -> describe(prefix, nested, out));
      return;
    }
    out.add(prefix + "[" + message.getKey() + "] " + message.getMessage()
        + message.getContext().flatMap(c -> c.getPointers()).map(p -> " at " + p.getInstance()).orElse(""));
  }
}
