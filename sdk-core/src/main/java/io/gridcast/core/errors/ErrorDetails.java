package io.gridcast.core.errors;

import java.util.Optional;

/**
 * What a platform said about an error: its own error code, message and request id, each
 * optional. Produced by an {@link ErrorBodyParser}. Immutable.
 */
public final class ErrorDetails {

  private static final ErrorDetails NONE = new ErrorDetails(null, null, null);

  private final String code;
  private final String message;
  private final String requestId;

  private ErrorDetails(String code, String message, String requestId) {
    this.code = blankToNull(code);
    this.message = blankToNull(message);
    this.requestId = blankToNull(requestId);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** Details with the given parts; any of them may be {@code null}. */
  public static ErrorDetails of(String code, String message, String requestId) {
    return new ErrorDetails(code, message, requestId);
  }

  /** No details at all. */
  public static ErrorDetails none() {
    return NONE;
  }

  /** A copy with the request id set when this one has none. */
  public ErrorDetails withRequestIdIfAbsent(String fallback) {
    return requestId != null || fallback == null ? this : new ErrorDetails(code, message, fallback);
  }

  /** The platform's own error code, if it gave one (never blank). */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  /** The platform's error message, if it gave one (never blank). */
  public Optional<String> message() {
    return Optional.ofNullable(message);
  }

  /** The platform's request id, for support, if known (never blank). */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  @Override
  public String toString() {
    return "ErrorDetails{code=" + code + ", message=" + message + ", requestId=" + requestId + '}';
  }
}
