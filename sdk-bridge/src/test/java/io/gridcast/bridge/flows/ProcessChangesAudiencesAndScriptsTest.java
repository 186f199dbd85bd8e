package io.gridcast.bridge.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.state.DeadLetter;
import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.bridge.testing.Sandboxes;
import io.gridcast.core.Secret;
import io.gridcast.spotify.feed.FeedItem;
import io.gridcast.spotify.feed.FileSystemFeedSink;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridResource;
import io.gridcast.tradinggrid.WebhookVerifier;
import io.gridcast.tradinggrid.model.IssueType;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flow 3 end to end against both sandboxes: process changes published when introduced (once),
 * audiences chosen by issue type (show and partner groups), and the script as a document on the
 * issue, with or without audio.
 */
class ProcessChangesAudiencesAndScriptsTest {

  static final String SHOW = SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY;
  static final String PARTNER_SHOW = SpotifyDemoData.SHOW_LIEFERKETTE_LIVE;
  static final String FLOW = "issue-audio-updates";
  static final String TRADING_ISSUE = TradingGridDemoData.ISSUE_OPEN;
  static final Secret WEBHOOK_SECRET = Secret.of("whsec-test-17");
  static final String CHANGE_TITLE = "New ASN deadline for chilled goods";
  static final String CHANGE_DESCRIPTION = "From June 2 ASNs for chilled goods are due 4 hours before arrival.";
  static final String CHANGE_ACTION = "Send the ASN when the truck is loaded, not when it leaves.";

  @TempDir
  Path dir;

  private Sandboxes sandboxes;
  private InMemoryStateStore store;
  private Bridge bridge;
  private FileSystemFeedSink feed;
  private FileSystemFeedSink partnerFeed;

  @BeforeEach
  void start() {
    sandboxes = Sandboxes.start();
    store = new InMemoryStateStore();
    bridge = sandboxes.bridge(store);
    feed = FileSystemFeedSink.create(dir.resolve("updates.xml"), URI.create("https://feeds.example.com/updates.xml"),
        IssueAudioUpdatesFlowTest.channel());
    partnerFeed = FileSystemFeedSink.create(dir.resolve("partners.xml"),
        URI.create("https://feeds.example.com/partners.xml"), IssueAudioUpdatesFlowTest.channel());
    sandboxes.spotifySandbox.registerFeed(SHOW, dir.resolve("updates.xml").toUri());
    sandboxes.spotifySandbox.registerFeed(PARTNER_SHOW, dir.resolve("partners.xml").toUri());
  }

  @AfterEach
  void stop() {
    sandboxes.close();
  }

  private FeedPublishingConfig publishing(String show, FileSystemFeedSink sink, String media) {
    return FeedPublishingConfig.builder().showId(show).feedSink(sink).mediaFolder(dir.resolve(media))
        .mediaBaseUrl(URI.create("https://media.example.com/" + media))
        .releaseWatcher(ReleaseWatchers.ingesting(sandboxes)).build();
  }

  private IssueAudioUpdatesConfig.Builder config() {
    return IssueAudioUpdatesConfig.builder().publishing(publishing(SHOW, feed, "updates")).webhookSecret(WEBHOOK_SECRET);
  }

  private IssueAudience partners() {
    return IssueAudience.builder().name("partners").publishing(publishing(PARTNER_SHOW, partnerFeed, "partners"))
        .addPartnerGroupIds(TradingGridDemoData.GROUP_EMEA, TradingGridDemoData.GROUP_NA).build();
  }

  private IssueAudioUpdatesFlow updates(IssueAudioUpdatesConfig config) {
    return IssueAudioUpdatesFlow.webhooks(sandboxes.spotify, sandboxes.tradingGrid, config);
  }

  /** A process change logged (introduced) with the recorded audio attached; emits issue.created. */
  private String introduceProcessChange(boolean withAudio) {
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("type", "process_change").put("severity", "medium")
        .put("title", CHANGE_TITLE).put("description", CHANGE_DESCRIPTION).put("region", "EMEA");
    body.putArray("correctiveActions").add(CHANGE_ACTION);
    if (withAudio) {
      body.putArray("attachments").add(TradingGridDemoData.DOCUMENT_ASN_AUDIO);
    }
    return sandboxes.tradingGridSandbox.create(TradingGridResource.ISSUES, body).path("id").asText();
  }

  private void resolveTradingIssueWithAudio(String summary) {
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    patch.putArray("attachments").add(TradingGridDemoData.DOCUMENT_ASN_AUDIO);
    sandboxes.tradingGridSandbox.update(TradingGridResource.ISSUES, TRADING_ISSUE, patch);
    sandboxes.tradingGridSandbox.resolveIssue(TRADING_ISSUE, summary, "Gateway retries now reuse the PO number.");
  }

  private JsonNode issue(String id) {
    return sandboxes.tradingGridSandbox.resource(TradingGridResource.ISSUES, id).orElseThrow();
  }

  private List<JsonNode> posts(String issueId) {
    return sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS).stream()
        .filter(p -> p.path("externalRef").asText().equals("gridcast:audio-update:issue:" + issueId)).toList();
  }

  private List<JsonNode> scriptDocuments(String issueId) {
    return sandboxes.tradingGridSandbox.resources(TradingGridResource.DOCUMENTS).stream()
        .filter(d -> d.path("externalRef").asText().startsWith("gridcast:audio-update:issue:" + issueId + ":script:"))
        .toList();
  }

  private String content(JsonNode document) {
    return new String(sandboxes.tradingGridSandbox.documentContent(document.path("id").asText()).orElseThrow(),
        StandardCharsets.UTF_8);
  }

  private List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private List<String> comments(String issueId, String refPart) {
    return sandboxes.tradingGridSandbox.issueComments(issueId).stream()
        .filter(c -> c.path("externalRef").asText().startsWith("gridcast:audio-update:issue:" + issueId + refPart))
        .map(c -> c.path("body").asText()).toList();
  }

  private String episodeUrl(String show, String issueId) {
    return "https://open.spotify.com/episode/"
        + sandboxes.spotifySandbox.episodeIdForGuid(show, "gridcast-issue-" + issueId).orElseThrow();
  }

  // ---- 1. a process change is published when it is introduced, once ------------------------------

  @Test
  void aProcessChangeIsPublishedWhenIntroducedAndNotAgainWhenItIsResolved() throws IOException {
    String change = introduceProcessChange(true);
    String loggedTradingIssue = sandboxes.tradingGridSandbox.logIssue("trading_issue", "Late invoices",
        "Invoices arrive a day late.", null).path("id").asText();

    RunReport introduced = bridge.run(updates(config().build()).eventsFlow());

    assertThat(introduced.created()).isEqualTo(1);
    assertThat(issue(change).path("status").asText()).isEqualTo("open");
    FeedItem item = feed.items().stream().filter(i -> i.guid().equals("gridcast-issue-" + change)).findFirst().orElseThrow();
    assertThat(feed.items()).extracting(FeedItem::guid).containsExactly("gridcast-issue-" + change); // not the open trading issue
    assertThat(item.title()).isEqualTo("Process change: " + CHANGE_TITLE);
    assertThat(item.description()).isEqualTo("<p>Process change: " + CHANGE_TITLE + ".</p><p>What changes. "
        + CHANGE_DESCRIPTION + "</p><p>What changes for you.<br>1. " + CHANGE_ACTION + "</p>");
    assertThat(item.pubDate()).isEqualTo(Instant.parse(issue(change).path("createdAt").asText())
        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)); // RSS dates are to the second
    JsonNode post = posts(change).get(0);
    assertThat(posts(change)).hasSize(1);
    assertThat(post.path("title").asText()).isEqualTo("Process change: " + CHANGE_TITLE);
    assertThat(post.path("body").asText()).startsWith(CHANGE_DESCRIPTION).contains("- " + CHANGE_ACTION,
        "[Listen to the audio update on Spotify](" + episodeUrl(SHOW, change) + ")");
    assertThat(comments(change, ":published:")).singleElement().asString()
        .contains(episodeUrl(SHOW, change), CHANGE_DESCRIPTION, CHANGE_ACTION);
    assertThat(posts(loggedTradingIssue)).isEmpty();

    sandboxes.tradingGridSandbox.setIssueStatus(change, "resolved");
    int events = sandboxes.tradingGridSandbox.events().size();
    String feedXml = Files.readString(dir.resolve("updates.xml"));
    RunReport resolved = bridge.run(updates(config().build()).eventsFlow());

    assertThat(resolved.seen()).isEqualTo(1);
    assertThat(resolved.unchanged()).isEqualTo(1);
    assertThat(resolved.created() + resolved.updated()).isZero();
    assertThat(Files.readString(dir.resolve("updates.xml"))).isEqualTo(feedXml);
    assertThat(sandboxes.tradingGridSandbox.events()).hasSize(events); // nothing written on Trading Grid
    assertThat(sandboxes.spotifySandbox.episodeIdForGuid(SHOW, "gridcast-issue-" + change)).isPresent();
    assertThat(posts(change)).hasSize(1);
    assertThat(comments(change, ":published:")).hasSize(1);
  }

  @Test
  void withIntroductionsSwitchedOffAProcessChangeWaitsForItsResolutionAndTradingIssuesAreStillPublishedWhenResolved()
      throws Exception {
    String change = introduceProcessChange(true);
    resolveTradingIssueWithAudio("The gateway no longer resends purchase orders.");
    IssueAudioUpdatesConfig config = config().publishProcessChangesWhenIntroduced(false).build();

    RunReport first = bridge.run(updates(config).eventsFlow());

    assertThat(first.created()).isEqualTo(1);
    assertThat(feed.items()).extracting(FeedItem::guid).containsExactly("gridcast-issue-" + TRADING_ISSUE);
    String created = createdEvent(change);
    assertThat(updates(config).flowFor(created, signature(created))).isEmpty();

    sandboxes.tradingGridSandbox.setIssueStatus(change, "resolved");
    RunReport second = bridge.run(updates(config).eventsFlow());

    assertThat(second.created()).isEqualTo(1);
    assertThat(feed.items()).extracting(FeedItem::guid)
        .containsExactlyInAnyOrder("gridcast-issue-" + TRADING_ISSUE, "gridcast-issue-" + change);
  }

  @Test
  void aVerifiedWebhookOfAProcessChangesCreationPublishesItAndOneOfATradingIssuesCreationIsIgnored() throws Exception {
    String change = introduceProcessChange(true);
    String logged = sandboxes.tradingGridSandbox.logIssue("trading_issue", "Late invoices", "Invoices arrive late.", null)
        .path("id").asText();
    IssueAudioUpdatesFlow webhooks = updates(config().build());

    String created = createdEvent(change);
    RunReport report = webhooks.flowFor(created, signature(created)).map(bridge::run).orElseThrow();

    assertThat(report.created()).isEqualTo(1);
    assertThat(posts(change)).hasSize(1);
    String tradingIssueCreated = createdEvent(logged);
    assertThat(webhooks.flowFor(tradingIssueCreated, signature(tradingIssueCreated))).isEmpty();
  }

  // ---- 2. audiences: show and partner groups by issue type -------------------------------------------

  @Test
  void audiencesSendEachIssueTypeToItsShowAndPartnerGroups() throws IOException {
    String change = introduceProcessChange(true);
    resolveTradingIssueWithAudio("The gateway no longer resends purchase orders.");
    IssueAudioUpdatesConfig config = config().putAudiences(IssueType.PROCESS_CHANGE, partners()).build();

    RunReport report = bridge.run(updates(config).eventsFlow());

    assertThat(report.created()).isEqualTo(2);
    assertThat(partnerFeed.items()).extracting(FeedItem::guid).containsExactly("gridcast-issue-" + change);
    assertThat(partnerFeed.items().get(0).enclosureUrl()).hasToString("https://media.example.com/partners/issue-" + change + ".mp3");
    assertThat(Files.readString(dir.resolve("partners.xml"))).contains("Process change: " + CHANGE_TITLE)
        .doesNotContain("gridcast-issue-" + TRADING_ISSUE);
    assertThat(feed.items()).extracting(FeedItem::guid).containsExactly("gridcast-issue-" + TRADING_ISSUE);
    assertThat(sandboxes.spotifySandbox.episodeIdForGuid(PARTNER_SHOW, "gridcast-issue-" + change)).isPresent();
    assertThat(sandboxes.spotifySandbox.episodeIdForGuid(SHOW, "gridcast-issue-" + change)).isEmpty();

    JsonNode partnerPost = posts(change).get(0);
    assertThat(texts(partnerPost.path("audience").path("groupIds")))
        .containsExactly(TradingGridDemoData.GROUP_EMEA, TradingGridDemoData.GROUP_NA);
    assertThat(texts(partnerPost.path("audience").path("partnerIds"))).isEmpty();
    assertThat(partnerPost.path("body").asText()).contains(episodeUrl(PARTNER_SHOW, change), CHANGE_ACTION);
    JsonNode internalPost = posts(TRADING_ISSUE).get(0);
    assertThat(texts(internalPost.path("audience").path("groupIds"))).isEmpty(); // routing(): everyone, by partner
    assertThat(internalPost.path("audience").path("partnerIds")).isNotEmpty();
    assertThat(internalPost.path("body").asText()).contains(episodeUrl(SHOW, TRADING_ISSUE));
    assertThat(store.find(FLOW, "tradinggrid:issue:" + change).orElseThrow().attributes().orElseThrow())
        .contains("\"audience\":\"partners\"");

    RunReport again = bridge.run(updates(config).issueFlow(change));
    assertThat(again.unchanged()).isEqualTo(1);
  }

  @Test
  void anAudienceThatCannotWorkIsRefusedWithAMessageSayingWhatToFix() {
    assertThatThrownBy(() -> config().issueTypes(java.util.Set.of(IssueType.TRADING_ISSUE))
        .putAudiences(IssueType.PROCESS_CHANGE, partners()).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("audiences names process_change, which is not one of issueTypes");
    assertThatThrownBy(() -> IssueAudience.builder().name("partners").publishing(publishing(PARTNER_SHOW, partnerFeed, "p"))
        .build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no partner group");
    assertThatThrownBy(() -> IssueAudience.builder().name("default").publishing(publishing(PARTNER_SHOW, partnerFeed, "p"))
        .addPartnerGroupIds(TradingGridDemoData.GROUP_EMEA).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
    assertThatThrownBy(() -> IssueAudience.builder().name("partners").publishing(publishing(PARTNER_SHOW, partnerFeed, "p"))
        .addPartnerGroupIds("../groups").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partner group id of audience partners");
    IssueAudience other = IssueAudience.builder().from(partners()).partnerGroupIds(List.of(TradingGridDemoData.GROUP_APAC))
        .build();
    assertThatThrownBy(() -> config().putAudiences(IssueType.PROCESS_CHANGE, partners())
        .putAudiences(IssueType.TRADING_ISSUE, other).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two different audiences are named partners");
  }

  // ---- 3. the script as a document on the issue ----------------------------------------------------

  @Test
  void theScriptIsAttachedAsAMarkdownDocumentEvenWithoutAudioAndTheIssueIsToldOnceWhereItIs() throws IOException {
    String change = introduceProcessChange(false);
    IssueAudioUpdatesConfig config = config().build();

    RunReport report = bridge.run(updates(config).eventsFlow());
    RunReport replay = bridge.replayDeadLetters(updates(config).eventsFlow());

    assertThat(report.deadLettered()).isEqualTo(1);
    assertThat(replay.failed()).isEqualTo(1);
    assertThat(store.deadLetters(FLOW)).singleElement().extracting(DeadLetter::reason).asString()
        .contains("issue " + change + " has no audio attachment");
    JsonNode document = scriptDocuments(change).get(0);
    assertThat(scriptDocuments(change)).hasSize(1);
    assertThat(document.path("fileName").asText()).isEqualTo("issue-" + change + "-audio-update-script.md");
    assertThat(document.path("contentType").asText()).startsWith("text/markdown");
    assertThat(content(document)).startsWith("# Process change: " + CHANGE_TITLE + "\n")
        .contains("Script of the audio update for issue `" + change + "`", "What changes. " + CHANGE_DESCRIPTION,
            CHANGE_ACTION);
    JsonNode issue = issue(change);
    assertThat(texts(issue.path("attachments"))).containsExactly(document.path("id").asText());
    assertThat(issue.path("links")).anySatisfy(l -> {
      assertThat(l.path("rel").asText()).isEqualTo("audio_update_script");
      assertThat(l.path("url").asText()).endsWith("/documents/" + document.path("id").asText() + "/content");
      assertThat(l.path("title").asText()).contains("issue-" + change + "-audio-update-script.md");
    });
    assertThat(comments(change, ":no-audio")).singleElement().asString()
        .contains("it has no audio attachment", "The script is attached as `issue-" + change + "-audio-update-script.md`");
    assertThat(posts(change)).isEmpty();
    assertThat(partnerFeed.items()).isEmpty();
  }

  @Test
  void onceTheRecordingIsAttachedTheReplayPublishesItBesideTheSameScriptDocument() throws IOException {
    String change = introduceProcessChange(false);
    IssueAudioUpdatesConfig config = config().build();
    bridge.run(updates(config).eventsFlow());
    String scriptId = scriptDocuments(change).get(0).path("id").asText();

    List<String> attachments = new ArrayList<>(texts(issue(change).path("attachments")));
    attachments.add(TradingGridDemoData.DOCUMENT_ASN_AUDIO);
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    attachments.forEach(patch.putArray("attachments")::add);
    sandboxes.tradingGridSandbox.update(TradingGridResource.ISSUES, change, patch);
    RunReport replay = bridge.replayDeadLetters(updates(config).eventsFlow());

    assertThat(replay.created()).isEqualTo(1);
    assertThat(scriptDocuments(change)).extracting(d -> d.path("id").asText()).containsExactly(scriptId);
    assertThat(texts(issue(change).path("attachments"))).containsExactly(scriptId, TradingGridDemoData.DOCUMENT_ASN_AUDIO);
    assertThat(feed.items()).extracting(FeedItem::guid).containsExactly("gridcast-issue-" + change);
    assertThat(Files.readAllBytes(dir.resolve("updates/issue-" + change + ".mp3")))
        .isEqualTo(sandboxes.tradingGridSandbox.documentContent(TradingGridDemoData.DOCUMENT_ASN_AUDIO).orElseThrow());
    assertThat(comments(change, ":no-audio")).hasSize(1);
    assertThat(comments(change, ":published:")).hasSize(1);

    RunReport again = bridge.run(updates(config).issueFlow(change));
    assertThat(again.unchanged()).isEqualTo(1);
  }

  @Test
  void aChangedResolutionReplacesTheScriptDocumentOnTheIssue() {
    resolveTradingIssueWithAudio("The gateway no longer resends purchase orders.");
    IssueAudioUpdatesConfig config = config().build();
    bridge.run(updates(config).eventsFlow());
    JsonNode first = scriptDocuments(TRADING_ISSUE).get(0);

    sandboxes.tradingGridSandbox.update(TradingGridResource.ISSUES, TRADING_ISSUE,
        JsonNodeFactory.instance.objectNode().put("resolutionSummary", "Retries now carry an idempotency key."));
    RunReport changed = bridge.run(updates(config).issueFlow(TRADING_ISSUE));

    assertThat(changed.updated()).isEqualTo(1);
    assertThat(scriptDocuments(TRADING_ISSUE)).hasSize(2);
    JsonNode second = scriptDocuments(TRADING_ISSUE).stream()
        .filter(d -> !d.path("id").asText().equals(first.path("id").asText())).findFirst().orElseThrow();
    assertThat(content(second)).contains("How it was resolved. Retries now carry an idempotency key.");
    assertThat(content(first)).contains("How it was resolved. The gateway no longer resends purchase orders.");
    assertThat(texts(issue(TRADING_ISSUE).path("attachments")))
        .containsExactly(TradingGridDemoData.DOCUMENT_ASN_AUDIO, second.path("id").asText());
    assertThat(issue(TRADING_ISSUE).path("links").findValuesAsText("rel")).containsOnlyOnce("audio_update_script");
    assertThat(bridge.run(updates(config).issueFlow(TRADING_ISSUE)).unchanged()).isEqualTo(1);
  }

  @Test
  void markupInTheIssueReachesTheFeedAsTextNotAsHtml() throws IOException {
    resolveTradingIssueWithAudio("Fixed <script>alert('x')</script> & <img src=x onerror=alert(1)>");

    bridge.run(updates(config().build()).eventsFlow());

    String description = feed.items().get(0).description();
    assertThat(description).contains("Fixed &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;")
        .doesNotContain("<script", "<img");
    assertThat(Files.readString(dir.resolve("updates.xml"))).doesNotContain("<script", "<img");
  }

  @Test
  void germanTemplatesWriteTheScriptDocumentAndTheNoAudioCommentInGerman() {
    String change = introduceProcessChange(false);
    IssueAudioUpdatesConfig config = config()
        .templates(io.gridcast.bridge.text.PostTemplates.builder().locale(java.util.Locale.GERMAN).build()).build();

    bridge.run(updates(config).eventsFlow());

    assertThat(content(scriptDocuments(change).get(0))).contains("Skript des Audio-Updates zu Problem `" + change + "`");
    assertThat(comments(change, ":no-audio")).singleElement().asString()
        .contains("Das Skript ist als `issue-" + change + "-audio-update-script.md` angehängt");
  }

  private String createdEvent(String issueId) {
    ObjectNode event = JsonNodeFactory.instance.objectNode()
        .put("id", "evt_created_" + issueId).put("type", "issue.created").put("occurredAt", Instant.now().toString())
        .put("resourceType", "issue").put("resourceId", issueId);
    event.set("data", issue(issueId));
    return event.toString();
  }

  private static String signature(String body) {
    return WebhookVerifier.generateSignatureHeader(WEBHOOK_SECRET, body, Instant.now());
  }
}
