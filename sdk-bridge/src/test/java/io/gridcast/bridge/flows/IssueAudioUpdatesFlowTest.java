package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.policy.PartnerDirectory;
import io.gridcast.bridge.policy.RoutingPolicy;
import io.gridcast.bridge.state.DeadLetter;
import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.bridge.testing.Sandboxes;
import io.gridcast.core.Secret;
import io.gridcast.spotify.feed.FeedItem;
import io.gridcast.spotify.feed.FeedSink;
import io.gridcast.spotify.feed.FileSystemFeedSink;
import io.gridcast.spotify.feed.PodcastFeed;
import io.gridcast.spotify.feed.ReleaseWatcher;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridResource;
import io.gridcast.tradinggrid.WebhookSignatureException;
import io.gridcast.tradinggrid.WebhookVerifier;
import io.gridcast.tradinggrid.model.Issue;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IssueAudioUpdatesFlowTest {

  static final String SHOW = SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY;
  static final String FLOW = "issue-audio-updates";
  static final String ISSUE = TradingGridDemoData.ISSUE_OPEN;
  static final Secret WEBHOOK_SECRET = Secret.of("whsec-test-3f9a");

  @TempDir
  Path dir;

  private Sandboxes sandboxes;
  private InMemoryStateStore store;
  private Bridge bridge;
  private FileSystemFeedSink feed;

  @BeforeEach
  void start() {
    sandboxes = Sandboxes.start();
    store = new InMemoryStateStore();
    bridge = sandboxes.bridge(store);
    feed = FileSystemFeedSink.create(dir.resolve("updates.xml"), URI.create("https://feeds.example.com/updates.xml"),
        channel());
    sandboxes.spotifySandbox.registerFeed(SHOW, dir.resolve("updates.xml").toUri());
  }

  @AfterEach
  void stop() {
    sandboxes.close();
  }

  static PodcastFeed channel() {
    return PodcastFeed.builder().title("Supplier audio updates").link(URI.create("https://suppliers.example.com"))
        .description("Resolved trading issues, explained.").author("Halvorsen & Pike").ownerName("Supplier desk")
        .ownerEmail("suppliers@halvorsen-pike.example").category("Business")
        .imageUrl(URI.create("https://media.example.com/cover.png")).build();
  }

  private IssueAudioUpdatesFlow updates(FeedSink sink) {
    return updates(sink, ReleaseWatchers.ingesting(sandboxes));
  }

  private IssueAudioUpdatesFlow updates(FeedSink sink, ReleaseWatcher watcher) {
    FeedPublishingConfig publishing = FeedPublishingConfig.builder()
        .showId(SHOW).feedSink(sink).mediaFolder(dir.resolve("media"))
        .mediaBaseUrl(URI.create("https://media.example.com/updates")).releaseWatcher(watcher).build();
    return IssueAudioUpdatesFlow.webhooks(sandboxes.spotify, sandboxes.tradingGrid,
        IssueAudioUpdatesConfig.builder().publishing(publishing).webhookSecret(WEBHOOK_SECRET).build());
  }

  private IssueAudioUpdatesFlow updates() {
    return updates(feed);
  }

  private void attachAudioAndResolve(String issueId, String summary) {
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    patch.putArray("attachments").add(TradingGridDemoData.DOCUMENT_ASN_AUDIO);
    sandboxes.tradingGridSandbox.update(TradingGridResource.ISSUES, issueId, patch);
    sandboxes.tradingGridSandbox.resolveIssue(issueId, summary, "Gateway retries now reuse the PO number.",
        "Duplicate POs from last week were cancelled.");
  }

  private long posts(String issueId) {
    return sandboxes.tradingGridSandbox.countPostsByExternalRef("gridcast:audio-update:issue:" + issueId);
  }

  private JsonNode post(String issueId) {
    return sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS).stream()
        .filter(p -> p.path("externalRef").asText().equals("gridcast:audio-update:issue:" + issueId))
        .findFirst().orElseThrow();
  }

  /** The comments whose externalRef is the post's plus {@code refSuffix} (and, for {@code :published}, a content hash). */
  private long comments(String issueId, String refSuffix) {
    return comments(issueId, refSuffix, "").size();
  }

  private List<JsonNode> comments(String issueId, String refSuffix, String bodyContains) {
    String ref = "gridcast:audio-update:issue:" + issueId + refSuffix;
    return sandboxes.tradingGridSandbox.issueComments(issueId).stream()
        .filter(c -> c.path("externalRef").asText().equals(ref) || c.path("externalRef").asText().startsWith(ref + ":"))
        .filter(c -> c.path("body").asText().contains(bodyContains))
        .toList();
  }

  private List<String> episodeLinks(String issueId) {
    String episodeId = sandboxes.spotifySandbox.episodeIdForGuid(SHOW, "gridcast-issue-" + issueId).orElseThrow();
    return sandboxes.tradingGridSandbox.resource(TradingGridResource.ISSUES, issueId).orElseThrow()
        .path("links").findValuesAsText("url").stream().filter(u -> u.endsWith("/episode/" + episodeId)).toList();
  }

  private List<FeedItem> feedItems() throws IOException {
    return feed.items();
  }

  @Test
  void aResolvedIssueBecomesOneEpisodeLinkCommentAndAudioUpdatePost() throws IOException {
    attachAudioAndResolve(ISSUE, "The gateway no longer resends purchase orders after a timeout.");

    RunReport report = bridge.run(updates().eventsFlow());

    assertThat(report.created()).isEqualTo(1);
    assertThat(report.failed()).isZero();
    assertThat(feedItems()).extracting(FeedItem::guid).containsExactly("gridcast-issue-" + ISSUE);
    FeedItem item = feedItems().get(0);
    assertThat(item.enclosureUrl()).hasToString("https://media.example.com/updates/issue-" + ISSUE + ".mp3");
    assertThat(Files.readAllBytes(dir.resolve("media/issue-" + ISSUE + ".mp3")))
        .isEqualTo(sandboxes.tradingGridSandbox.documentContent(TradingGridDemoData.DOCUMENT_ASN_AUDIO).orElseThrow());
    assertThat(item.description()).contains("The gateway no longer resends", "1. Gateway retries now reuse the PO number.");
    assertThat(episodeLinks(ISSUE)).hasSize(1);
    assertThat(comments(ISSUE, ":published")).isEqualTo(1);
    JsonNode comment = sandboxes.tradingGridSandbox.issueComments(ISSUE).stream()
        .filter(c -> c.path("externalRef").asText().contains(":published:")).findFirst().orElseThrow();
    assertThat(comment.path("body").asText()).contains(episodeLinks(ISSUE).get(0), "The gateway no longer resends",
        "Duplicate POs from last week were cancelled.");
    assertThat(posts(ISSUE)).isEqualTo(1);
    JsonNode post = post(ISSUE);
    assertThat(post.path("kind").asText()).isEqualTo("audio_update");
    assertThat(post.path("body").asText()).contains(episodeLinks(ISSUE).get(0), "### Corrective actions");
    assertThat(store.entries(FLOW)).singleElement()
        .satisfies(e -> assertThat(e.attributes().orElseThrow()).contains("spotify:episode:"));
    assertThat(store.checkpoint(FLOW, "default")).isPresent();
  }

  @Test
  void aSecondRunChangesNothing() throws IOException {
    attachAudioAndResolve(ISSUE, "The gateway no longer resends purchase orders after a timeout.");
    bridge.run(updates().eventsFlow());
    int events = sandboxes.tradingGridSandbox.events().size();
    int episodes = sandboxes.spotifySandbox.episodeCount(SHOW);

    RunReport again = bridge.run(updates().eventsFlow());
    RunReport viaIssue = bridge.run(updates().issueFlow(ISSUE));

    assertThat(again.seen()).isZero();
    assertThat(viaIssue.unchanged()).isEqualTo(1);
    assertThat(sandboxes.tradingGridSandbox.events()).hasSize(events);
    assertThat(sandboxes.spotifySandbox.episodeCount(SHOW)).isEqualTo(episodes);
    assertThat(feedItems()).hasSize(1);
    assertThat(posts(ISSUE)).isEqualTo(1);
    assertThat(comments(ISSUE, ":published")).isEqualTo(1);
    assertThat(episodeLinks(ISSUE)).hasSize(1);
  }

  @Test
  void aChangedResolutionUpdatesTheFeedItemAndPostAndAddsOneCommentWithTheNewSummary() throws IOException {
    attachAudioAndResolve(ISSUE, "The gateway no longer resends purchase orders after a timeout.");
    bridge.run(updates().eventsFlow());
    String postId = post(ISSUE).path("id").asText();

    sandboxes.tradingGridSandbox.update(TradingGridResource.ISSUES, ISSUE,
        JsonNodeFactory.instance.objectNode().put("resolutionSummary", "Retries now carry an idempotency key."));
    RunReport report = bridge.run(updates().issueFlow(ISSUE));

    assertThat(report.updated()).isEqualTo(1);
    assertThat(posts(ISSUE)).isEqualTo(1);
    assertThat(post(ISSUE).path("id").asText()).isEqualTo(postId);
    assertThat(post(ISSUE).path("body").asText()).contains("Retries now carry an idempotency key.");
    assertThat(feedItems()).singleElement().satisfies(i -> assertThat(i.description()).contains("idempotency key"));
    assertThat(episodeLinks(ISSUE)).hasSize(1);
    assertThat(comments(ISSUE, ":published")).isEqualTo(2);
    assertThat(comments(ISSUE, ":published", "Retries now carry an idempotency key.")).hasSize(1);
    assertThat(comments(ISSUE, ":published", "The gateway no longer resends")).hasSize(1);
    assertThat(store.find(FLOW, "tradinggrid:issue:" + ISSUE).orElseThrow().attributes().orElseThrow())
        .contains(comments(ISSUE, ":published", "Retries now carry").get(0).path("externalRef").asText());

    RunReport again = bridge.run(updates().issueFlow(ISSUE));

    assertThat(again.unchanged()).isEqualTo(1);
    assertThat(comments(ISSUE, ":published")).isEqualTo(2);
  }

  @Test
  void theUpdateDoesNotChangeWhenOnlyTheIssuesEditTimeMoves() {
    attachAudioAndResolve(ISSUE, "The gateway no longer resends purchase orders after a timeout.");
    Issue resolved = sandboxes.tradingGrid.issues().get(ISSUE);
    // an issue closed without a resolution date, edited again later (e.g. by this flow's link PATCH)
    Issue undated = Issue.builder().from(resolved).resolvedAt(Optional.empty()).build();
    Issue editedLater = Issue.builder().from(undated).updatedAt(resolved.updatedAt().plus(Duration.ofMinutes(5)))
        .version(resolved.version() + 1).build();
    PartnerDirectory partners = PartnerDirectory.load(sandboxes.tradingGrid);
    IssueAudioUpdateMapper mapper = new IssueAudioUpdateMapper(RoutingPolicy.everyone(), Snapshot.of("partners", () -> partners),
        List.of("podcast"));

    assertThat(Flow.jsonFingerprint(mapper.map(editedLater, RunContext.detached("test", java.time.Clock.systemUTC())))).isEqualTo(Flow.jsonFingerprint(mapper.map(undated, RunContext.detached("test", java.time.Clock.systemUTC()))));
    assertThat(mapper.map(undated, RunContext.detached("test", java.time.Clock.systemUTC())).pubDate()).isEqualTo(resolved.createdAt());
  }

  @Test
  void aReleaseSpotifyDoesNotListInTimeIsDeadLetteredWithoutHoldingUpTheNextIssueAndItsReplayOnlyConfirmsIt()
      throws IOException {
    String other = TradingGridDemoData.ISSUE_IN_PROGRESS;
    attachAudioAndResolve(ISSUE, "The gateway no longer resends purchase orders after a timeout.");
    attachAudioAndResolve(other, "The Friday cut-off moves to 14:00 during peak.");
    ReleaseWatcher stuck = ReleaseWatchers.neverListing(sandboxes, Set.of("gridcast-issue-" + ISSUE));

    RunReport first = bridge.run(updates(feed, stuck).eventsFlow());

    assertThat(first.stoppedBecause()).isEmpty();
    assertThat(first.deadLettered()).isEqualTo(1);
    assertThat(first.created()).isEqualTo(1);
    assertThat(posts(other)).isEqualTo(1);
    assertThat(posts(ISSUE)).isZero();
    assertThat(feedItems()).extracting(FeedItem::guid)
        .containsExactlyInAnyOrder("gridcast-issue-" + ISSUE, "gridcast-issue-" + other);
    assertThat(store.checkpoint(FLOW, "default")).isPresent();
    assertThat(store.deadLetters(FLOW)).singleElement().extracting(DeadLetter::reason).asString()
        .contains("ReleaseTimeoutException", "gridcast-issue-" + ISSUE);

    ReleaseWatchers.CountingFeedSink counting = new ReleaseWatchers.CountingFeedSink(feed);
    RunReport replay = bridge.replayDeadLetters(updates(counting).eventsFlow());

    assertThat(replay.created()).isEqualTo(1);
    assertThat(counting.upserts).hasValue(0); // phase 1 was done: only the ingestion was confirmed
    assertThat(store.deadLetters(FLOW)).isEmpty();
    assertThat(posts(ISSUE)).isEqualTo(1);
    assertThat(comments(ISSUE, ":published")).isEqualTo(1);
    assertThat(episodeLinks(ISSUE)).hasSize(1);
    assertThat(feedItems()).hasSize(2);
  }

  @Test
  void theDefaultReleaseWatcherGivesUpWellWithinHalfTheBridgesDefaultLease() {
    FeedPublishingConfig publishing = FeedPublishingConfig.builder()
        .showId(SHOW).feedSink(feed).mediaFolder(dir.resolve("media"))
        .mediaBaseUrl(URI.create("https://media.example.com/updates")).build();

    FeedPublisher publisher = new FeedPublisher(sandboxes.spotify, publishing);

    assertThat(publisher.watcher().toString()).contains("deadline=" + FeedPublishingConfig.DEFAULT_RELEASE_DEADLINE);
    assertThat(FeedPublishingConfig.DEFAULT_RELEASE_DEADLINE).isEqualTo(Duration.ofMinutes(2))
        .isLessThan(Duration.ofMinutes(5).dividedBy(2)); // Bridge's default leaseTtl is 5 minutes
  }

  @Test
  void anIssueWithoutAudioIsDeadLetteredAndToldSoOnce() throws IOException {
    String issue = TradingGridDemoData.ISSUE_IN_PROGRESS; // a process change without attachments
    sandboxes.tradingGridSandbox.resolveIssue(issue, "The Friday cut-off moves to 14:00 during peak.");

    RunReport report = bridge.run(updates().eventsFlow());
    RunReport replay = bridge.replayDeadLetters(updates().eventsFlow());

    assertThat(report.deadLettered()).isEqualTo(1);
    assertThat(replay.failed()).isEqualTo(1);
    assertThat(store.deadLetters(FLOW)).singleElement().extracting(DeadLetter::reason).asString()
        .contains("issue " + issue + " has no audio attachment");
    assertThat(comments(issue, ":no-audio")).isEqualTo(1);
    assertThat(sandboxes.tradingGridSandbox.issueComments(issue).get(0).path("body").asText())
        .contains("it has no audio attachment");
    assertThat(posts(issue)).isZero();
    assertThat(feedItems()).isEmpty();
  }

  @Test
  void aWebhookWithABadSignatureIsRefusedAndNothingHappens() throws IOException {
    String body = resolvedEvent(TradingGridDemoData.ISSUE_RESOLVED_WITH_AUDIO);
    String forged = WebhookVerifier.generateSignatureHeader(Secret.of("not-the-secret"), body, Instant.now());
    int comments = sandboxes.tradingGridSandbox.issueComments(TradingGridDemoData.ISSUE_RESOLVED_WITH_AUDIO).size();

    assertThatThrownBy(() -> updates().flowFor(body, forged))
        .isInstanceOfSatisfying(WebhookSignatureException.class,
            e -> assertThat(e.reason()).isEqualTo(WebhookSignatureException.Reason.SIGNATURE_MISMATCH));
    assertThatThrownBy(() -> updates().flowFor(body, null))
        .isInstanceOf(WebhookSignatureException.class);

    assertThat(store.entries(FLOW)).isEmpty();
    assertThat(feedItems()).isEmpty();
    assertThat(posts(TradingGridDemoData.ISSUE_RESOLVED_WITH_AUDIO)).isZero();
    assertThat(sandboxes.tradingGridSandbox.issueComments(TradingGridDemoData.ISSUE_RESOLVED_WITH_AUDIO)).hasSize(comments);
  }

  @Test
  void aVerifiedWebhookPublishesTheReferencedIssue() throws Exception {
    String issue = TradingGridDemoData.ISSUE_RESOLVED_WITH_AUDIO;
    String body = resolvedEvent(issue);

    RunReport report = updates().flowFor(body,
        WebhookVerifier.generateSignatureHeader(WEBHOOK_SECRET, body, Instant.now())).map(bridge::run).orElseThrow();

    assertThat(report.created()).isEqualTo(1);
    assertThat(posts(issue)).isEqualTo(1);
    assertThat(episodeLinks(issue)).hasSize(1);
    assertThat(feedItems()).extracting(FeedItem::guid).containsExactly("gridcast-issue-" + issue);
  }

  @Test
  void aRunStoppedAfterTheFeedWriteIsCompletedByTheNextWithoutASecondFeedItemOrPost() throws IOException {
    attachAudioAndResolve(ISSUE, "The gateway no longer resends purchase orders after a timeout.");
    AtomicBoolean crashed = new AtomicBoolean();
    FeedSink crashingAfterWrite = new ReleaseWatchers.CountingFeedSink(feed) {
      @Override
      public UpsertOutcome upsert(FeedItem item) throws IOException {
        UpsertOutcome outcome = super.upsert(item);
        if (crashed.compareAndSet(false, true)) {
          throw new IOException("connection to the feed origin reset after the write");
        }
        return outcome;
      }
    };

    RunReport first = bridge.run(updates(crashingAfterWrite).eventsFlow());
    assertThat(first.stoppedBecause()).hasValueSatisfying(r -> assertThat(r).contains("FeedPublishException"));
    assertThat(feedItems()).hasSize(1);
    assertThat(posts(ISSUE)).isZero();
    assertThat(store.checkpoint(FLOW, "default")).isEmpty();

    RunReport second = bridge.run(updates().eventsFlow());

    assertThat(second.created()).isEqualTo(1);
    assertThat(feedItems()).hasSize(1);
    assertThat(sandboxes.spotifySandbox.episodeIdForGuid(SHOW, "gridcast-issue-" + ISSUE)).isPresent();
    assertThat(posts(ISSUE)).isEqualTo(1);
    assertThat(comments(ISSUE, ":published")).isEqualTo(1);
    assertThat(episodeLinks(ISSUE)).hasSize(1);
    assertThat(store.checkpoint(FLOW, "default")).isPresent();
  }

  @Test
  void underTheFaultProfileRunsEndInTheExactStateWithoutDuplicates() throws IOException {
    attachAudioAndResolve(ISSUE, "The gateway no longer resends purchase orders after a timeout.");
    attachAudioAndResolve(TradingGridDemoData.ISSUE_SUPPORT, "SSO sessions now survive the portal redirect.");
    sandboxes.faults(Sandboxes.flaky(7));

    RunReport last = null;
    for (int run = 0; run < 6 && (last == null || last.stoppedBecause().isPresent()); run++) {
      last = bridge.run(updates().eventsFlow());
    }

    assertThat(last.stoppedBecause()).isEmpty();
    // a support case is not a trading issue or process change: no audio update
    assertThat(feedItems()).extracting(FeedItem::guid).containsExactly("gridcast-issue-" + ISSUE);
    assertThat(posts(ISSUE)).isEqualTo(1);
    assertThat(posts(TradingGridDemoData.ISSUE_SUPPORT)).isZero();
    assertThat(comments(ISSUE, ":published")).isEqualTo(1);
    assertThat(episodeLinks(ISSUE)).hasSize(1);
    assertThat(store.deadLetters(FLOW)).isEmpty();
  }

  private String resolvedEvent(String issueId) {
    ObjectNode event = JsonNodeFactory.instance.objectNode()
        .put("id", "evt_test_" + issueId).put("type", "issue.resolved").put("occurredAt", Instant.now().toString())
        .put("resourceType", "issue").put("resourceId", issueId);
    event.set("data", sandboxes.tradingGridSandbox.resource(TradingGridResource.ISSUES, issueId).orElseThrow());
    return event.toString();
  }
}
