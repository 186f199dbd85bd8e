package io.gridcast.bridge.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.Fingerprints;
import io.gridcast.bridge.RunCaps;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.bridge.testing.Sandboxes;
import io.gridcast.testkit.FaultProfile;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridResource;
import io.gridcast.tradinggrid.model.ThreadCreate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PartnerFeedbackFlowTest {

  private static final String SHOW = SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY;
  /** The newest three episodes of the show (59 is the newest). */
  private static final List<String> EPISODES = List.of(
      "spotify:episode:" + SpotifyDemoData.episodeId(SHOW, 59),
      "spotify:episode:" + SpotifyDemoData.episodeId(SHOW, 58),
      "spotify:episode:" + SpotifyDemoData.episodeId(SHOW, 57));
  private static final String SUMMARY = "gridcast:partner-feedback:summary:shows:" + SHOW;
  private static final String ALDER = TradingGridDemoData.PARTNER_IDS.get(0);
  private static final String BRIGHTWATER = TradingGridDemoData.PARTNER_IDS.get(1);
  private static final String DUNMORE = TradingGridDemoData.PARTNER_DUNMORE;

  private Sandboxes sandboxes;
  private InMemoryStateStore store;
  private Bridge bridge;
  private final PartnerFeedbackConfig config = PartnerFeedbackConfig.builder().addShowIds(SHOW).maxEpisodesPerShow(3).build();

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

  @Test
  void firstRunOpensOneThreadAndOneFormPerEpisodeAndAnEmptySummary() {
    RunReport report = bridge.run(PartnerFeedbackFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config));

    assertThat(report.created()).isEqualTo(3 + 1);
    for (String episode : EPISODES) {
      assertThat(count(TradingGridResource.THREADS, FeedbackChannel.threadRef(episode))).isEqualTo(1);
      assertThat(count(TradingGridResource.FORMS, FeedbackChannel.formRef(episode))).isEqualTo(1);
    }
    JsonNode form = byRef(TradingGridResource.FORMS, FeedbackChannel.formRef(EPISODES.get(0)));
    assertThat(form.path("fields")).extracting(f -> f.path("key").asText()).containsExactly("rating", "topic", "comment");
    assertThat(form.path("fields").get(1).path("choices")).hasSize(5);
    assertThat(sandboxes.tradingGridSandbox.countPostsByExternalRef(SUMMARY)).isEqualTo(1);
    JsonNode summary = byRef(TradingGridResource.POSTS, SUMMARY);
    assertThat(summary.path("kind").asText()).isEqualTo("report");
    assertThat(summary.path("body").asText()).contains("0 form responses").contains("No feedback yet.");
    assertThat(feedbackIssues()).isEmpty();
  }

  @Test
  void rerunWithoutNewFeedbackChangesNothing() {
    bridge.run(PartnerFeedbackFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config));
    int threads = all(TradingGridResource.THREADS);
    int forms = all(TradingGridResource.FORMS);
    long version = byRef(TradingGridResource.POSTS, SUMMARY).path("version").asLong();

    RunReport again = bridge.run(PartnerFeedbackFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config));

    assertThat(again.created() + again.updated()).isZero();
    assertThat(again.stage("channels").unchanged()).isEqualTo(3);
    // no answer, message, thread or partner since the last run: the feedback is not read again
    assertThat(again.stage("issues").seen() + again.stage("summary").seen()).isZero();
    assertThat(all(TradingGridResource.THREADS)).isEqualTo(threads);
    assertThat(all(TradingGridResource.FORMS)).isEqualTo(forms);
    assertThat(byRef(TradingGridResource.POSTS, SUMMARY).path("version").asLong()).isEqualTo(version);
  }

  @Test
  void responsesUpdateTheOneSummaryByTopicRegionAndAccount() {
    bridge.run(PartnerFeedbackFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config));
    long version = byRef(TradingGridResource.POSTS, SUMMARY).path("version").asLong();
    String form = formId(EPISODES.get(0));
    sandboxes.tradingGridSandbox.submitForm(form, ALDER, Map.of("rating", "5", "topic", "asn", "comment", "Very clear."));
    sandboxes.tradingGridSandbox.submitForm(form, BRIGHTWATER, Map.of("rating", "4", "topic", "invoicing"));
    sandboxes.tradingGridSandbox.postThreadMessage(threadId(EPISODES.get(0)), DUNMORE, "Could you cover ASN corrections next?");
    sandboxes.tradingGridSandbox.postThreadMessage(threadId(EPISODES.get(0)), null, "Thanks, noted!");

    RunReport report = bridge.run(PartnerFeedbackFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config));

    assertThat(report.updated()).isEqualTo(1);
    assertThat(sandboxes.tradingGridSandbox.countPostsByExternalRef(SUMMARY)).isEqualTo(1);
    JsonNode summary = byRef(TradingGridResource.POSTS, SUMMARY);
    assertThat(summary.path("version").asLong()).isEqualTo(version + 1);
    String body = summary.path("body").asText();
    assertThat(body).contains("2 form responses (average rating 4.50, 0 below 3) and 1 partner messages")
        .contains("| asn | 1 | 5.00 | 0 | 0 |")
        .contains("| invoicing | 1 | 4.00 | 0 | 0 |")
        .contains("### By region").contains("### By account")
        .contains(partner(DUNMORE).path("accountId").asText() + " · Dunmore Logistics | 0 | – | 0 | 1 |");
    assertThat(body).contains("| " + partner(ALDER).path("region").asText() + " |");
    assertThat(feedbackIssues()).isEmpty();
    assertThat(bridge.run(PartnerFeedbackFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config)).updated()).isZero();
  }

  @Test
  void eachLowRatingOpensExactlyOneFeedbackIssueLinkedToTheEpisode() {
    bridge.run(PartnerFeedbackFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config));
    String form = formId(EPISODES.get(1));
    JsonNode low = sandboxes.tradingGridSandbox.submitForm(form, ALDER,
        Map.of("rating", "2", "topic", "returns", "comment", "Too long for the warehouse floor."));
    sandboxes.tradingGridSandbox.submitForm(form, BRIGHTWATER, Map.of("rating", "3", "topic", "asn"));
    JsonNode lowest = sandboxes.tradingGridSandbox.submitForm(form, DUNMORE, Map.of("rating", "1", "topic", "other"));

    bridge.run(PartnerFeedbackFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config));
    bridge.run(PartnerFeedbackFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config));

    List<JsonNode> issues = feedbackIssues();
    assertThat(issues).hasSize(2);
    for (JsonNode submission : List.of(low, lowest)) {
      String ref = "gridcast:partner-feedback:issue:" + submission.path("id").asText();
      assertThat(count(TradingGridResource.ISSUES, ref)).isEqualTo(1);
    }
    JsonNode issue = byRef(TradingGridResource.ISSUES, "gridcast:partner-feedback:issue:" + low.path("id").asText());
    assertThat(issue.path("type").asText()).isEqualTo("feedback");
    assertThat(issue.path("partnerId").asText()).isEqualTo(ALDER);
    assertThat(issue.path("region").asText()).isEqualTo(partner(ALDER).path("region").asText());
    assertThat(issue.path("accountId").asText()).isEqualTo(partner(ALDER).path("accountId").asText());
    assertThat(issue.path("topic").asText()).isEqualTo("returns");
    assertThat(issue.path("description").asText()).contains("rated").contains("2 out of 5").contains("Too long for the warehouse floor.");
    assertThat(issue.path("links").get(0).path("url").asText()).endsWith(EPISODES.get(1).substring("spotify:episode:".length()));
  }

  @Test
  void aResolvedFeedbackIssueIsNeverReopenedOrDuplicated() {
    bridge.run(PartnerFeedbackFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config));
    JsonNode low = sandboxes.tradingGridSandbox.submitForm(formId(EPISODES.get(2)), ALDER, Map.of("rating", "1", "topic", "asn"));
    bridge.run(PartnerFeedbackFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config));
    String issueId = byRef(TradingGridResource.ISSUES, "gridcast:partner-feedback:issue:" + low.path("id").asText()).path("id").asText();
    sandboxes.tradingGridSandbox.resolveIssue(issueId, "Shorter cut published.", "Published a 10-minute version");

    bridge.run(PartnerFeedbackFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config));

    assertThat(feedbackIssues()).hasSize(1);
    assertThat(sandboxes.tradingGridSandbox.resource(TradingGridResource.ISSUES, issueId).orElseThrow().path("status").asText())
        .isEqualTo("resolved");
  }

  @Test
  void flakyPlatformsStillEndWithOneChannelPerEpisodeOneIssuePerLowRatingAndOneSummary() {
    sandboxes.faults(Sandboxes.flaky(6));
    runUntilNothingFails();
    sandboxes.faults(FaultProfile.none());
    String form = formId(EPISODES.get(0));
    sandboxes.tradingGridSandbox.submitForm(form, ALDER, Map.of("rating", "1", "topic", "asn"));
    sandboxes.tradingGridSandbox.submitForm(form, BRIGHTWATER, Map.of("rating", "2", "topic", "returns"));
    sandboxes.faults(Sandboxes.flaky(7));
    runUntilNothingFails();
    sandboxes.faults(FaultProfile.none());

    for (String episode : EPISODES) {
      assertThat(count(TradingGridResource.THREADS, FeedbackChannel.threadRef(episode))).isEqualTo(1);
      assertThat(count(TradingGridResource.FORMS, FeedbackChannel.formRef(episode))).isEqualTo(1);
    }
    assertThat(feedbackIssues()).hasSize(2);
    assertThat(sandboxes.tradingGridSandbox.countPostsByExternalRef(SUMMARY)).isEqualTo(1);
    assertThat(byRef(TradingGridResource.POSTS, SUMMARY).path("body").asText()).contains("2 form responses");
    RunReport last = bridge.run(PartnerFeedbackFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config));
    assertThat(last.created() + last.updated()).isZero();
  }

  @Test
  void aCrashBetweenTheRemoteWritesAndTheLedgerIsHealedWithoutDuplicates() {
    RunReport crashed = sandboxes.bridge(new LedgerThatFailsToRecord(store, "partner-feedback.channels")).run(PartnerFeedbackFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config));
    assertThat(crashed.stoppedBecause()).hasValueSatisfying(r -> assertThat(r).contains("disk full"));
    assertThat(all(TradingGridResource.THREADS)).isPositive();

    RunReport healed = bridge.run(PartnerFeedbackFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config));

    assertThat(healed.failed()).isZero();
    assertThat(healed.stoppedBecause()).isEmpty();
    JsonNode low = sandboxes.tradingGridSandbox.submitForm(formId(EPISODES.get(0)), ALDER, Map.of("rating", "1", "topic", "asn"));
    RunReport crashedIssue = sandboxes.bridge(new LedgerThatFailsToRecord(store, "partner-feedback.issues")).run(PartnerFeedbackFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config));
    assertThat(crashedIssue.stoppedBecause()).isPresent();
    assertThat(feedbackIssues()).hasSize(1); // written, but the ledger never heard of it

    RunReport healedIssue = bridge.run(PartnerFeedbackFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config));

    assertThat(healedIssue.failed()).isZero();
    for (String episode : EPISODES) {
      assertThat(count(TradingGridResource.THREADS, FeedbackChannel.threadRef(episode))).isEqualTo(1);
      assertThat(count(TradingGridResource.FORMS, FeedbackChannel.formRef(episode))).isEqualTo(1);
    }
    assertThat(count(TradingGridResource.ISSUES, "gridcast:partner-feedback:issue:" + low.path("id").asText())).isEqualTo(1);
    assertThat(sandboxes.tradingGridSandbox.countPostsByExternalRef(SUMMARY)).isEqualTo(1);
    RunReport last = bridge.run(PartnerFeedbackFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config));
    assertThat(last.created()).isZero();
    assertThat(last.updated()).isZero();
  }

  @Test
  void aChannelIsCreatedEvenWhenItsStepKeyWasUsedBeforeWithAnotherBody() {
    String episode = EPISODES.get(0);
    // an earlier create under the step-only key of the old scheme, with the title of before a rename,
    // whose thread is not found by the channel's reference
    sandboxes.tradingGrid.threads().create(ThreadCreate.builder().title("Feedback: the episode's old title")
            .externalRef("legacy:" + episode).build(),
        Fingerprints.idempotencyKey("partner-feedback.channels", episode) + ":thread");

    RunReport report = bridge.run(PartnerFeedbackFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config));

    assertThat(report.failed()).isZero();
    assertThat(store.deadLetters("partner-feedback.channels")).isEmpty();
    assertThat(count(TradingGridResource.THREADS, FeedbackChannel.threadRef(episode))).isEqualTo(1);
    assertThat(count(TradingGridResource.FORMS, FeedbackChannel.formRef(episode))).isEqualTo(1);
  }

  @Test
  void runCapsLimitEachPhaseAndTheNextRunDoesTheRest() {
    PartnerFeedbackConfig capped = PartnerFeedbackConfig.builder().from(config).caps(RunCaps.of(Integer.MAX_VALUE, 1)).build();

    RunReport first = bridge.run(PartnerFeedbackFlow.create(sandboxes.spotify, sandboxes.tradingGrid, capped));

    assertThat(first.created()).isEqualTo(1 + 1); // one channel, then the summary phase's one write
    assertThat(first.skipped()).isEqualTo(2);
    assertThat(all(TradingGridResource.FORMS) - formsOfOtherFlows()).isEqualTo(1);
    RunReport rest = bridge.run(PartnerFeedbackFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config));
    assertThat(rest.created()).isEqualTo(2);
    for (String episode : EPISODES) {
      assertThat(count(TradingGridResource.FORMS, FeedbackChannel.formRef(episode))).isEqualTo(1);
    }
    assertThat(PartnerFeedbackConfig.builder().addShowIds(SHOW).build().caps()).isEqualTo(RunCaps.none());
  }

  private long formsOfOtherFlows() {
    return sandboxes.tradingGridSandbox.resources(TradingGridResource.FORMS).stream()
        .filter(f -> !f.path("externalRef").asText().startsWith("gridcast:partner-feedback:")).count();
  }

  @Test
  void aThresholdOutsideOneToFiveIsRefused() {
    assertThatThrownBy(() -> PartnerFeedbackConfig.builder().addShowIds(SHOW).lowRatingThreshold(6).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lowRatingThreshold");
    assertThatThrownBy(() -> PartnerFeedbackConfig.builder().addShowIds(SHOW).lowRatingThreshold(0).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lowRatingThreshold");
  }

  @Test
  void fewerThanTwoTopicsOrABadTopicIsRefused() {
    assertThatThrownBy(() -> PartnerFeedbackConfig.builder().addShowIds(SHOW).topics(List.of("asn")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topics");
    assertThatThrownBy(() -> PartnerFeedbackConfig.builder().addShowIds(SHOW).topics(List.of("asn", "Bad Topic")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Bad Topic");
  }

  @Test
  void aConfigWithoutShowsIsRefused() {
    assertThatThrownBy(() -> PartnerFeedbackConfig.builder().build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("show id");
  }

  private void runUntilNothingFails() {
    for (int i = 0; i < 5; i++) {
      RunReport r = bridge.run(PartnerFeedbackFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config));
      if (r.failed() == 0 && r.stoppedBecause().isEmpty()) {
        return;
      }
      bridge.replayDeadLetters(PartnerFeedbackFlow.channels(sandboxes.spotify, sandboxes.tradingGrid, config));
    }
    throw new AssertionError("the flow did not complete within 5 runs");
  }

  private String formId(String episode) {
    return byRef(TradingGridResource.FORMS, FeedbackChannel.formRef(episode)).path("id").asText();
  }

  private String threadId(String episode) {
    return byRef(TradingGridResource.THREADS, FeedbackChannel.threadRef(episode)).path("id").asText();
  }

  private JsonNode partner(String id) {
    return sandboxes.tradingGridSandbox.resource(TradingGridResource.PARTNERS, id).orElseThrow();
  }

  private List<JsonNode> feedbackIssues() {
    return sandboxes.tradingGridSandbox.resources(TradingGridResource.ISSUES).stream()
        .filter(i -> i.path("externalRef").asText().startsWith("gridcast:partner-feedback:issue:")).toList();
  }

  private long count(TradingGridResource type, String ref) {
    return sandboxes.tradingGridSandbox.countByExternalRef(type, ref);
  }

  private int all(TradingGridResource type) {
    return sandboxes.tradingGridSandbox.resources(type).size();
  }

  private JsonNode byRef(TradingGridResource type, String ref) {
    return sandboxes.tradingGridSandbox.resources(type).stream()
        .filter(r -> r.path("externalRef").asText().equals(ref)).findFirst().orElseThrow();
  }
}
