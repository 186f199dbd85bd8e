package io.gridcast.core.errors;

import io.gridcast.core.LogSafe;

import java.util.Optional;

/**
 * The platform answered with an HTTP error status.
 *
 * <p>Carries the status, the request method, the redacted URL, the platform's own error code
 * and message (as decoded by the platform's {@link ErrorBodyParser}) and the request id the
 * platform assigned, when it sent one. Subtypes exist for the statuses a caller typically
 * handles; {@link ApiErrors#from} picks the subtype. Instances of this class itself are raised
 * for statuses without a dedicated subtype (for example 405 or 413).
 */
public class ApiException extends GridcastException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String method;
  private final String url;
  private final ErrorDetails details;

  public ApiException(int status, String method, String redactedUrl, ErrorDetails details) {
    this(status, method, redactedUrl, details, describe(status, method, redactedUrl, details));
  }

  /**
   * For subtypes that explain the answer in their own words. {@code message} must already be
   * safe to log: remote text in it escaped with {@link LogSafe}, URLs redacted.
   */
  protected ApiException(int status, String method, String redactedUrl, ErrorDetails details, String message) {
    super(message);
    this.status = status;
    this.method = method;
    this.url = redactedUrl;
    this.details = details;
  }

  private static String describe(int status, String method, String url, ErrorDetails d) {
    StringBuilder sb = new StringBuilder().append(method).append(' ').append(url).append(" failed with HTTP ").append(status);
    d.code().ifPresent(c -> sb.append(" [").append(clip(c)).append(']'));
    d.message().ifPresent(m -> sb.append(": ").append(clip(m)));
    d.requestId().ifPresent(r -> sb.append(" (request id ").append(clip(r)).append(')'));
    return sb.toString();
  }

  /** Longest platform text copied into the exception message; the full text stays in {@link #errorMessage()}. */
  static final int MAX_DETAIL_CHARS = 500;

  // A hostile or broken server can send megabytes of "message", or CR/LF that would forge log
  // lines: keep log lines readable and single.
  private static String clip(String text) {
    return LogSafe.text(text, MAX_DETAIL_CHARS);
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /** The HTTP method of the failed request. */
  public String method() {
    return method;
  }

  /** The request URL with secret-bearing query parameters replaced by {@code ██}. */
  public String url() {
    return url;
  }

  /** The platform's error code, e.g. {@code version_conflict}, when it sent one. */
  public Optional<String> errorCode() {
    return details.code();
  }

  /** The platform's human-readable error message, when it sent one. */
  public Optional<String> errorMessage() {
    return details.message();
  }

  /** The request id the platform assigned, for support tickets. */
  public Optional<String> requestId() {
    return details.requestId();
  }
}
