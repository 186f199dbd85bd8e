package io.gridcast.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request as a {@link SandboxHandler} sees it: method, decoded path, path parameters from the
 * matched template, query parameters, headers and the fully read body.
 *
 * <p>Immutable and safe to share. Header names are matched case-insensitively.
 */
public final class SandboxRequest {

  private final String method;
  private final String path;
  private final Map<String, List<String>> query;
  private final Map<String, String> headers;
  private final byte[] body;
  private final URI baseUri;
  private final Map<String, String> pathParams;

  SandboxRequest(
      String method,
      String path,
      Map<String, List<String>> query,
      Map<String, String> headers,
      byte[] body,
      URI baseUri,
      Map<String, String> pathParams) {
    this.method = method;
    this.path = path;
    this.query = query;
    this.headers = headers;
    this.body = body;
    this.baseUri = baseUri;
    this.pathParams = pathParams;
  }

  /**
   * Creates a request by hand, for testing handlers without a server.
   *
   * @param rawQuery the undecoded query string, or {@code null}
   */
  public static SandboxRequest of(
      String method, String path, String rawQuery, Map<String, String> headers, byte[] body, URI baseUri) {
    var lowerCased = new LinkedHashMap<String, String>();
    headers.forEach((k, v) -> lowerCased.put(k.toLowerCase(Locale.ROOT), v));
    return new SandboxRequest(
        method.toUpperCase(Locale.ROOT), path, parseUrlEncoded(rawQuery), lowerCased, body.clone(), baseUri, Map.of());
  }

  SandboxRequest withPathParams(Map<String, String> params) {
    return new SandboxRequest(method, path, query, headers, body, baseUri, Collections.unmodifiableMap(params));
  }

  /** The HTTP method in upper case. */
  public String method() {
    return method;
  }

  /** The percent-decoded path, e.g. {@code /v1/shows/abc/episodes}. */
  public String path() {
    return path;
  }

  /** The base URI of the server that received the request, e.g. {@code http://127.0.0.1:41234}. */
  public URI baseUri() {
    return baseUri;
  }

  /**
   * A path parameter of the matched template.
   *
   * @throws IllegalArgumentException if the template has no such parameter
   */
  public String pathParam(String name) {
    String value = pathParams.get(name);
    if (value == null) {
      throw new IllegalArgumentException("route template has no path parameter '" + name + "'");
    }
    return value;
  }

  /** The first value of a query parameter. */
  public Optional<String> query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** All query parameters in arrival order, unmodifiable. */
  public Map<String, List<String>> queryParams() {
    return Collections.unmodifiableMap(query);
  }

  /** A header value, matched case-insensitively. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  /** A copy of the raw body bytes (empty when the request had none). */
  public byte[] body() {
    return body.clone();
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Whether the request carried a body. */
  public boolean hasBody() {
    return body.length > 0;
  }

  /**
   * The body parsed as JSON.
   *
   * @throws SandboxHttpException 400 if the body is empty or not JSON
   */
  public JsonNode bodyJson() {
    if (body.length == 0) {
      throw SandboxHttpException.badRequest("Error parsing JSON.");
    }
    try {
      return SandboxJson.MAPPER.readTree(body);
    } catch (IOException e) {
      throw SandboxHttpException.badRequest("Error parsing JSON.");
    }
  }

  /** The body parsed as {@code application/x-www-form-urlencoded}; first value per name. */
  public Map<String, String> form() {
    var form = new LinkedHashMap<String, String>();
    parseUrlEncoded(bodyText()).forEach((k, v) -> form.put(k, v.get(0)));
    return form;
  }

  static Map<String, List<String>> parseUrlEncoded(String raw) {
    var params = new LinkedHashMap<String, List<String>>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
    }
    return params;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw SandboxHttpException.badRequest("Malformed percent-encoding.");
    }
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
