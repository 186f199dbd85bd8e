package io.gridcast.testkit;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Spotify's Web API OpenAPI document (version 2026.5.31, shared beside the repository in {@code
 * ../shared/spotify/}) as a validator of what the Spotify sandbox answers.
 *
 * <p>The document's inline {@code discriminator}s are removed before use: the validator does not
 * understand them on inline {@code oneOf}s and would report the branch that does not apply (see
 * the notes beside the document). Extra fields are allowed, as the document allows them. An error status the operation does not list (Spotify answers
 * 400 and 404 without documenting them everywhere) is checked against the document's error
 * object instead.
 */
final class SpotifyContract {

  static final String DOCUMENT = "shared/spotify/spotify-web-api-openapi.yml";
  /** The Web API's base path: the sandbox serves it under {@code /v1}, like {@code https://api.spotify.com/v1}. */
  static final String API_PATH = "/v1";

  private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
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

  /** Whether a sandbox path is a Web API call the document describes (not the accounts service or an image). */
  static boolean isWebApi(String path) {
    return path.startsWith(API_PATH + "/");
  }

  /**
   * The document's verdict on one response, as {@code METHOD path -> status: [key] message}
   * lines; empty when it conforms.
   */
  static List<String> violations(String method, String path, int status, java.util.Map<String, List<String>> headers, byte[] body) {
    Request.Method m = Request.Method.valueOf(method.toUpperCase(Locale.ROOT));
    SimpleResponse response = response(status, headers, body);
    ValidationReport report = VALIDATOR.validateResponse(path, m, response);
    if (status >= 400 && has(report, "validation.response.status.unknown")) {
      // not listed for this operation: judge the body as the document's error object
      report = VALIDATOR.validateResponse(API_PATH + "/me", Request.Method.GET, response(401, headers, body));
    }
    List<String> out = new ArrayList<>();
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        describe(method + " " + path + " -> " + status + ": ", message, out);
      }
    }
    return out;
  }

  /** One line per innermost cause: an {@code allOf} that failed says which required field or type did. */
  private static void describe(String prefix, ValidationReport.Message message, List<String> out) {
    if (!message.getNestedMessages().isEmpty()) {
      message.getNestedMessages().forEach(nested -> describe(prefix, nested, out));
      return;
    }
    out.add(prefix + "[" + message.getKey() + "] " + message.getMessage()
        + message.getContext().flatMap(c -> c.getPointers()).map(p -> " at " + p.getInstance()).orElse(""));
  }

  /**
   * The document's verdict on one request, as {@code METHOD path request: [key] message} lines;
   * empty when it conforms.
   *
   * @param rawQuery the undecoded query string, empty for none
   */
  static List<String> requestViolations(String method, String rawPath, String rawQuery, java.util.Map<String, String> headers, byte[] body) {
    SimpleRequest.Builder b = new SimpleRequest.Builder(method.toUpperCase(Locale.ROOT), rawPath);
    headers.forEach(b::withHeader);
    if (!rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        String[] kv = pair.split("=", 2);
        b.withQueryParam(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
    }
    if (body != null && body.length > 0) {
      b.withBody(body);
    }
    List<String> out = new ArrayList<>();
    for (ValidationReport.Message message : VALIDATOR.validateRequest(b.build()).getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        describe(method + " " + rawPath + " request: ", message, out);
      }
    }
    return out;
  }

  /** The verdict on a response received with {@link Http}; responses outside the Web API pass. */
  static List<String> violations(HttpResponse<byte[]> reply) {
    URI uri = reply.request().uri();
    if (!isWebApi(uri.getRawPath())) {
      return List.of();
    }
    return violations(reply.request().method(), uri.getRawPath(), reply.statusCode(), reply.headers().map(), reply.body());
  }

  private static SimpleResponse response(int status, java.util.Map<String, List<String>> headers, byte[] body) {
    SimpleResponse.Builder b = SimpleResponse.Builder.status(status);
    headers.forEach((name, values) -> {
      if (!name.startsWith(":")) {
        b.withHeader(name, values);
      }
    });
    if (body != null && body.length > 0) {
      b.withBody(body);
    }
    return b.build();
  }

  private static boolean has(ValidationReport report, String key) {
    return report.getMessages().stream().anyMatch(m -> m.getKey().equals(key));
  }
}
