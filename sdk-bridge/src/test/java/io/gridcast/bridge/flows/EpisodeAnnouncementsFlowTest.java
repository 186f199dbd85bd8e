package io.gridcast.bridge.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.policy.RoutingPolicy;
import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.bridge.testing.SandboxAssertions;
import io.gridcast.bridge.testing.Sandboxes;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridResource;
import io.gridcast.tradinggrid.model.OnboardingStage;
import io.gridcast.tradinggrid.model.PostCreate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EpisodeAnnouncementsFlowTest {

  private static final int EPISODES = 24; // Archive Sessions (14) + Partner Academy (10)

  private Sandboxes sandboxes;
  private InMemoryStateStore store;
  private Bridge bridge;

  @BeforeEach
  void start() {
    sandboxes = Sandboxes.start();
    store = new InMemoryStateStore();
    bridge = sandboxes.bridge(store);
  }

  @AfterEach
  void stop() {
    sandboxes.close();
  }

  private Flow<ShowEpisode, PostCreate> flow(RoutingPolicy<ShowEpisode> routing) {
    return EpisodeAnnouncementsFlow.create(sandboxes.spotify, sandboxes.tradingGrid,
        EpisodeAnnouncementsConfig.builder()
            .addShowIds(SpotifyDemoData.SHOW_ARCHIVE_SESSIONS, SpotifyDemoData.SHOW_PARTNER_ACADEMY)
            .routing(routing)
            .build());
  }

  private Flow<ShowEpisode, PostCreate> flow() {
    return flow(RoutingPolicy.stages(OnboardingStage.CERTIFIED, OnboardingStage.ACTIVE));
  }

  private Map<String, Integer> announcements() {
    return SandboxAssertions.postsByExternalRef(sandboxes.tradingGridSandbox, "spotify:episode:");
  }

  @Test
  void theFirstRunAnnouncesEveryEpisodeOnce() {
    RunReport report = bridge.run(flow());

    assertThat(report.seen()).isEqualTo(EPISODES);
    assertThat(report.created()).isEqualTo(EPISODES);
    assertThat(report.failed()).isZero();
    assertThat(announcements()).hasSize(EPISODES).allSatisfy((ref, count) -> assertThat(count).isEqualTo(1));
    assertThat(store.entries("episode-announcements")).hasSize(EPISODES);
  }

  @Test
  void anAnnouncementCarriesTheLinkMetadataReleaseNotesAndRoutedAudience() {
    bridge.run(flow());

    String key = "spotify:episode:" + SpotifyDemoData.episodeId(SpotifyDemoData.SHOW_PARTNER_ACADEMY, 0);
    JsonNode post = sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS).stream()
        .filter(p -> p.path("externalRef").asText().equals(key)).findFirst().orElseThrow();
    assertThat(post.path("kind").asText()).isEqualTo("announcement");
    assertThat(post.path("links").get(0).path("url").asText()).contains("/episode/");
    assertThat(post.path("metadata").path("spotifyUri").asText()).isEqualTo(key);
    assertThat(post.path("body").asText()).contains("Listen on Spotify");
    JsonNode partners = post.path("audience").path("partnerIds");
    assertThat(partners.size()).isPositive();
    for (JsonNode p : partners) {
      String stage = sandboxes.tradingGridSandbox.resource(TradingGridResource.PARTNERS, p.asText()).orElseThrow()
          .path("onboardingStage").asText();
      assertThat(stage).isIn("certified", "active");
    }
  }

  @Test
  void aSecondRunChangesNothing() {
    bridge.run(flow());
    int postsBefore = sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS).size();

    RunReport again = bridge.run(flow());

    assertThat(again.unchanged()).isEqualTo(EPISODES);
    assertThat(again.created() + again.updated()).isZero();
    assertThat(sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS)).hasSize(postsBefore);
  }

  @Test
  void aChangedAudienceUpdatesThePostsInsteadOfDuplicatingThem() {
    bridge.run(flow());
    String partner = TradingGridDemoData.PARTNER_IDS.stream()
        .filter(id -> sandboxes.tradingGridSandbox.resource(TradingGridResource.PARTNERS, id).orElseThrow()
            .path("onboardingStage").asText().equals("invited"))
        .findFirst().orElseThrow();
    sandboxes.tradingGridSandbox.movePartnerToStage(partner, "certified");

    RunReport report = bridge.run(flow());

    assertThat(report.updated()).isEqualTo(EPISODES);
    assertThat(report.created()).isZero();
    assertThat(announcements()).hasSize(EPISODES).allSatisfy((ref, count) -> assertThat(count).isEqualTo(1));
    assertThat(sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS).stream()
        .filter(p -> p.path("externalRef").asText().startsWith("spotify:episode:"))
        .allMatch(p -> p.path("audience").path("partnerIds").toString().contains(partner))).isTrue();
  }

  @Test
  void aPlanWritesNothingAnywhere() {
    RunReport plan = bridge.plan(flow());

    assertThat(plan.dryRun()).isTrue();
    assertThat(plan.created()).isEqualTo(EPISODES);
    assertThat(announcements()).isEmpty();
    assertThat(store.entries("episode-announcements")).isEmpty();
    assertThat(store.deadLetters("episode-announcements")).isEmpty();
  }

  @Test
  void withFivePercentServerErrorsAndRateLimitsTheStateEndsExact() {
    sandboxes.faults(Sandboxes.flaky(7));

    RunReport first = bridge.run(flow());
    RunReport second = first.created() == EPISODES ? first : bridge.run(flow());

    assertThat(second.failed()).isZero();
    assertThat(announcements()).hasSize(EPISODES).allSatisfy((ref, count) -> assertThat(count).isEqualTo(1));
    assertThat(store.entries("episode-announcements")).hasSize(EPISODES);
  }

  @Test
  void aShowListIsRequired() {
    assertThatThrownBy(() -> EpisodeAnnouncementsConfig.builder().build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("show id");
  }

  @Test
  void anUnknownShowStopsTheRunWithAClearReason() {
    RunReport report = bridge.run(EpisodeAnnouncementsFlow.create(sandboxes.spotify, sandboxes.tradingGrid,
        EpisodeAnnouncementsConfig.builder().addShowIds("0000000000000000000000").build()));

    assertThat(report.stoppedBecause()).hasValueSatisfying(r -> assertThat(r).contains("NotFoundException"));
    assertThat(announcements()).isEmpty();
  }
}
