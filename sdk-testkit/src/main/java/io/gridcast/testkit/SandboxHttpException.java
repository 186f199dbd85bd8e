package io.gridcast.testkit;

import java.util.Optional;

/**
 * Thrown by handlers (or by {@link SandboxRequest} parsing) to answer with an HTTP error.
 *
 * <p>Either a status and message, which the server renders with its {@link SandboxErrorFormat},
 * or a complete response for endpoints whose errors have their own shape (for example an OAuth
 * token endpoint).
 */
public final class SandboxHttpException extends RuntimeException {

  private final int status;
  private final transient SandboxResponse response;

  /** An error rendered in the sandbox's error format. */
  public SandboxHttpException(int status, String message) {
    super(message);
    this.status = status;
    this.response = null;
  }

  /** An error answered with exactly {@code response}. */
  public SandboxHttpException(SandboxResponse response) {
    super("HTTP " + response.status());
    this.status = response.status();
    this.response = response;
  }

  /** A 400 in the sandbox's error format. */
  public static SandboxHttpException badRequest(String message) {
    return new SandboxHttpException(400, message);
  }

  /** A 404 in the sandbox's error format. */
  public static SandboxHttpException notFound(String message) {
    return new SandboxHttpException(404, message);
  }

  /** The HTTP status to answer with. */
  public int status() {
    return status;
  }

  /** The complete response, when this exception carries one instead of a message. */
  public Optional<SandboxResponse> response() {
    return Optional.ofNullable(response);
  }
}
