package io.gridcast.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable HTTP response produced by a {@link SandboxHandler}.
 *
 * <p>Built through the static factories; {@link #withHeader(String, String)} returns a copy.
 * Bodies are sent with an exact {@code Content-Length}, which keeps connections alive.
 */
public final class SandboxResponse {

  static final String JSON = "application/json; charset=utf-8";

  private final int status;
  private final Map<String, String> headers;
  private final byte[] body;

  private SandboxResponse(int status, Map<String, String> headers, byte[] body) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be 100-599, was " + status);
    }
    this.status = status;
    this.headers = Collections.unmodifiableMap(headers);
    this.body = body;
  }

  /**
   * A JSON response; {@code body} is a Jackson tree, a map, a list or a record, serialised with
   * the sandboxes' shared mapper.
   */
  public static SandboxResponse json(int status, Object body) {
    try {
      return bytes(status, JSON, SandboxJson.MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("body cannot be written as JSON: " + e.getMessage(), e);
    }
  }

  /** A response without a body, e.g. 200 after an update or 202 after an upload. */
  public static SandboxResponse empty(int status) {
    return new SandboxResponse(status, new LinkedHashMap<>(), new byte[0]);
  }

  /** A response with raw bytes of the given content type. */
  public static SandboxResponse bytes(int status, String contentType, byte[] body) {
    Objects.requireNonNull(contentType, "contentType");
    var headers = new LinkedHashMap<String, String>();
    headers.put("Content-Type", contentType);
    return new SandboxResponse(status, headers, body.clone());
  }

  /** A plain-text response. */
  public static SandboxResponse text(int status, String text) {
    return bytes(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  /** A 302 redirect to {@code location}. */
  public static SandboxResponse redirect(String location) {
    return empty(302).withHeader("Location", location);
  }

  /** A copy with one more header (replacing a header of the same name). */
  public SandboxResponse withHeader(String name, String value) {
    var copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new SandboxResponse(status, copy, body);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** Response headers, unmodifiable. */
  public Map<String, String> headers() {
    return headers;
  }

  /** A copy of the body bytes. */
  public byte[] body() {
    return body.clone();
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  byte[] bodyUnsafe() {
    return body;
  }

  boolean isJson() {
    String type = headers.get("Content-Type");
    return type != null && type.startsWith("application/json");
  }

  /** The first half of the body: what a connection cut mid-response leaves a client with. */
  SandboxResponse truncated() {
    return new SandboxResponse(status, new LinkedHashMap<>(headers), Arrays.copyOf(body, body.length / 2));
  }

  @Override
  public String toString() {
    return "SandboxResponse{status=" + status + ", bytes=" + body.length + "}";
  }
}
