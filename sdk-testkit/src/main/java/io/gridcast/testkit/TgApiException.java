package io.gridcast.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error of the Trading Grid sandbox in the contract's shape: an HTTP status, a stable {@code
 * code} (see the contract's error table) and a message.
 *
 * <p>Thrown by the sandbox's handlers and rendered, with the request's id, by {@link TgErrorFormat}.
 */
final class TgApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final Map<String, String> headers = new LinkedHashMap<>();

  TgApiException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  static TgApiException invalidRequest(String message) {
    return new TgApiException(400, "invalid_request", message);
  }

  static TgApiException unauthorized(String message) {
    return new TgApiException(401, "unauthorized", message).withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
  }

  static TgApiException forbidden(String message) {
    return new TgApiException(403, "forbidden", message);
  }

  static TgApiException notFound(String message) {
    return new TgApiException(404, "not_found", message);
  }

  static TgApiException validation(String message) {
    return new TgApiException(422, "validation_failed", message);
  }

  TgApiException withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  SandboxResponse render(String requestId) {
    SandboxResponse response = TgErrorFormat.render(status, code, getMessage(), requestId);
    for (Map.Entry<String, String> h : headers.entrySet()) {
      response = response.withHeader(h.getKey(), h.getValue());
    }
    return response;
  }
}
