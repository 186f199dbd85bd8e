package io.gridcast.bridge.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.bridge.testing.Sandboxes;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Flow 6 and the partners' thread messages, end to end against both sandboxes: messages counted
 * by topic, the feedback thread linked from the episode's announcement, issues for messages
 * flagged as problems.
 */
class PartnerFeedbackThreadsTest {

  private static final String SHOW = SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY;
  private static final String NEWEST = "spotify:episode:" + SpotifyDemoData.episodeId(SHOW, 59);
  private static final String SUMMARY = "gridcast:partner-feedback:summary:shows:" + SHOW;
  private static final String ALDER = TradingGridDemoData.PARTNER_IDS.get(0);
  private static final String BRIGHTWATER = TradingGridDemoData.PARTNER_IDS.get(1);
  private static final String DUNMORE = TradingGridDemoData.PARTNER_DUNMORE;

  private Sandboxes sandboxes;
  private Bridge bridge;
  private final PartnerFeedbackConfig config = PartnerFeedbackConfig.builder().addShowIds(SHOW).maxEpisodesPerShow(3)
      .putTopicKeywords("asn", List.of("asn", "advance ship notice"))
      .putTopicKeywords("invoicing", List.of("invoice"))
      .build();

  @BeforeEach
  void start() {
    sandboxes = Sandboxes.start();
    bridge = sandboxes.bridge(new InMemoryStateStore());
  }

  @AfterEach
  void stop() {
    sandboxes.close();
  }

  @Test
  void threadMessagesCountUnderTheTopicsTheirTagsOrTheConfiguredKeywordsName() {
    run();
    String thread = threadId(NEWEST);
    sandboxes.tradingGridSandbox.submitForm(formId(NEWEST), ALDER, Map.of("rating", "4", "topic", "asn"));
    // the tag wins over the keyword "invoice" in the text
    sandboxes.tradingGridSandbox.postThreadMessage(thread, ALDER, "The invoice layout for returns changed.", List.of("returns"), false);
    sandboxes.tradingGridSandbox.postThreadMessage(thread, BRIGHTWATER, "Our ASN rejects dropped by half.");
    sandboxes.tradingGridSandbox.postThreadMessage(thread, DUNMORE, "When is the ADVANCE SHIP NOTICE due?");
    sandboxes.tradingGridSandbox.postThreadMessage(thread, DUNMORE, "A question about the asn and the invoice.");
    // "invoices" and "asnfile" are not the whole words "invoice" and "asn"
    sandboxes.tradingGridSandbox.postThreadMessage(thread, ALDER, "Invoices arrive late; see asnfile.");
    sandboxes.tradingGridSandbox.postThreadMessage(thread, null, "Thanks, noted: ASN next week.");

    run();

    String body = byRef(TradingGridResource.POSTS, SUMMARY).path("body").asText();
    String byTopic = body.substring(body.indexOf("### By topic"), body.indexOf("### By region"));
    assertThat(byTopic.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Topic")).toList()).containsExactly(
        "| (none) | 0 | – | 0 | 1 |",
        "| asn | 1 | 4.00 | 0 | 3 |",
        "| invoicing | 0 | – | 0 | 1 |",
        "| returns | 0 | – | 0 | 1 |");
    assertThat(body).contains("1 form responses (average rating 4.00, 0 below 3) and 5 partner messages");
    assertThat(run().updated()).isZero();
  }

  @Test
  void withoutTopicKeywordsOnlyTagsClassifyThreadMessages() {
    PartnerFeedbackConfig tagsOnly = PartnerFeedbackConfig.builder().addShowIds(SHOW).maxEpisodesPerShow(3).build();
    bridge.run(PartnerFeedbackFlow.create(sandboxes.spotify, sandboxes.tradingGrid, tagsOnly));
    String thread = threadId(NEWEST);
    sandboxes.tradingGridSandbox.postThreadMessage(thread, ALDER, "ASN and invoice both.", List.of("onboarding", "unknown-tag"), false);
    sandboxes.tradingGridSandbox.postThreadMessage(thread, BRIGHTWATER, "ASN again.");

    bridge.run(PartnerFeedbackFlow.create(sandboxes.spotify, sandboxes.tradingGrid, tagsOnly));

    String body = byRef(TradingGridResource.POSTS, SUMMARY).path("body").asText();
    assertThat(body).contains("| (none) | 0 | – | 0 | 1 |").contains("| onboarding | 0 | – | 0 | 1 |")
        .doesNotContain("| asn |").doesNotContain("unknown-tag");
  }

  @Test
  void topicKeywordsForATopicThatIsNotConfiguredOrAMalformedKeywordAreRefused() {
    assertThatThrownBy(() -> PartnerFeedbackConfig.builder().addShowIds(SHOW)
        .putTopicKeywords("shipping", List.of("truck")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'shipping'").hasMessageContaining("topics(...)");
    assertThatThrownBy(() -> PartnerFeedbackConfig.builder().addShowIds(SHOW)
        .putTopicKeywords("asn", List.of("asn*")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'asn*'");
    assertThatThrownBy(() -> PartnerFeedbackConfig.builder().addShowIds(SHOW)
        .putTopicKeywords("asn", List.of("ASN", "asn")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
  }

  @Test
  void eachFlaggedMessageOrOneWithAProblemKeywordOpensExactlyOneIssueLinkedToTheEpisodeAndTheMessage() {
    PartnerFeedbackConfig problems = PartnerFeedbackConfig.builder().from(config)
        .problemKeywords(List.of("broken", "does not work")).build();
    bridge.run(PartnerFeedbackFlow.create(sandboxes.spotify, sandboxes.tradingGrid, problems));
    String thread = threadId(NEWEST);
    JsonNode flagged = sandboxes.tradingGridSandbox.postThreadMessage(thread, ALDER,
        "The ASN template in the show notes is **out of date**.", List.of(), true);
    JsonNode worded = sandboxes.tradingGridSandbox.postThreadMessage(thread, DUNMORE,
        "The invoice upload link is Broken for us.", List.of(), false);
    sandboxes.tradingGridSandbox.postThreadMessage(thread, BRIGHTWATER, "Nothing brokenish here, all good.");
    sandboxes.tradingGridSandbox.postThreadMessage(thread, null, "Is anything broken? Tell us.", List.of(), true);

    bridge.run(PartnerFeedbackFlow.create(sandboxes.spotify, sandboxes.tradingGrid, problems));
    RunReport again = bridge.run(PartnerFeedbackFlow.create(sandboxes.spotify, sandboxes.tradingGrid, problems));

    assertThat(again.created() + again.updated()).isZero();
    List<JsonNode> issues = sandboxes.tradingGridSandbox.resources(TradingGridResource.ISSUES).stream()
        .filter(i -> i.path("externalRef").asText().startsWith("gridcast:partner-feedback:problem:")).toList();
    assertThat(issues).extracting(i -> i.path("externalRef").asText()).containsExactlyInAnyOrder(
        "gridcast:partner-feedback:problem:" + flagged.path("id").asText(),
        "gridcast:partner-feedback:problem:" + worded.path("id").asText());
    String episodeId = NEWEST.substring("spotify:episode:".length());
    String episodeName = sandboxes.spotify.episodes().get(episodeId).name();

    JsonNode first = byRef(TradingGridResource.ISSUES, "gridcast:partner-feedback:problem:" + flagged.path("id").asText());
    assertThat(first.path("type").asText()).isEqualTo("feedback");
    assertThat(first.path("severity").asText()).isEqualTo("medium");
    assertThat(first.path("title").asText()).isEqualTo("Problem reported: " + episodeName);
    assertThat(first.path("partnerId").asText()).isEqualTo(ALDER);
    assertThat(first.path("region").asText()).isEqualTo(partner(ALDER).path("region").asText());
    assertThat(first.path("accountId").asText()).isEqualTo(partner(ALDER).path("accountId").asText());
    assertThat(first.path("topic").asText()).isEqualTo("asn");
    assertThat(first.path("description").asText())
        .contains("Alder").contains("flagged a problem in the feedback thread of").contains(episodeName)
        .contains("(topic: asn)")
        // the partner's Markdown is quoted as text, escaped
        .contains("> The ASN template in the show notes is \\*\\*out of date\\*\\*.");
    assertThat(first.path("links")).extracting(l -> l.path("rel").asText() + " " + l.path("url").asText()).containsExactly(
        "spotify https://open.spotify.com/episode/" + episodeId,
        "thread_message " + sandboxes.tradingGrid.baseUrl().newBuilder().addPathSegment("communities")
            .addPathSegment(sandboxes.tradingGrid.communityId()).addPathSegment("threads").addPathSegment(thread)
            .fragment(flagged.path("id").asText()).build());

    JsonNode second = byRef(TradingGridResource.ISSUES, "gridcast:partner-feedback:problem:" + worded.path("id").asText());
    assertThat(second.path("partnerId").asText()).isEqualTo(DUNMORE);
    assertThat(second.path("topic").asText()).isEqualTo("invoicing");
    assertThat(second.path("description").asText()).contains("reported a problem").contains("> The invoice upload link is Broken for us.");
    assertThat(second.path("links").get(1).path("url").asText()).endsWith("/threads/" + thread + "#" + worded.path("id").asText());
  }

  @Test
  void aProblemIssueQuotesTheMessageAsTextAndInGermanWhenAskedTo() {
    PartnerFeedbackConfig german = PartnerFeedbackConfig.builder().from(config)
        .templates(io.gridcast.bridge.text.PostTemplates.builder().locale(java.util.Locale.GERMAN).build()).build();
    bridge.run(PartnerFeedbackFlow.create(sandboxes.spotify, sandboxes.tradingGrid, german));
    JsonNode flagged = sandboxes.tradingGridSandbox.postThreadMessage(threadId(NEWEST), BRIGHTWATER,
        "Broken: <script>alert(1)</script> see [this](javascript:alert(1))", List.of("returns"), true);

    bridge.run(PartnerFeedbackFlow.create(sandboxes.spotify, sandboxes.tradingGrid, german));

    JsonNode issue = byRef(TradingGridResource.ISSUES, "gridcast:partner-feedback:problem:" + flagged.path("id").asText());
    assertThat(issue.path("title").asText()).startsWith("Problem gemeldet: ");
    assertThat(issue.path("topic").asText()).isEqualTo("returns");
    assertThat(issue.path("description").asText()).contains("ein Problem markiert").contains("(Thema: returns)")
        .doesNotContain("<script>").doesNotContain("javascript:");
  }

  @Test
  void aMalformedProblemKeywordIsRefused() {
    assertThatThrownBy(() -> PartnerFeedbackConfig.builder().addShowIds(SHOW).problemKeywords(List.of(" broken")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("problemKeywords").hasMessageContaining("' broken'");
  }

  @Test
  void theFeedbackThreadIsLinkedOnceFromTheAnnouncementAndALaterAnnouncementIsLinkedByALaterRun() {
    // flow 1 announces the newest two episodes; flow 6 covers the newest three
    bridge.run(announcements(2));
    String older = "spotify:episode:" + SpotifyDemoData.episodeId(SHOW, 57);
    assertThat(sandboxes.tradingGridSandbox.countPostsByExternalRef(older)).isZero();

    RunReport first = run();

    assertThat(first.stage("links").created()).isEqualTo(2);
    for (String episode : List.of(NEWEST, "spotify:episode:" + SpotifyDemoData.episodeId(SHOW, 58))) {
      JsonNode post = byRef(TradingGridResource.POSTS, episode);
      assertThat(post.path("links")).extracting(l -> l.path("rel").asText() + " | " + l.path("title").asText() + " | "
          + l.path("url").asText()).containsExactly(
          "spotify | Listen on Spotify | https://open.spotify.com/episode/" + episode.substring("spotify:episode:".length()),
          "feedback | Discuss this episode in its feedback thread | " + threadUrl(threadId(episode)));
      assertThat(post.path("version").asLong()).isEqualTo(2);
    }
    long version = byRef(TradingGridResource.POSTS, NEWEST).path("version").asLong();

    RunReport again = run();

    assertThat(again.created() + again.updated()).isZero();
    assertThat(byRef(TradingGridResource.POSTS, NEWEST).path("version").asLong()).isEqualTo(version);
    assertThat(byRef(TradingGridResource.POSTS, NEWEST).path("links")).hasSize(2);

    bridge.run(announcements(3)); // the older episode's announcement comes after its thread
    RunReport later = run();

    assertThat(later.stage("links").created()).isEqualTo(1);
    assertThat(byRef(TradingGridResource.POSTS, older).path("links")).extracting(l -> l.path("rel").asText() + " "
        + l.path("url").asText()).contains("feedback " + threadUrl(threadId(older)));
    assertThat(byRef(TradingGridResource.POSTS, NEWEST).path("version").asLong()).isEqualTo(version);
    assertThat(run().created() + run().updated()).isZero();
  }

  @Test
  void anAnnouncementEditedMeanwhileKeepsTheEditAndGetsTheLink() {
    bridge.run(announcements(1));
    JsonNode post = byRef(TradingGridResource.POSTS, NEWEST);
    // someone edits the post: the flow writes on the version it reads, keeping the edit
    sandboxes.tradingGrid.posts().update(post.path("id").asText(), io.gridcast.tradinggrid.model.PostUpdate.builder()
        .title("Edited by the community team").build(), post.path("version").asLong());

    run();

    JsonNode linked = byRef(TradingGridResource.POSTS, NEWEST);
    assertThat(linked.path("title").asText()).isEqualTo("Edited by the community team");
    assertThat(linked.path("links")).extracting(l -> l.path("rel").asText()).containsExactly("spotify", "feedback");
  }

  @Test
  void anAnnouncementRewrittenWithoutTheLinkIsLinkedAgainOnce() {
    bridge.run(announcements(1));
    run();
    JsonNode post = byRef(TradingGridResource.POSTS, NEWEST);
    // flow 1 rewrites the announcement after the episode changed, replacing its links
    sandboxes.tradingGrid.posts().update(post.path("id").asText(), io.gridcast.tradinggrid.model.PostUpdate.builder()
        .body(post.path("body").asText() + "\n\nUpdated show notes.")
        .links(List.of(io.gridcast.tradinggrid.model.Link.of("spotify", post.path("links").get(0).path("url").asText())))
        .build(), post.path("version").asLong());

    RunReport relinked = run();

    assertThat(relinked.stage("links").updated()).isEqualTo(1);
    JsonNode now = byRef(TradingGridResource.POSTS, NEWEST);
    assertThat(now.path("body").asText()).endsWith("Updated show notes.");
    assertThat(now.path("links")).extracting(l -> l.path("rel").asText() + " " + l.path("url").asText())
        .containsExactly(post.path("links").get(0).path("rel").asText() + " " + post.path("links").get(0).path("url").asText(),
            "feedback " + threadUrl(threadId(NEWEST)));
    long version = now.path("version").asLong();
    RunReport quiet = run();
    assertThat(quiet.created() + quiet.updated()).isZero();
    assertThat(byRef(TradingGridResource.POSTS, NEWEST).path("version").asLong()).isEqualTo(version);
  }

  private io.gridcast.bridge.Flow<?, ?> announcements(int episodes) {
    return EpisodeAnnouncementsFlow.create(sandboxes.spotify, sandboxes.tradingGrid,
        EpisodeAnnouncementsConfig.builder().addShowIds(SHOW).maxEpisodesPerShow(episodes).build());
  }

  private String threadUrl(String threadId) {
    return sandboxes.tradingGrid.baseUrl().newBuilder().addPathSegment("communities")
        .addPathSegment(sandboxes.tradingGrid.communityId()).addPathSegment("threads").addPathSegment(threadId).build().toString();
  }

  private JsonNode partner(String id) {
    return sandboxes.tradingGridSandbox.resource(TradingGridResource.PARTNERS, id).orElseThrow();
  }

  private RunReport run() {
    return bridge.run(PartnerFeedbackFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config));
  }

  private String formId(String episode) {
    return byRef(TradingGridResource.FORMS, FeedbackChannel.formRef(episode)).path("id").asText();
  }

  private String threadId(String episode) {
    return byRef(TradingGridResource.THREADS, FeedbackChannel.threadRef(episode)).path("id").asText();
  }

  private JsonNode byRef(TradingGridResource type, String ref) {
    return sandboxes.tradingGridSandbox.resources(type).stream()
        .filter(r -> r.path("externalRef").asText().equals(ref)).findFirst().orElseThrow();
  }
}
