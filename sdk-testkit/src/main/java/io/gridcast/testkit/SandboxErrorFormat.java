package io.gridcast.testkit;

/**
 * Renders an error status and message in a platform's own error JSON.
 *
 * <p>Each sandbox supplies one, so that router misses (404/405), injected faults (5xx, 429) and
 * {@link SandboxHttpException}s look exactly like the emulated platform's errors. Implementations
 * must be thread-safe.
 */
@FunctionalInterface
public interface SandboxErrorFormat {

  /** Spotify's shape: {@code {"error":{"status":404,"message":"..."}}}. The default. */
  SandboxErrorFormat STATUS_AND_MESSAGE =
      (status, message) -> {
        var error = SandboxJson.object();
        error.putObject("error").put("status", status).put("message", message);
        return SandboxResponse.json(status, error);
      };

  /**
   * Renders an error.
   *
   * @param status HTTP status, 400–599
   * @param message short human-readable cause
   */
  SandboxResponse render(int status, String message);
}
