package io.gridcast.testkit;

/**
 * Answers one request routed by a {@link SandboxRouter}.
 *
 * <p>A handler may return any {@link SandboxResponse}, or throw {@link SandboxHttpException} to
 * answer with an error in the sandbox's error format. Any other exception becomes a 500 and is
 * logged. Handlers run on the server's worker threads and must be thread-safe.
 */
@FunctionalInterface
public interface SandboxHandler {

  /**
   * Answers {@code request}.
   *
   * @throws Exception any failure; {@link SandboxHttpException} carries the status to answer with
   */
  SandboxResponse handle(SandboxRequest request) throws Exception;
}
