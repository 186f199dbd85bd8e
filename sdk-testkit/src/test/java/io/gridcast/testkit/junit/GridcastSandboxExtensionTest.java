package io.gridcast.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.gridcast.testkit.FaultProfile;
import io.gridcast.testkit.SpotifyQuirk;
import io.gridcast.testkit.SpotifySandbox;
import io.gridcast.testkit.TradingGridResource;
import io.gridcast.testkit.TradingGridSandbox;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

class GridcastSandboxExtensionTest {

  /** What the fixtures saw, by name; the fixtures below run only inside these tests. */
  static final Map<String, Object> seen = new ConcurrentHashMap<>();

  @BeforeEach
  void forget() {
    seen.clear();
  }

  @Test
  void injectsOnePairOfSandboxesIntoStaticFieldsInstanceFieldsAndParameters() {
    run(Injection.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));

    assertThat(seen.get("parameter spotify")).isNotNull().isSameAs(seen.get("static field spotify"));
    assertThat(seen.get("parameter tradingGrid")).isNotNull().isSameAs(seen.get("field tradingGrid"));
  }

  @Test
  void eachTestStartsFromTheDemoData() {
    run(ResetBetweenTests.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));

    assertThat(seen.get("issues in the first test")).isEqualTo(7);
    assertThat(seen.get("issues in the second test")).isEqualTo(6);
  }

  @Test
  void withoutResetTestsSeeWhatEarlierTestsWrote() {
    run(NoResetBetweenTests.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));

    assertThat(seen.get("issues in the second test")).isEqualTo(7);
  }

  @Test
  void aTestGetsTheFaultsItAsksForAndTheNextTestNone() {
    run(FaultsPerTest.class).testEvents().assertStatistics(s -> s.succeeded(3).failed(0));

    FaultProfile tg = (FaultProfile) seen.get("tradingGrid faults of the annotated test");
    assertThat(tg.serverErrorRate()).isEqualTo(1.0);
    assertThat(tg.exemptPaths()).containsExactly(TradingGridSandbox.TOKEN_PATH_PREFIX);
    assertThat(seen.get("status of an API call in the annotated test")).isIn(500, 502, 503);
    assertThat(((FaultProfile) seen.get("spotify faults of the annotated test")).isNone()).isTrue();
    assertThat(((FaultProfile) seen.get("spotify faults of the next test")).isNone()).isTrue();
    assertThat(((FaultProfile) seen.get("tradingGrid faults of the next test")).isNone()).isTrue();
  }

  @Test
  void classFaultsApplyToEveryTestUnlessItsMethodSaysOtherwise() {
    run(ClassFaults.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));

    FaultProfile plain = (FaultProfile) seen.get("spotify faults of a plain test");
    assertThat(plain.rateLimitRate()).isEqualTo(0.5);
    assertThat(plain.retryAfterSeconds()).isEqualTo(2);
    assertThat(plain.exemptPaths()).isEmpty();
    assertThat(((FaultProfile) seen.get("tradingGrid faults of a plain test")).rateLimitRate()).isEqualTo(0.5);
    assertThat(((FaultProfile) seen.get("spotify faults of the overriding test")).latencyJitter()).isZero();
    assertThat(((FaultProfile) seen.get("spotify faults of the overriding test")).fixedLatency().toMillis()).isEqualTo(5);
    assertThat(((FaultProfile) seen.get("tradingGrid faults of the overriding test")).rateLimitRate()).isEqualTo(0.5);
  }

  @Test
  void aClassesSandboxesAreClosedAfterItsLastTest() {
    run(Injection.class);

    URI base = ((SpotifySandbox) seen.get("parameter spotify")).baseUri();
    assertThat(connects(base)).isFalse();
  }

  @Test
  void nestedClassesShareTheirOuterClassesSandboxes() {
    run(Outer.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));

    assertThat(seen.get("nested")).isNotNull().isSameAs(seen.get("outer"));
  }

  @Test
  void runScopedSandboxesAreSharedByTheClassesOfARunAndClosedAtItsEnd() {
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(RunScopedA.class), selectClass(RunScopedB.class)).execute();

    results.testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
    assertThat(seen.get("B")).isNotNull().isSameAs(seen.get("A"));
    assertThat(connects(((TradingGridSandbox) seen.get("A")).baseUri())).isFalse();
  }

  @Test
  void theSeedOfTheAnnotationReachesTheSandboxes() {
    run(Seeded.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));

    try (TradingGridSandbox seven = TradingGridSandbox.builder().seed(7).start();
        TradingGridSandbox zero = TradingGridSandbox.builder().start()) {
      assertThat(seen.get("account")).isEqualTo(account(seven)).isNotEqualTo(account(zero));
    }
  }

  private static String account(TradingGridSandbox tg) {
    return tg.resource(TradingGridResource.PARTNERS, "p_alder_finch").orElseThrow().path("accountId").asText();
  }

  @Test
  void aFieldOfAnotherTypeFailsNamingTheTypesThatWork() {
    run(WrongFieldType.class).allEvents().assertThatEvents().haveAtLeastOne(finishedWithFailure(message(m ->
        m.equals("@FromSandbox field WrongFieldType.notASandbox has type String; it must be one of SpotifySandbox,"
            + " TradingGridSandbox, SpotifyClient or TradingGridClient"))));
  }

  @Test
  void askingForAClientWithoutItsModuleSaysWhichDependencyToAdd() {
    try (SandboxPair pair = SandboxPair.start(0, SpotifyQuirk.NONE)) {
      assertThatThrownBy(() -> pair.get(GridcastSandboxExtension.SPOTIFY_CLIENT))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessage("io.gridcast.spotify.SpotifyClient is not on the test class path: add io.gridcast:sdk-spotify to the"
              + " test dependencies, or inject the sandbox instead of the client");
    }
  }

  private static EngineExecutionResults run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter").selectors(DiscoverySelectors.selectClass(fixture)).execute();
  }

  private static boolean connects(URI base) {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  // ---- fixtures -----------------------------------------------------------------------------

  @GridcastSandboxes
  static class Injection {
    @FromSandbox static SpotifySandbox spotify;
    @FromSandbox TradingGridSandbox tradingGrid;

    @Test
    void test(SpotifySandbox spotifyParameter, TradingGridSandbox tradingGridParameter) {
      seen.put("static field spotify", spotify);
      seen.put("field tradingGrid", tradingGrid);
      seen.put("parameter spotify", spotifyParameter);
      seen.put("parameter tradingGrid", tradingGridParameter);
    }
  }

  @GridcastSandboxes
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class ResetBetweenTests {
    @Test
    @Order(1)
    void first(TradingGridSandbox tg) {
      tg.logIssue("support", "Written by the first test", "It should be gone in the second.", null);
      seen.put("issues in the first test", tg.resources(TradingGridResource.ISSUES).size());
    }

    @Test
    @Order(2)
    void second(TradingGridSandbox tg) {
      seen.put("issues in the second test", tg.resources(TradingGridResource.ISSUES).size());
    }
  }

  @GridcastSandboxes(resetBeforeEachTest = false)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class NoResetBetweenTests {
    @Test
    @Order(1)
    void first(TradingGridSandbox tg) {
      tg.logIssue("support", "Written by the first test", "The second test builds on it.", null);
    }

    @Test
    @Order(2)
    void second(TradingGridSandbox tg) {
      seen.put("issues in the second test", tg.resources(TradingGridResource.ISSUES).size());
    }
  }

  @GridcastSandboxes
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class FaultsPerTest {
    @Test
    @Order(1)
    @SandboxFaults(sandbox = SandboxFaults.Target.TRADING_GRID, serverErrorRate = 1.0)
    void annotated(SpotifySandbox spotify, TradingGridSandbox tg) throws Exception {
      seen.put("tradingGrid faults of the annotated test", tg.faults());
      seen.put("spotify faults of the annotated test", spotify.faults());
      var call = java.net.http.HttpRequest.newBuilder(URI.create(tg.baseUrl() + "communities/"
          + TradingGridSandbox.DEFAULT_COMMUNITY_ID + "/posts")).header("Authorization", "Bearer " + tg.accessToken()).build();
      seen.put("status of an API call in the annotated test", java.net.http.HttpClient.newHttpClient()
          .send(call, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Test
    @Order(2)
    void changesFaultsByHand(SpotifySandbox spotify) {
      spotify.faults(FaultProfile.builder().serverErrorRate(0.5).build());
    }

    @Test
    @Order(3)
    void next(SpotifySandbox spotify, TradingGridSandbox tg) {
      seen.put("spotify faults of the next test", spotify.faults());
      seen.put("tradingGrid faults of the next test", tg.faults());
    }
  }

  @GridcastSandboxes
  @SandboxFaults(rateLimitRate = 0.5, retryAfterSeconds = 2, exemptTokenEndpoint = false)
  static class ClassFaults {
    @Test
    void plain(SpotifySandbox spotify, TradingGridSandbox tg) {
      seen.put("spotify faults of a plain test", spotify.faults());
      seen.put("tradingGrid faults of a plain test", tg.faults());
    }

    @Test
    @SandboxFaults(sandbox = SandboxFaults.Target.SPOTIFY, latencyMillis = 5)
    void overriding(SpotifySandbox spotify, TradingGridSandbox tg) {
      seen.put("spotify faults of the overriding test", spotify.faults());
      seen.put("tradingGrid faults of the overriding test", tg.faults());
    }
  }

  @GridcastSandboxes
  static class Outer {
    @Test
    void outer(TradingGridSandbox tg) {
      seen.put("outer", tg);
    }

    @Nested
    class Inner {
      @Test
      void nested(TradingGridSandbox tg) {
        seen.put("nested", tg);
      }
    }
  }

  @GridcastSandboxes(scope = GridcastSandboxes.Scope.RUN)
  static class RunScopedA {
    @Test
    void test(TradingGridSandbox tg) {
      seen.put("A", tg);
    }
  }

  @GridcastSandboxes(scope = GridcastSandboxes.Scope.RUN)
  static class RunScopedB {
    @Test
    void test(TradingGridSandbox tg) {
      seen.put("B", tg);
    }
  }

  @Test
  void theSpotifyQuirksOfTheAnnotationReachTheSpotifySandbox() {
    run(Quirky.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    run(RealWorld.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    run(Seeded.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));

    assertThat(seen.get("quirky")).isEqualTo(EnumSet.of(SpotifyQuirk.NULL_ADDED_BY));
    assertThat(seen.get("real world")).isEqualTo(SpotifyQuirk.REAL_WORLD);
    assertThat(seen.get("strict")).isEqualTo(SpotifyQuirk.NONE);
  }

  @GridcastSandboxes(spotifyQuirks = SpotifyQuirk.NULL_ADDED_BY)
  static class Quirky {
    @Test
    void test(SpotifySandbox spotify) {
      seen.put("quirky", spotify.quirks());
    }
  }

  @GridcastSandboxes(realWorldSpotify = true)
  static class RealWorld {
    @Test
    void test(SpotifySandbox spotify) {
      seen.put("real world", spotify.quirks());
    }
  }

  @GridcastSandboxes(seed = 7)
  static class Seeded {
    @Test
    void test(TradingGridSandbox tg, SpotifySandbox spotify) {
      seen.put("account", account(tg));
      seen.put("strict", spotify.quirks());
    }
  }

  @GridcastSandboxes
  static class WrongFieldType {
    @FromSandbox String notASandbox;

    @Test
    void test() {}
  }
}
