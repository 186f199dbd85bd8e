/**
 * Stateful sandboxes of the platforms Gridcast connects, for tests, examples and benchmarks.
 *
 * <h2>Using a sandbox</h2>
 *
 * <pre>{@code
 * try (SpotifySandbox spotify = SpotifySandbox.builder().build()) {
 *   URI api = spotify.apiBaseUri();       // http://127.0.0.1:<port>/v1
 *   URI tokens = spotify.tokenUri();      // http://127.0.0.1:<port>/api/token
 *   String token = spotify.userAccessToken();
 *   String show = SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY;
 * }
 * }</pre>
 *
 * <p>Both sandboxes start with documented demo data ({@code sdk-testkit/DEMO-DATA.md}: every id
 * and what it shows) and return to it on {@code reset()}. At {@code /} each serves a read-only web
 * view of what it holds, for a person to see what a flow did. In JUnit 5 tests, {@link
 * io.gridcast.testkit.junit.GridcastSandboxes} starts them and injects them and ready clients.
 * As a process: {@code java -jar sdk-testkit-<version>-standalone.jar spotify|tradinggrid [--port N]
 * [--bind ADDRESS]} ({@link io.gridcast.testkit.SandboxesMain}).
 *
 * <h2>Building another sandbox on the shared infrastructure</h2>
 *
 * <ol>
 *   <li>Register routes on a {@link io.gridcast.testkit.SandboxRouter}: path templates such as
 *       {@code /tenants/{tenantId}/communities/{id}/posts}; handlers read a {@link
 *       io.gridcast.testkit.SandboxRequest} (path and query parameters, headers, JSON, form or
 *       binary body) and return a {@link io.gridcast.testkit.SandboxResponse}.
 *   <li>Throw {@link io.gridcast.testkit.SandboxHttpException} for errors and give the server a
 *       {@link io.gridcast.testkit.SandboxErrorFormat} that renders the platform's error JSON
 *       (for example {@code {"error":{"code","message","requestId"}}}); 404/405 router misses,
 *       413 oversized bodies and injected 5xx/429 faults are rendered with it too.
 *   <li>Start a {@link io.gridcast.testkit.SandboxServer}: it binds to 127.0.0.1 (unless told otherwise), switches
 *       TCP_NODELAY on (without it every response stalls ~40 ms), keeps connections alive, runs
 *       handlers on a thread pool and applies a {@link io.gridcast.testkit.FaultProfile} that
 *       can be swapped while running.
 *   <li>Guard the sandbox's state with one lock, persist it as JSON through Jackson if it should
 *       survive restarts (see how {@code SpotifyStateStore} writes to a temporary file and moves
 *       it into place), and add a {@code main} for standalone runs.
 * </ol>
 *
 * <p>Everything here logs through slf4j only, at debug level per request, and never logs
 * headers, tokens or bodies.
 *
 * <p>Add this module with test scope. Its public types (the sandboxes, their builders, demo
 * data, fault profiles and the server infrastructure above) are API for tests; the
 * package-private route handlers and state classes are internal.
 */
package io.gridcast.testkit;
