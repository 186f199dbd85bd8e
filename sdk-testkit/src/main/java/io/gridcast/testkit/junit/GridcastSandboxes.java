package io.gridcast.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import io.gridcast.testkit.SpotifyQuirk;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the Spotify and Trading Grid sandboxes for a JUnit 5 test class and injects them, and
 * clients ready to call them, into test parameters, constructor parameters and {@link
 * FromSandbox} fields.
 *
 * <pre>{@code
 * @GridcastSandboxes
 * class AnnouncementsTest {
 *   @Test
 *   void postsTheNewestEpisode(SpotifyClient spotify, TradingGridClient tradingGrid, TradingGridSandbox tg) {
 *     // run your flow with the clients, then look at what it wrote:
 *     assertThat(tg.countPostsByExternalRef("spotify:episode:" + SpotifyDemoData.episodeId(
 *         SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY, 59))).isEqualTo(1);
 *   }
 *
 *   @Test
 *   @SandboxFaults(sandbox = SandboxFaults.Target.TRADING_GRID, serverErrorRate = 0.3)
 *   void survivesServerErrors(TradingGridClient tradingGrid) { ... }
 * }
 * }</pre>
 *
 * <p>Injectable types: {@link io.gridcast.testkit.SpotifySandbox}, {@link
 * io.gridcast.testkit.TradingGridSandbox} and, when {@code sdk-spotify} and {@code
 * sdk-tradinggrid} are on the test class path, {@code io.gridcast.spotify.SpotifyClient} (acting
 * for the demo user {@link io.gridcast.testkit.SpotifyDemoData#CURRENT_USER_ID} with every scope,
 * so it may read the library and write playlists) and {@code
 * io.gridcast.tradinggrid.TradingGridClient} (the demo tenant's client on the demo community).
 * Both clients have their default resilience settings and are closed with the sandboxes.
 *
 * <p>Defaults: one pair of sandboxes per top-level test class ({@link Scope#CLASS}), shared
 * by its {@code @Nested} classes; both reset to their demo data before each test; no faults,
 * except what {@link SandboxFaults} asks for a test. Sandboxes are in memory, on loopback,
 * on free ports. Test classes may run in parallel; the tests of one class must not (they share
 * its sandboxes, which each test resets and gives its faults). JUnit 5.13 or later closes {@link Scope#RUN run-wide} sandboxes at the end of
 * the run; earlier versions leave that to the JVM's exit.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(GridcastSandboxExtension.class)
public @interface GridcastSandboxes {

  /** How long one pair of sandboxes lives. Default {@link Scope#CLASS}. */
  Scope scope() default Scope.CLASS;

  /**
   * Whether both sandboxes go back to their demo data ({@code reset()}) before each test, so
   * that no test sees what another wrote. Default {@code true}; turn it off for a class whose
   * tests build on each other in order, and leave it on with {@link Scope#RUN} only when test
   * classes do not run in parallel.
   */
  boolean resetBeforeEachTest() default true;

  /**
   * The seed of both sandboxes: it decides the ids they generate and the Trading Grid demo data's
   * variations (which partner is where; see {@code sdk-testkit/DEMO-DATA.md}). Default 0. Run-wide
   * sandboxes are shared by the classes that ask for the same seed.
   */
  long seed() default 0;

  /**
   * The live Spotify API's deviations from its document that the Spotify sandbox reproduces, by
   * name. Default none: the sandbox answers strictly by Spotify's OpenAPI document. Run-wide
   * sandboxes are shared by the classes that ask for the same seed and quirks.
   */
  SpotifyQuirk[] spotifyQuirks() default {};

  /**
   * Whether the Spotify sandbox reproduces every quirk, {@link SpotifyQuirk#REAL_WORLD} (with
   * {@link #spotifyQuirks()} or without). Default {@code false}.
   */
  boolean realWorldSpotify() default false;

  /** How long one pair of sandboxes lives. */
  enum Scope {
    /** Started before the first test of a top-level class, closed after its last. */
    CLASS,
    /** Started once for every class of the test run that asks for this scope, closed when the run ends. */
    RUN
  }
}
