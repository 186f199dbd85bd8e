package io.gridcast.core.errors;

import io.gridcast.core.LogSafe;
import java.util.Optional;

/**
 * The platform answered with a redirect that Gridcast does not follow. Gridcast follows a
 * redirect only for {@code GET} and {@code HEAD}, only to the same scheme, host and port, and at
 * most five in a row; any other redirect (of a {@code POST}, {@code PUT}, {@code PATCH} or
 * {@code DELETE}, to another origin, past the limit, or without a usable {@code Location}) ends
 * the call with this exception, so that neither a request body nor a bearer token travels to a
 * host the client was not configured for. Nothing was sent to the redirect's target.
 *
 * <p>When the new address is right, configure it as the client's base URL.
 */
public class RedirectRefusedException extends ApiException {

  private static final long serialVersionUID = 1L;

  private final String target;
  private final String reason;

  /**
   * @param target where the redirect pointed, reduced to {@code scheme://host:port}, or
   *     {@code null} when it had no usable {@code Location}
   * @param reason why it was not followed, e.g. {@code "it leads to another host"}
   */
  public RedirectRefusedException(int status, String method, String redactedUrl, String target, String reason) {
    super(status, method, redactedUrl, ErrorDetails.none(), method + ' ' + redactedUrl + " answered HTTP " + status
        + " redirecting to " + (target == null ? "no usable location" : LogSafe.text(target))
        + "; not followed: " + reason
        + ". Gridcast follows redirects only for GET and HEAD to the same scheme, host and port,"
        + " so that request bodies and tokens never reach another host");
    this.target = target;
    this.reason = reason;
  }

  /** Where the redirect pointed, as {@code scheme://host:port}; empty when it had no usable {@code Location}. */
  public Optional<String> target() {
    return Optional.ofNullable(target);
  }

  /** Why the redirect was not followed. */
  public String reason() {
    return reason;
  }
}
