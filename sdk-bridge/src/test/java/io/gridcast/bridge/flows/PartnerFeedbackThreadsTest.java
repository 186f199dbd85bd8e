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
