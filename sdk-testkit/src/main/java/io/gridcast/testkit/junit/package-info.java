/**
 * The sandboxes in JUnit 5 tests: annotate a test class with {@link
 * io.gridcast.testkit.junit.GridcastSandboxes} and ask for the sandboxes, or for clients ready to
 * call them, as parameters or {@link io.gridcast.testkit.junit.FromSandbox} fields; set a test's
 * faults with {@link io.gridcast.testkit.junit.SandboxFaults}.
 *
 * <pre>{@code
 * @GridcastSandboxes
 * class MyFlowTest {
 *   @Test
 *   void announcesEpisodes(SpotifyClient spotify, TradingGridClient tradingGrid, TradingGridSandbox tg) { ... }
 * }
 * }</pre>
 *
 * <p>Needs {@code org.junit.jupiter:junit-jupiter-api} 5.x on the test class path (sdk-testkit
 * declares it as provided), and {@code sdk-spotify} or {@code sdk-tradinggrid} for their clients.
 */
package io.gridcast.testkit.junit;
