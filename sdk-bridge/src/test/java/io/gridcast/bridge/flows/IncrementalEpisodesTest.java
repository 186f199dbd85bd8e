package io.gridcast.bridge.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.RunReport;
import io.gridcast.tradinggrid.model.OnboardingStage;
import io.gridcast.bridge.policy.RoutingPolicy;
import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.bridge.testing.Sandboxes;
import io.gridcast.spotify.feed.FeedItem;
import io.gridcast.spotify.feed.FileSystemFeedSink;
import io.gridcast.testkit.MutableClock;
import io.gridcast.testkit.SandboxExchange;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridResource;
import io.gridcast.testkit.TradingGridSandbox;
import io.gridcast.tradinggrid.model.PostCreate;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flow 1 reads only what is new between whole reads: a quiet run costs each show's newest page
 * and the partner directory, a new episode costs its create, and the daily whole read brings
 * older posts up to date. Against both sandboxes over loopback, with every request they answer
 * recorded.
 */
class IncrementalEpisodesTest {

  private static final String SHOW = "Inc0rementalShow000001"; // 22 base-62 characters, no demo show
  private static final int EPISODES = 120; // three pages of 50

  @TempDir
  Path dir;

  private Sandboxes sandboxes;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
  private InMemoryStateStore store;
  private Bridge bridge;
  private final List<SandboxExchange> spotifyRequests = new CopyOnWriteArrayList<>();
  private final List<SandboxExchange> tradingGridRequests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    sandboxes = Sandboxes.start(b -> b.syntheticShow(SHOW, EPISODES));
    sandboxes.spotifySandbox.observer(spotifyRequests::add);
    sandboxes.tradingGridSandbox.observer(tradingGridRequests::add);
    store = new InMemoryStateStore(clock);
    bridge = Bridge.builder().stateStore(store).clock(clock).build();
  }

  @AfterEach
  void stop() {
    sandboxes.close();
  }

  private Flow<ShowEpisode, PostCreate> flow() {
    return EpisodeAnnouncementsFlow.create(sandboxes.spotify, sandboxes.tradingGrid, EpisodeAnnouncementsConfig.builder()
        .addShowIds(SHOW)
        .routing(RoutingPolicy.stages(OnboardingStage.CERTIFIED, OnboardingStage.ACTIVE))
        .build());
  }

  /**
   * The requests a sandbox answered, once its observer has heard of every one (it hears of an
   * exchange after the answer is sent, so the client may be done first).
   */
  private List<String> requests(List<SandboxExchange> exchanges) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    int seen;
    do {
      seen = exchanges.size();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    } while (exchanges.size() != seen && System.nanoTime() < deadline);
    return exchanges.stream().filter(e -> !e.path().contains("token")).map(e -> e.method() + " " + e.path()).toList();
  }

  private void clearRequests() {
    requests(spotifyRequests); // heard of every exchange so far
    requests(tradingGridRequests);
    spotifyRequests.clear();
    tradingGridRequests.clear();
  }

  @Test
  void aQuietRunReadsEachShowsNewestPageAndThePartnersAndWritesNothing() {
    RunReport first = bridge.run(flow());
    assertThat(first.created()).isEqualTo(EPISODES);
    assertThat(store.checkpoint("episode-announcements", "default")).contains("full-read:2026-12-01T08:00:00Z");
    assertThat(store.writeIntents("episode-announcements")).singleElement()
        .satisfies(i -> assertThat(i.reconciled()).as("a whole read reconciles").isTrue());

    clock.advance(Duration.ofHours(1));
    clearRequests();
    RunReport quiet = bridge.run(flow());

    assertThat(quiet.seen()).isEqualTo(50);
    assertThat(quiet.unchanged()).isEqualTo(50);
    assertThat(requests(spotifyRequests)).containsExactly(
        "GET /v1/shows/" + SHOW, "GET /v1/shows/" + SHOW + "/episodes");
    assertThat(requests(tradingGridRequests)).as("the partner directory, and nothing written")
        .isNotEmpty().allSatisfy(r -> assertThat(r).startsWith("GET ").contains("/partners"));
    assertThat(store.checkpoint("episode-announcements", "default")).contains("full-read:2026-12-01T08:00:00Z");
    assertThat(store.writeIntents("episode-announcements")).singleElement()
        .satisfies(i -> assertThat(i.reconciled()).as("still reconciled").isTrue());
  }

  @Test
  void aNewEpisodeIsAnnouncedByTheNextQuietRunWithItsCreateAlone() throws Exception {
    bridge.run(flow());
    FileSystemFeedSink feed = FileSystemFeedSink.create(dir.resolve("show.xml"), URI.create("https://feeds.example.com/show.xml"),
        IssueAudioUpdatesFlowTest.channel());
    feed.upsert(FeedItem.builder().guid("episode-121").title("Episode 121: peak season without panic")
        .description("How the hub handled the November peak.").pubDate(Instant.parse("2030-01-15T09:00:00Z"))
        .enclosureUrl(URI.create("https://media.example.com/episode-121.mp3")).enclosureLength(1_234_567)
        .duration(Duration.ofMinutes(21)).build());
    sandboxes.spotifySandbox.registerFeed(SHOW, dir.resolve("show.xml").toUri());
    String episodeId = sandboxes.spotifySandbox.ingestNow().get(0);

    clock.advance(Duration.ofMinutes(15));
    clearRequests();
    RunReport report = bridge.run(flow());

    assertThat(report.created()).isEqualTo(1);
    assertThat(report.seen()).as("the newest page holds the new episode, so the next is read too: all known, reading stops")
        .isEqualTo(100);
    assertThat(requests(spotifyRequests)).filteredOn(r -> r.endsWith("/episodes")).hasSize(2);
    assertThat(requests(tradingGridRequests)).filteredOn(r -> r.contains("/posts")).singleElement()
        .satisfies(r -> assertThat(r).startsWith("POST ").endsWith("/communities/" + TradingGridSandbox.DEFAULT_COMMUNITY_ID
            + "/posts")); // its create alone: no look-up by externalRef first
    assertThat(sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS).stream()
        .filter(p -> p.path("externalRef").asText().equals("spotify:episode:" + episodeId)).count()).isEqualTo(1);
  }

  @Test
  void aRunCutShortIsFollowedByAWholeReadSoNothingBehindTheNewestPageIsMissed() throws Exception {
    bridge.run(flow());
    FileSystemFeedSink feed = FileSystemFeedSink.create(dir.resolve("show.xml"), URI.create("https://feeds.example.com/show.xml"),
        IssueAudioUpdatesFlowTest.channel());
    for (int i = 0; i < 60; i++) { // more than a page of new episodes
      feed.upsert(FeedItem.builder().guid("new-" + i).title("New episode " + i).description("Fresh.")
          .pubDate(Instant.parse("2030-01-15T09:00:00Z")).enclosureUrl(URI.create("https://media.example.com/new-" + i + ".mp3"))
          .enclosureLength(1_000).duration(Duration.ofMinutes(5)).build());
    }
    sandboxes.spotifySandbox.registerFeed(SHOW, dir.resolve("show.xml").toUri());
    assertThat(sandboxes.spotifySandbox.ingestNow()).hasSize(60);
    clock.advance(Duration.ofMinutes(10));

    // a run that stops after the newest page: here a cap of 50 writes
    RunReport capped = bridge.run(EpisodeAnnouncementsFlow.create(sandboxes.spotify, sandboxes.tradingGrid,
        EpisodeAnnouncementsConfig.builder().addShowIds(SHOW)
            .routing(RoutingPolicy.stages(OnboardingStage.CERTIFIED, OnboardingStage.ACTIVE))
            .caps(io.gridcast.bridge.RunCaps.of(Integer.MAX_VALUE, 50)).build()));
    assertThat(capped.created()).isEqualTo(50);
    assertThat(store.checkpoint("episode-announcements", "default")).hasValueSatisfying(c -> assertThat(c).endsWith(" reading"));

    clock.advance(Duration.ofMinutes(10));
    RunReport next = bridge.run(flow());

    assertThat(next.created()).as("the ten on the second page, which the newest page no longer shows").isEqualTo(10);
    assertThat(next.seen()).isEqualTo(EPISODES + 60);
    assertThat(store.entries("episode-announcements")).hasSize(EPISODES + 60);
  }

  @Test
  void olderPostsAreBroughtUpToDateByTheDailyWholeReadNotByTheRunsBetween() {
    bridge.run(flow());
    String partner = TradingGridDemoData.PARTNER_IDS.stream()
        .filter(id -> sandboxes.tradingGridSandbox.resource(TradingGridResource.PARTNERS, id).orElseThrow()
            .path("onboardingStage").asText().equals("invited"))
        .findFirst().orElseThrow();
    sandboxes.tradingGridSandbox.movePartnerToStage(partner, "certified"); // every announcement's audience changes

    clock.advance(Duration.ofHours(6));
    RunReport between = bridge.run(flow());
    assertThat(between.updated()).as("the newest page only").isEqualTo(50);

    clock.advance(Duration.ofHours(18)); // a day after the whole read
    RunReport whole = bridge.run(flow());
    assertThat(whole.seen()).isEqualTo(EPISODES);
    assertThat(whole.updated()).isEqualTo(EPISODES - 50);
    assertThat(whole.unchanged()).isEqualTo(50);
    assertThat(store.checkpoint("episode-announcements", "default")).contains("full-read:2026-12-02T08:00:00Z");
    assertThat(sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS).stream()
        .filter(p -> p.path("externalRef").asText().startsWith("spotify:episode:"))
        .allMatch(p -> p.path("audience").path("partnerIds").toString().contains(partner))).isTrue();
  }

  @Test
  void fullReadEveryZeroReadsEverythingEveryTime() {
    Flow<ShowEpisode, PostCreate> always = EpisodeAnnouncementsFlow.create(sandboxes.spotify, sandboxes.tradingGrid,
        EpisodeAnnouncementsConfig.builder().addShowIds(SHOW).fullReadEvery(Duration.ZERO).build());
    bridge.run(always);
    clock.advance(Duration.ofMinutes(1));

    RunReport again = bridge.run(always);

    assertThat(again.seen()).isEqualTo(EPISODES);
    assertThat(again.unchanged()).isEqualTo(EPISODES);
  }
}
