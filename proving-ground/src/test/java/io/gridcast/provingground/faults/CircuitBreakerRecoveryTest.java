package io.gridcast.provingground.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.flows.EpisodeAnnouncementsConfig;
import io.gridcast.bridge.flows.EpisodeAnnouncementsFlow;
import io.gridcast.bridge.flows.ShowEpisode;
import io.gridcast.bridge.policy.RoutingPolicy;
import io.gridcast.core.errors.CircuitOpenException;
import io.gridcast.core.errors.ServerException;
import io.gridcast.core.http.TransportConfig;
import io.gridcast.core.resilience.ResilienceConfig;
import io.gridcast.core.resilience.ResilienceListener;
import io.gridcast.core.resilience.ResilienceListener.CircuitState;
import io.gridcast.testkit.FaultProfile;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridResource;
import io.gridcast.testkit.TradingGridSandbox;
import io.gridcast.tradinggrid.model.OnboardingStage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, part 3: the circuit breaker of a client opens when the platform fails every request,
 * fails calls fast without sending them while open, half-opens after its delay, closes on a
 * success, and a flow on that client then converges to the state a run without any outage
 * reaches.
 */
class CircuitBreakerRecoveryTest {

  private static final int THRESHOLD = 5;
  private static final Duration DELAY = Duration.ofSeconds(1);
  private static final FaultProfile EVERYTHING_FAILS = FaultProfile.builder().serverErrorRate(1.0).build();
  private static final Map<String, Object> FIGURES = new LinkedHashMap<>();

  @TempDir
  Path dir;

  private final List<Transition> transitions = new CopyOnWriteArrayList<>();
  private SandboxPair pair;

  /** A breaker state change as the listener saw it, on the JVM's monotonic clock. */
  record Transition(CircuitState from, CircuitState to, long nanos) {
    @Override
    public String toString() {
      return from + "->" + to;
    }
  }

  @BeforeEach
  void start() {
    ResilienceConfig breaking = ResilienceConfig.builder()
        .maxRetries(3).baseDelay(Duration.ofMillis(5)).maxDelay(Duration.ofMillis(20))
        .breakerFailureThreshold(THRESHOLD).breakerDelay(DELAY)
        .listener(new ResilienceListener() {
          @Override
          public void onCircuitStateChange(CircuitState from, CircuitState to) {
            transitions.add(new Transition(from, to, System.nanoTime()));
          }
        })
        .build();
    pair = SandboxPair.start(dir.resolve("pair"), breaking, TransportConfig.builder().build());
    pair.observe();
  }

  @AfterEach
  void stop() {
    pair.close();
  }

  @Test
  void opensAfterConsecutiveFailuresAndThenFailsCallsFastWithoutSendingThem() {
    int callsBeforeOpen = trip();
    int sent = tradingGridRequests();

    for (int i = 0; i < 10; i++) {
      assertThatThrownBy(this::readAPost).isInstanceOf(CircuitOpenException.class);
    }

    assertThat(sent).as("requests the failing platform saw before the breaker opened").isEqualTo(THRESHOLD);
    assertThat(tradingGridRequests()).as("requests sent while the breaker is open").isEqualTo(sent);
    assertThat(transitions).extracting(Transition::toString).containsExactly("CLOSED->OPEN");
    FIGURES.put("threshold", THRESHOLD);
    FIGURES.put("calls_until_open", callsBeforeOpen);
    FIGURES.put("requests_until_open", sent);
    FIGURES.put("calls_failed_fast_while_open", 10);
    FIGURES.put("requests_sent_while_open", tradingGridRequests() - sent);
  }

  @Test
  void halfOpensAfterItsDelayAndClosesOnTheFirstSuccess() throws InterruptedException {
    trip();
    pair.tradingGridSandbox.faults(FaultProfile.none());
    assertThatThrownBy(this::readAPost).as("the platform is back, but the delay has not passed")
        .isInstanceOf(CircuitOpenException.class);
    int sent = tradingGridRequests();

    sleepUntil(transitions.get(0).nanos() + DELAY.toNanos());
    readAPost();

    assertThat(tradingGridRequests()).as("the trial call went out").isEqualTo(sent + 1);
    assertThat(transitions).extracting(Transition::toString).containsExactly("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED");
    long openFor = transitions.get(1).nanos() - transitions.get(0).nanos();
    assertThat(Duration.ofNanos(openFor)).as("open at least the breaker delay").isGreaterThanOrEqualTo(DELAY);
    FIGURES.put("transitions", transitions);
    FIGURES.put("open_for_ms", openFor / 1_000_000);
  }

  @Test
  void aFlowStoppedByTheOpenBreakerConvergesToTheStateOfARunWithoutOutageOnceItCloses() throws InterruptedException {
    FlowScenario scenario = FlowScenarios.episodeAnnouncements();
    int postsBefore = pair.tradingGridSandbox.resources(TradingGridResource.POSTS).size();
    Set<String> initialIds = NormalizedState.ids(SandboxState.read(pair, scenario.feedFiles()));
    trip();
    int sent = tradingGridRequests();

    RunReport duringOutage = pair.bridge.run(EpisodeAnnouncementsFlow.create(pair.spotify, pair.tradingGrid,
        EpisodeAnnouncementsConfig.builder()
            .addShowIds(SpotifyDemoData.SHOW_ARCHIVE_SESSIONS, SpotifyDemoData.SHOW_PARTNER_ACADEMY)
            .routing(RoutingPolicy.<ShowEpisode>stages(OnboardingStage.CERTIFIED, OnboardingStage.ACTIVE))
            .build()));

    assertThat(duringOutage.stoppedBecause()).hasValueSatisfying(why -> assertThat(why).contains("CircuitOpenException"));
    assertThat(tradingGridRequests()).as("requests sent while the breaker is open").isEqualTo(sent);
    assertThat(pair.tradingGridSandbox.resources(TradingGridResource.POSTS)).hasSize(postsBefore);

    pair.tradingGridSandbox.faults(FaultProfile.none());
    sleepUntil(transitions.get(0).nanos() + DELAY.toNanos());
    ScenarioDriver.Outcome recovered = new ScenarioDriver(3).drive(scenario, pair);
    SortedMap<String, List<String>> actual = NormalizedState.of(SandboxState.read(pair, scenario.feedFiles()), initialIds);

    assertThat(recovered.converged()).as(recovered.describe()).isTrue();
    assertThat(transitions).extracting(Transition::toString).containsExactly("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED");
    assertThat(NormalizedState.difference(referenceState(scenario), actual)).isEmpty();
    FIGURES.put("flow_during_outage", duringOutage.stoppedBecause().orElseThrow().replaceAll(":.*", ""));
    FIGURES.put("flow_runs_after_recovery", recovered.runsPerStage());
  }

  @AfterAll
  static void recordFigures() {
    FaultFigures.record("breaker", FIGURES);
  }

  /** The scenario on a fresh pair that never saw an outage. */
  private SortedMap<String, List<String>> referenceState(FlowScenario scenario) {
    try (SandboxPair reference = SandboxPair.start(dir.resolve("reference"), FlowsUnderFaultsTest.faultless(),
        TransportConfig.builder().build())) {
      Set<String> ids = NormalizedState.ids(SandboxState.read(reference, scenario.feedFiles()));
      ScenarioDriver.Outcome outcome = new ScenarioDriver(3).drive(scenario, reference);
      assertThat(outcome.converged()).as(outcome.describe()).isTrue();
      return NormalizedState.of(SandboxState.read(reference, scenario.feedFiles()), ids);
    }
  }

  /**
   * Makes Trading Grid fail every request and calls it until the breaker opens.
   *
   * @return the calls made until one failed fast
   */
  private int trip() {
    pair.tradingGridSandbox.faults(EVERYTHING_FAILS);
    for (int call = 1; call <= THRESHOLD + 1; call++) {
      try {
        readAPost();
        throw new AssertionError("a platform failing every request answered call " + call);
      } catch (ServerException expected) {
        // the breaker counts it
      } catch (CircuitOpenException open) {
        return call;
      }
    }
    throw new AssertionError("the breaker did not open after " + (THRESHOLD + 1) + " calls: " + transitions);
  }

  private void readAPost() {
    pair.tradingGrid.posts().get(TradingGridDemoData.POST_WELCOME);
  }

  /**
   * The API requests Trading Grid has answered (token requests aside), once no more reports are
   * coming in: the sandbox reports an exchange after answering it, so a report can trail the
   * call that caused it by a moment.
   */
  private int tradingGridRequests() {
    int before = -1;
    int now = countTradingGridRequests();
    while (now != before) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      before = now;
      now = countTradingGridRequests();
    }
    return now;
  }

  private int countTradingGridRequests() {
    return (int) pair.exchanges().stream()
        .filter(e -> e.sandbox().equals("tradinggrid") && !e.path().startsWith(TradingGridSandbox.TOKEN_PATH_PREFIX))
        .count();
  }

  private static void sleepUntil(long nanos) throws InterruptedException {
    long left;
    while ((left = nanos - System.nanoTime()) > 0) {
      Thread.sleep(Math.max(1, left / 1_000_000 + 1));
    }
  }
}
