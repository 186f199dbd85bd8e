package io.gridcast.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test helper: real HTTP calls to a {@link TradingGridSandbox}'s demo community with a bearer token. */
final class TgTestClient {

  final TradingGridSandbox sandbox;
  final String token;

  TgTestClient(TradingGridSandbox sandbox) {
    this(sandbox, requestToken(sandbox, TradingGridSandbox.DEFAULT_TENANT_ID, TradingGridSandbox.DEFAULT_CLIENT_ID,
        TradingGridSandbox.DEFAULT_CLIENT_SECRET));
  }

  TgTestClient(TradingGridSandbox sandbox, String token) {
    this.sandbox = sandbox;
    this.token = token;
  }

  /** A token through the real token endpoint, client credentials with HTTP Basic. */
  static String requestToken(TradingGridSandbox sandbox, String tenant, String clientId, String secret) {
    Http.Reply reply = Http.form(sandbox.tokenUrl(tenant).toString(), clientId + ":" + secret, "grant_type=client_credentials");
    if (reply.status() != 200) {
      throw new IllegalStateException("token request failed: " + reply.status() + " " + reply.text());
    }
    return reply.json().path("access_token").asText();
  }

  /** A URL under the demo community, e.g. {@code url("partners?limit=5")}. */
  String url(String pathAndQuery) {
    return sandbox.baseUrl() + "communities/" + TradingGridSandbox.DEFAULT_COMMUNITY_ID + (pathAndQuery.isEmpty() ? "" : "/" + pathAndQuery);
  }

  Http.Reply get(String pathAndQuery) {
    return Http.get(url(pathAndQuery), token);
  }

  Http.Reply post(String path, Object body) {
    return Http.json("POST", url(path), token, body);
  }

  Http.Reply post(String path, Object body, String idempotencyKey) {
    return Http.send(Http.request(url(path), token).header("Content-Type", "application/json")
        .header("Idempotency-Key", idempotencyKey)
        .POST(HttpRequest.BodyPublishers.ofString(json(body))).build());
  }

  Http.Reply patch(String path, String ifMatch, Object body) {
    HttpRequest.Builder b = Http.request(url(path), token).header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(json(body)));
    if (ifMatch != null) {
      b.header("If-Match", ifMatch);
    }
    return Http.send(b.build());
  }

  Http.Reply delete(String path) {
    return Http.send(Http.request(url(path), token).DELETE().build());
  }

  /** Uploads a document as multipart/form-data. */
  Http.Reply upload(String fileName, String contentType, byte[] content, String externalRef, String idempotencyKey) {
    Multipart m = multipart(fileName, contentType, content, externalRef);
    HttpRequest.Builder b = Http.request(url("documents"), token).header("Content-Type", m.contentType())
        .POST(HttpRequest.BodyPublishers.ofByteArray(m.body()));
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    return Http.send(b.build());
  }

  record Multipart(String contentType, byte[] body) {}

  static Multipart multipart(String fileName, String contentType, byte[] content, String externalRef) {
    String boundary = "gridcast-" + Long.toHexString(System.nanoTime());
    var out = new ByteArrayOutputStream();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("contentType", contentType);
    if (externalRef != null) {
      fields.put("externalRef", externalRef);
    }
    fields.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
        + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
  }

  static String json(Object body) {
    try {
      return body instanceof String ? (String) body : Http.JSON.writeValueAsString(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode parse(String json) {
    try {
      return Http.JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String basic(String user, String secret) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  static URI uri(String s) {
    return URI.create(s);
  }
}
