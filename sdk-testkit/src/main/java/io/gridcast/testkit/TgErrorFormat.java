package io.gridcast.testkit;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The contract's error body, {@code {"error":{"code","message","requestId"}}}, with the matching
 * {@code X-Request-Id} header.
 *
 * <p>As a {@link SandboxErrorFormat} it renders what the shared server produces on its own (router
 * misses, oversized bodies, injected faults), picking the code from the status.
 */
final class TgErrorFormat implements SandboxErrorFormat {

  static final TgErrorFormat INSTANCE = new TgErrorFormat();

  private static final Pattern CLIENT_REQUEST_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");
  private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

  private TgErrorFormat() {}

  @Override
  public SandboxResponse render(int status, String message) {
    return render(status, codeFor(status), message, newRequestId());
  }

  static SandboxResponse render(int status, String code, String message, String requestId) {
    var body = SandboxJson.object();
    body.putObject("error").put("code", code).put("message", message).put("requestId", requestId);
    return SandboxResponse.json(status, body).withHeader("X-Request-Id", requestId);
  }

  /** The contract's code for a status that has only one. */
  static String codeFor(int status) {
    switch (status) {
      case 400: return "invalid_request";
      case 401: return "unauthorized";
      case 403: return "forbidden";
      case 404: return "not_found";
      case 405: return "method_not_allowed";
      case 409: return "idempotency_key_in_use";
      case 410: return "cursor_expired";
      case 412: return "version_conflict";
      case 413: return "payload_too_large";
      case 415: return "unsupported_media_type";
      case 422: return "validation_failed";
      case 428: return "precondition_required";
      case 429: return "rate_limited";
      case 502: return "bad_gateway";
      case 503: return "service_unavailable";
      default: return status >= 500 ? "internal_error" : "invalid_request";
    }
  }

  /** A fresh request id such as {@code req_7QhX2dPz4k}. */
  static String newRequestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] id = new char[10];
    for (int i = 0; i < id.length; i++) {
      id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return "req_" + new String(id);
  }

  /** The caller's {@code X-Request-Id} when it is usable, else a fresh one. */
  static String requestIdFor(SandboxRequest request) {
    return request.header("X-Request-Id").filter(id -> CLIENT_REQUEST_ID.matcher(id).matches()).orElseGet(TgErrorFormat::newRequestId);
  }
}
