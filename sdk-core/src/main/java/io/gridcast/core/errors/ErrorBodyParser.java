package io.gridcast.core.errors;

/**
 * Decodes a platform's error body into {@link ErrorDetails}. Each platform plugs in its own
 * (Spotify: {@code {"error":{"status","message"}}}; Active Community:
 * {@code {"error":{"code","message","requestId"}}}; OAuth2 token endpoints:
 * {@code {"error","error_description"}}).
 *
 * <p>Implementations must be thread-safe and must not throw: a body they cannot read yields
 * {@link ErrorDetails#none()}. The body passed in is already capped in size.
 */
@FunctionalInterface
public interface ErrorBodyParser {

  /**
   * @param status the HTTP status
   * @param contentType the response's content type, or {@code null}
   * @param body the body text, possibly empty, never {@code null}
   */
  ErrorDetails parse(int status, String contentType, String body);

  /** A parser that extracts nothing; the status alone types the error. */
  static ErrorBodyParser none() {
    return (status, contentType, body) -> ErrorDetails.none();
  }
}
