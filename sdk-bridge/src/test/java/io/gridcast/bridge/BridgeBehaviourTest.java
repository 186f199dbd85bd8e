package io.gridcast.bridge;

import io.gridcast.bridge.flows.PostSink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.bridge.flows.EpisodeAnnouncementMapper;
import io.gridcast.bridge.flows.EpisodeAnnouncementsConfig;
import io.gridcast.bridge.flows.EpisodeAnnouncementsFlow;
import io.gridcast.bridge.flows.ShowEpisode;
import io.gridcast.bridge.flows.ShowEpisodesSource;
import io.gridcast.bridge.policy.DeliveryPolicy;
import io.gridcast.bridge.policy.PartnerDirectory;
import io.gridcast.bridge.policy.RoutingPolicy;
import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.bridge.state.JdbcStateStore;
import io.gridcast.bridge.testing.SandboxAssertions;
import io.gridcast.bridge.testing.Sandboxes;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

class BridgeBehaviourTest {

  /** Archive Sessions has 14 episodes, Partner Academy 10; each show is read as one batch (up to 50). */
  private static final int FIRST_SHOW_EPISODES = 14;
  private static final int EPISODES = 24;

  private Sandboxes sandboxes;

  @BeforeEach
  void start() {
    sandboxes = Sandboxes.start();
  }

  @AfterEach
  void stop() {
    sandboxes.close();
  }

  private Flow<ShowEpisode, PostCreate> announcements(String name, RunCaps caps) {
    return EpisodeAnnouncementsFlow.create(sandboxes.spotify, sandboxes.tradingGrid,
        EpisodeAnnouncementsConfig.builder().flowName(name)
            .addShowIds(SpotifyDemoData.SHOW_ARCHIVE_SESSIONS, SpotifyDemoData.SHOW_PARTNER_ACADEMY)
            .caps(caps).build());
  }

  /** Announcements whose mapper refuses one episode while {@code refuse} is set. */
  private Flow<ShowEpisode, PostCreate> withRefusal(String refusedKey, AtomicBoolean refuse, DeliveryPolicy delivery) {
    ShowEpisodesSource source = new ShowEpisodesSource(sandboxes.spotify,
        List.of(SpotifyDemoData.SHOW_ARCHIVE_SESSIONS, SpotifyDemoData.SHOW_PARTNER_ACADEMY), null, null, null);
    PartnerDirectory directory = PartnerDirectory.load(sandboxes.tradingGrid);
    EpisodeAnnouncementMapper real = new EpisodeAnnouncementMapper(RoutingPolicy.everyone(), Snapshot.of("partners", () -> directory),
        List.of("podcast"), PostKind.ANNOUNCEMENT);
    return Flow.<ShowEpisode, PostCreate>builder("refusals")
        .source(source)
        .key(ShowEpisode::key)
        .mapper((e, run) -> {
          if (refuse.get() && e.key().equals(refusedKey)) {
            throw new IllegalArgumentException("episode has no release notes");
          }
          return real.map(e, run);
        })
        .sink(new PostSink(sandboxes.tradingGrid))
        .lookup(source::lookup)
        .delivery(delivery)
        .build();
  }

  @Test
  void aStateStoreInAnH2FileKeepsTheLedgerAcrossRestarts(@TempDir Path dir) {
    try (JdbcStateStore store = JdbcStateStore.h2File(dir)) {
      assertThat(sandboxes.bridge(store).run(announcements("h2-file", RunCaps.none())).created()).isEqualTo(EPISODES);
    }
    try (JdbcStateStore reopened = JdbcStateStore.h2File(dir)) {
      RunReport again = sandboxes.bridge(reopened).run(announcements("h2-file", RunCaps.none()));
      assertThat(again.unchanged()).isEqualTo(EPISODES);
      assertThat(again.created()).isZero();
    }
  }

  @Test
  void aRefusedItemIsDeadLetteredAndTheRunGoesOn() {
    InMemoryStateStore store = new InMemoryStateStore();
    String refused = "spotify:episode:" + SpotifyDemoData.episodeId(SpotifyDemoData.SHOW_PARTNER_ACADEMY, 3);

    RunReport report = sandboxes.bridge(store).run(withRefusal(refused, new AtomicBoolean(true), DeliveryPolicy.defaults()));

    assertThat(report.created()).isEqualTo(EPISODES - 1);
    assertThat(report.failed()).isEqualTo(1);
    assertThat(report.deadLettered()).isEqualTo(1);
    assertThat(report.failures()).singleElement().satisfies(f -> {
      assertThat(f.sourceKey()).isEqualTo(refused);
      assertThat(f.reason()).contains("no release notes");
    });
    assertThat(store.deadLetters("refusals")).singleElement().satisfies(d -> {
      assertThat(d.sourceKey()).isEqualTo(refused);
      assertThat(d.attempts()).isEqualTo(1);
      assertThat(d.payloadRef()).contains(refused);
    });
  }

  @Test
  void replayingDeadLettersDeliversThemAndClearsThem() {
    InMemoryStateStore store = new InMemoryStateStore();
    String refused = "spotify:episode:" + SpotifyDemoData.episodeId(SpotifyDemoData.SHOW_PARTNER_ACADEMY, 3);
    AtomicBoolean refuse = new AtomicBoolean(true);
    Bridge bridge = sandboxes.bridge(store);
    bridge.run(withRefusal(refused, refuse, DeliveryPolicy.defaults()));

    refuse.set(false);
    RunReport replay = bridge.replayDeadLetters(withRefusal(refused, refuse, DeliveryPolicy.defaults()));

    assertThat(replay.seen()).isEqualTo(1);
    assertThat(replay.created()).isEqualTo(1);
    assertThat(store.deadLetters("refusals")).isEmpty();
    assertThat(SandboxAssertions.postsByExternalRef(sandboxes.tradingGridSandbox, refused)).containsEntry(refused, 1);
  }

  @Test
  void anItemThatKeepsFailingIsParkedAfterTheDeliveryPolicysAttempts() {
    InMemoryStateStore store = new InMemoryStateStore();
    String refused = "spotify:episode:" + SpotifyDemoData.episodeId(SpotifyDemoData.SHOW_PARTNER_ACADEMY, 3);
    AtomicBoolean refuse = new AtomicBoolean(true);
    Bridge bridge = sandboxes.bridge(store);

    bridge.run(withRefusal(refused, refuse, DeliveryPolicy.maxAttempts(2)));
    bridge.run(withRefusal(refused, refuse, DeliveryPolicy.maxAttempts(2)));
    RunReport third = bridge.run(withRefusal(refused, refuse, DeliveryPolicy.maxAttempts(2)));

    assertThat(store.deadLetters("refusals")).singleElement().satisfies(d -> assertThat(d.attempts()).isEqualTo(2));
    assertThat(third.skipped()).isEqualTo(1);
    assertThat(third.failed()).isZero();
  }

  @Test
  void aWriteCapLeavesTheRestForTheNextRun() {
    InMemoryStateStore store = new InMemoryStateStore();
    Bridge bridge = sandboxes.bridge(store);

    RunReport first = bridge.run(announcements("capped", RunCaps.of(Integer.MAX_VALUE, 10)));
    RunReport second = bridge.run(announcements("capped", RunCaps.of(Integer.MAX_VALUE, 100)));

    assertThat(first.created()).isEqualTo(10);
    assertThat(first.skipped()).as("the rest of the capped batch").isEqualTo(first.seen() - 10);
    assertThat(first.seen()).as("no page beyond the cap is read").isLessThan(EPISODES);
    assertThat(second.created()).isEqualTo(EPISODES - 10);
    assertThat(second.unchanged()).isEqualTo(10);
  }

  @Test
  void aCappedBatchHoldsBackEveryLaterCheckpoint() {
    InMemoryStateStore store = new InMemoryStateStore();
    Map<String, String> target = new ConcurrentHashMap<>();
    Sink<String> sink = new Sink<>() {
      @Override
      public WriteResult create(String key, String item, String idempotencyKey, String externalRef, RunContext run) {
        target.put(key, item);
        return WriteResult.of("t-" + key, 1L);
      }

      @Override
      public WriteResult update(io.gridcast.bridge.state.LedgerEntry existing, String item, RunContext run) {
        return WriteResult.of(existing.targetId(), 2L);
      }

      @Override
      public java.util.Optional<WriteResult> findByExternalRef(String externalRef, RunContext run) {
        return java.util.Optional.empty();
      }
    };
    // page 1 has four items, page 2 none (as an events page with nothing relevant), page 3 two
    Source<String> pages = run -> {
      int from = run.checkpoint().map(Integer::parseInt).orElse(0);
      List<Batch<String>> all = List.of(Batch.of(List.of("a", "b", "c", "d"), "1", null),
          Batch.of(List.of(), "2", null), Batch.of(List.of("e", "f"), "3", null));
      return all.subList(from, all.size());
    };
    Flow<String, String> flow = Flow.<String, String>builder("capped-pages").source(pages).key(k -> k).mapper((k, run) -> k)
        .sink(sink).caps(RunCaps.of(Integer.MAX_VALUE, 2)).build();
    Bridge bridge = Bridge.builder().stateStore(store).build();

    RunReport first = bridge.run(flow);

    assertThat(first.created()).isEqualTo(2);
    assertThat(store.checkpoint("capped-pages", "default")).as("c and d were skipped on page 1").isEmpty();
    for (int i = 0; i < 3; i++) {
      bridge.run(flow);
    }
    assertThat(target).containsOnlyKeys("a", "b", "c", "d", "e", "f");
    assertThat(store.checkpoint("capped-pages", "default")).contains("3");
  }

  @Test
  void aPlanHonoursTheWriteCap() {
    RunReport plan = sandboxes.bridge().plan(announcements("planned-cap", RunCaps.of(Integer.MAX_VALUE, 5)));

    assertThat(plan.seen()).as("the first show's batch only").isEqualTo(FIRST_SHOW_EPISODES);
    assertThat(plan.created()).isEqualTo(5);
    assertThat(plan.skipped()).as("the rest of the capped batch").isEqualTo(FIRST_SHOW_EPISODES - 5);
  }

  @Test
  void theSameBridgeNeverRunsOnePartitionTwiceAtOnce() throws Exception {
    java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    Source<String> slow = cp -> {
      inside.countDown();
      try {
        if (!release.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test never released the first run");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return List.of(Batch.of(List.of("x")));
    };
    Sink<String> sink = new Sink<>() {
      @Override
      public WriteResult create(String key, String item, String idempotencyKey, String externalRef, RunContext run) {
        return WriteResult.of("t", 1L);
      }

      @Override
      public WriteResult update(io.gridcast.bridge.state.LedgerEntry existing, String item, RunContext run) {
        return WriteResult.of("t", 2L);
      }

      @Override
      public java.util.Optional<WriteResult> findByExternalRef(String externalRef, RunContext run) {
        return java.util.Optional.empty();
      }
    };
    Flow<String, String> flow = Flow.<String, String>builder("guarded").source(slow).key(k -> k).mapper((k, run) -> k).sink(sink).build();
    Bridge bridge = Bridge.builder().stateStore(new InMemoryStateStore()).build();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      java.util.concurrent.Future<RunReport> first = pool.submit(() -> bridge.run(flow));
      assertThat(inside.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("the first run reached its source").isTrue();

      RunReport second = bridge.run(flow);
      release.countDown();

      assertThat(second.leaseHeldElsewhere()).isTrue();
      assertThat(first.get(30, java.util.concurrent.TimeUnit.SECONDS).created()).isEqualTo(1);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void replayingAFlowWithoutALookupIsRefusedWithTheFix() {
    Flow<ShowEpisode, PostCreate> withLookup = announcements("with-lookup", RunCaps.none());
    Flow<String, String> noLookup = Flow.<String, String>builder("no-lookup").source(run -> List.of()).key(k -> k).mapper((k, run) -> k)
        .sink(new Sink<>() {
          @Override
          public WriteResult create(String key, String item, String idempotencyKey, String externalRef, RunContext run) {
            return WriteResult.of("t", 1L);
          }

          @Override
          public WriteResult update(io.gridcast.bridge.state.LedgerEntry existing, String item, RunContext run) {
            return WriteResult.of("t", 1L);
          }

          @Override
          public java.util.Optional<WriteResult> findByExternalRef(String externalRef, RunContext run) {
            return java.util.Optional.empty();
          }
        }).build();

    assertThat(withLookup.hasLookup()).isTrue();
    assertThat(noLookup.hasLookup()).isFalse();
    assertThatThrownBy(() -> Bridge.builder().stateStore(new InMemoryStateStore()).build().replayDeadLetters(noLookup))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lookup(...)");
  }

  @Test
  void everyItemGetsExactlyOneOutcomeAndStageTimings() {
    RunReport report = sandboxes.bridge().run(announcements("counting", RunCaps.none()));

    assertThat(report.created() + report.updated() + report.unchanged() + report.skipped() + report.failed())
        .isEqualTo(report.seen());
    assertThat(report.stageTimings()).containsKeys(Stage.values());
    assertThat(report.stageTimings().get(Stage.WRITE)).isPositive();
    assertThat(report.summary()).contains("created 24");
  }

  @Test
  void progressAndListenersSeeEveryItemWithTheFlowAndRunInTheMdc() {
    List<String> mdcFlows = new CopyOnWriteArrayList<>();
    List<Integer> done = new CopyOnWriteArrayList<>();
    Map<Outcome, Integer> outcomes = new ConcurrentHashMap<>();
    List<RunReport> finished = new ArrayList<>();
    Bridge bridge = Bridge.builder().stateStore(new InMemoryStateStore())
        .progressListener((flow, key, outcome, n, total) -> {
          mdcFlows.add(MDC.get("gridcast.flow") + "/" + (MDC.get("gridcast.run") != null) + "/" + key.equals(MDC.get("gridcast.item")));
          done.add(n);
        })
        .listener(new BridgeListener() {
          @Override
          public void onItem(String flow, String runId, String key, Outcome outcome, Duration elapsed) {
            outcomes.merge(outcome, 1, Integer::sum);
          }

          @Override
          public void onRunFinished(RunReport report) {
            finished.add(report);
          }
        })
        .build();

    bridge.run(announcements("observed", RunCaps.none()));

    assertThat(Set.copyOf(mdcFlows)).containsExactly("observed/true/true");
    assertThat(done).hasSize(EPISODES).endsWith(EPISODES);
    assertThat(outcomes).containsEntry(Outcome.CREATED, EPISODES);
    assertThat(finished).singleElement().satisfies(r -> assertThat(r.flow()).isEqualTo("observed"));
    assertThat(MDC.get("gridcast.flow")).as("the MDC is cleaned up after the run").isNull();
  }

  @Test
  void anItemWhoseTargetWasDeletedIsDeliveredAgainNotLost() {
    Map<String, String> target = new ConcurrentHashMap<>();
    List<String> keys = new CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicReference<String> content = new java.util.concurrent.atomic.AtomicReference<>("v1");
    Sink<String> sink = new Sink<>() {
      @Override
      public WriteResult create(String key, String item, String idempotencyKey, String externalRef, RunContext run) {
        keys.add(idempotencyKey);
        target.put("t-" + key, item);
        return WriteResult.of("t-" + key, 1L);
      }

      @Override
      public WriteResult update(io.gridcast.bridge.state.LedgerEntry existing, String item, RunContext run) {
        if (!target.containsKey(existing.targetId())) {
          throw new io.gridcast.core.errors.NotFoundException(404, "PATCH", "http://127.0.0.1/x",
              io.gridcast.core.errors.ErrorDetails.none());
        }
        target.put(existing.targetId(), item);
        return WriteResult.of(existing.targetId(), 2L);
      }

      @Override
      public java.util.Optional<WriteResult> findByExternalRef(String externalRef, RunContext run) {
        return java.util.Optional.empty();
      }
    };
    Flow<String, String> flow = Flow.<String, String>builder("deleted-target")
        .source(run -> List.of(Batch.of(List.of("a")))).key(k -> k).mapper((k, run) -> content.get()).sink(sink).build();
    Bridge bridge = Bridge.builder().stateStore(new InMemoryStateStore()).build();
    bridge.run(flow);

    target.clear();
    content.set("v2");
    RunReport report = bridge.run(flow);

    assertThat(report.created()).isEqualTo(1);
    assertThat(report.failed()).isZero();
    assertThat(target).containsEntry("t-a", "v2");
    assertThat(keys).as("a new idempotency key: the old one would replay the deleted resource")
        .hasSize(2).doesNotHaveDuplicates();
  }

  @Test
  void aBridgeNeedsAStateStoreAndAFlowItsParts() {
    assertThatThrownBy(() -> Bridge.builder().build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stateStore");
    assertThatThrownBy(() -> Flow.builder("Bad Name")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("flow name");
    assertThatThrownBy(() -> Flow.<String, String>builder("ok").key(s -> s).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no source");
    assertThatThrownBy(() -> Flow.inStages("staged", List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no stages");
  }
}
