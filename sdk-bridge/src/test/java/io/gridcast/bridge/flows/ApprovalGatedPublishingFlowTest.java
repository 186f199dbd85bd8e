package io.gridcast.bridge.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.state.DeadLetter;
import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.bridge.testing.Sandboxes;
import io.gridcast.spotify.feed.FeedItem;
import io.gridcast.spotify.feed.FeedSink;
import io.gridcast.spotify.feed.FileSystemFeedSink;
import io.gridcast.spotify.feed.ReleaseWatcher;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridResource;
import io.gridcast.tradinggrid.model.Approval;
import io.gridcast.tradinggrid.model.ApprovalCreate;
import io.gridcast.tradinggrid.model.ContentPackage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovalGatedPublishingFlowTest {

  static final String SHOW = SpotifyDemoData.SHOW_ARCHIVE_SESSIONS;
  static final String SUBMITTER = "content-team@halvorsen-pike.example";
  static final String FLOW = "approval-publishing";
  static final String RELEASES = FLOW + "-releases";
  static final String DESCRIPTION = "How the peak cut-offs work.";

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
    feed = FileSystemFeedSink.create(dir.resolve("releases.xml"), URI.create("https://feeds.example.com/releases.xml"),
        IssueAudioUpdatesFlowTest.channel());
    sandboxes.spotifySandbox.registerFeed(SHOW, dir.resolve("releases.xml").toUri());
  }

  @AfterEach
  void stop() {
    sandboxes.close();
  }

  private Flow<?, ?> flow(String artworkDocumentId) {
    return flow(artworkDocumentId, feed, ReleaseWatchers.ingesting(sandboxes), DESCRIPTION, FLOW);
  }

  private Flow<?, ?> flow(String artworkDocumentId, FeedSink sink, ReleaseWatcher watcher,
      String description, String flowName) {
    ContentPackage pkg = ContentPackage.builder()
        .scriptDocumentId(TradingGridDemoData.DOCUMENT_EP43_SCRIPT)
        .artworkDocumentId(artworkDocumentId)
        .releaseNotesDocumentId(TradingGridDemoData.DOCUMENT_EP43_RELEASE_NOTES)
        .audioDocumentId(TradingGridDemoData.DOCUMENT_EP43_AUDIO)
        .build();
    return ApprovalGatedPublishingFlow.create(sandboxes.spotify, sandboxes.tradingGrid,
        ApprovalGatedPublishingConfig.builder()
            .publishing(FeedPublishingConfig.builder().showId(SHOW).feedSink(sink).mediaFolder(dir.resolve("media"))
                .mediaBaseUrl(URI.create("https://media.example.com/releases/")).releaseWatcher(watcher).build())
            .addSubmissions(new ContentSubmission("ep44", "Supply Chain Minutes 44: Peak without panic",
                description, pkg, SUBMITTER))
            .flowName(flowName)
            .build());
  }

  private String goodArtwork() throws IOException {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(1400, 1400, BufferedImage.TYPE_INT_RGB), "png", png);
    return sandboxes.tradingGridSandbox.uploadDocument("ep44-cover.png", "image/png", png.toByteArray())
        .path("id").asText();
  }

  private String approvalId() {
    return approvalId(FLOW);
  }

  private String approvalId(String flowName) {
    return sandboxes.tradingGridSandbox.resources(TradingGridResource.APPROVALS).stream()
        .filter(a -> a.path("externalRef").asText().equals("gridcast:approval:" + flowName + ":ep44"))
        .map(a -> a.path("id").asText()).findFirst().orElseThrow();
  }

  private long count(String approvalId, String action) {
    return actions(approvalId).stream().filter(action::equals).count();
  }

  private List<JsonNode> reviewMessages(String approvalId) {
    return sandboxes.tradingGridSandbox.resources(TradingGridResource.THREADS).stream()
        .filter(t -> t.path("externalRef").asText().equals("gridcast:approval-review:" + approvalId))
        .findFirst().map(t -> sandboxes.tradingGridSandbox.threadMessages(t.path("id").asText())).orElse(List.of());
  }

  private List<String> actions(String approvalId) {
    return sandboxes.tradingGridSandbox.auditTrail(approvalId).stream().map(e -> e.path("action").asText()).toList();
  }

  private void decideAll(String approvalId, String lastDecision) {
    sandboxes.tradingGridSandbox.decideApproval(approvalId, "legal", "approve", "m.okafor@halvorsen-pike.example", null);
    sandboxes.tradingGridSandbox.decideApproval(approvalId, "compliance", "approve", "j.berg@halvorsen-pike.example", null);
    sandboxes.tradingGridSandbox.decideApproval(approvalId, "partner_operations", lastDecision,
        "a.silva@halvorsen-pike.example", "Intro too long");
  }

  @Test
  void aFullyApprovedPackageIsReleasedOnceWithEveryStepOnTheAuditTrail() throws IOException {
    Flow<?, ?> flow = flow(goodArtwork());
    RunReport first = bridge.run(flow);
    String id = approvalId();
    assertThat(first.stage("requests").created()).isEqualTo(1);
    // the platform's own entry, then ours: who asked whom, and each document's SHA-256
    assertThat(actions(id)).containsExactly("submitted", "requested", "package_submitted");
    assertThat(sandboxes.tradingGridSandbox.auditTrail(id).get(1).path("actor").asText()).isEqualTo(SUBMITTER);
    assertThat(feed.items()).isEmpty(); // pending: nothing released

    decideAll(id, "approve");
    bridge.run(flow);

    assertThat(feed.items()).extracting(FeedItem::guid).containsExactly("gridcast-approval-" + id);
    assertThat(sandboxes.spotifySandbox.episodeIdForGuid(SHOW, "gridcast-approval-" + id)).isPresent();
    assertThat(actions(id)).containsSubsequence("requested", "decision_recorded", "decision_recorded",
        "decision_recorded", "published", "confirmed_on_spotify");
    assertThat(store.entries(RELEASES)).singleElement()
        .satisfies(e -> assertThat(e.attributes().orElseThrow()).contains("approved", "spotify:episode:"));
  }

  @Test
  void anApprovalCreatedInTradingGridIsReleasedOnceApprovedWithoutBeingListedInCode() throws IOException {
    ContentPackage pkg = ContentPackage.builder()
        .scriptDocumentId(TradingGridDemoData.DOCUMENT_EP43_SCRIPT).artworkDocumentId(goodArtwork())
        .releaseNotesDocumentId(TradingGridDemoData.DOCUMENT_EP43_RELEASE_NOTES)
        .audioDocumentId(TradingGridDemoData.DOCUMENT_EP43_AUDIO).build();
    Approval made = sandboxes.tradingGrid.approvals().create(ApprovalCreate.builder()
        .title("Supply Chain Minutes 45: Returns at peak").description("What returns cost in December.")
        .contentPackage(pkg).requiredRoles(List.of("legal", "compliance", "partner_operations")).build(), "made-in-tg-45");
    Approval notTaken = sandboxes.tradingGrid.approvals().create(ApprovalCreate.builder()
        .title("Warehouse memo").description("Not for the podcast.")
        .contentPackage(pkg).requiredRoles(List.of("legal", "compliance", "partner_operations")).build(), "made-in-tg-memo");
    Flow<?, ?> flow = ApprovalGatedPublishingFlow.create(sandboxes.spotify, sandboxes.tradingGrid,
        ApprovalGatedPublishingConfig.builder()
            .publishing(FeedPublishingConfig.builder().showId(SHOW).feedSink(feed).mediaFolder(dir.resolve("media"))
                .mediaBaseUrl(URI.create("https://media.example.com/releases/")).releaseWatcher(ReleaseWatchers.ingesting(sandboxes))
                .build())
            .approvalsFromTradingGrid(a -> a.title().startsWith("Supply Chain Minutes 45"))
            .build());

    RunReport pending = bridge.run(flow);
    assertThat(pending.stage("releases").seen()).as("the one approval the configuration takes").isEqualTo(1);
    assertThat(feed.items()).isEmpty();

    decideAll(made.id(), "approve");
    decideAll(notTaken.id(), "approve");
    bridge.run(flow);

    assertThat(feed.items()).singleElement().satisfies(item -> {
      assertThat(item.guid()).isEqualTo("gridcast-approval-" + made.id());
      assertThat(item.title()).isEqualTo("Supply Chain Minutes 45: Returns at peak");
    });
    assertThat(actions(made.id())).containsSubsequence("decision_recorded", "published", "confirmed_on_spotify");
    assertThat(actions(notTaken.id())).doesNotContain("decision_recorded", "published");
    RunReport again = bridge.run(flow);
    assertThat(again.stage("releases").created() + again.stage("releases").updated()).isZero();
    assertThat(feed.items()).hasSize(1);
  }

  @Test
  void aReRunAppendsNothingAndPublishesNothingAgain() throws IOException {
    Flow<?, ?> flow = flow(goodArtwork());
    bridge.run(flow);
    decideAll(approvalId(), "approve");
    bridge.run(flow);
    int trail = actions(approvalId()).size();
    int episodes = sandboxes.spotifySandbox.episodeCount(SHOW);

    RunReport again = bridge.run(flow);

    assertThat(again.created() + again.updated() + again.failed()).isZero();
    assertThat(again.stage("requests").unchanged()).isEqualTo(1);
    // no approval event since the last run: the releases phase reads nothing
    assertThat(again.stage("releases").seen()).isZero();
    assertThat(actions(approvalId())).hasSize(trail);
    assertThat(feed.items()).hasSize(1);
    assertThat(sandboxes.spotifySandbox.episodeCount(SHOW)).isEqualTo(episodes);
    assertThat(sandboxes.tradingGridSandbox.resources(TradingGridResource.APPROVALS).stream()
        .filter(a -> a.path("externalRef").asText().startsWith("gridcast:approval:")).count()).isEqualTo(1);
  }

  @Test
  void aRejectedPackageIsNeverPublishedAndItsSubmitterIsToldOnce() throws IOException {
    Flow<?, ?> flow = flow(goodArtwork());
    bridge.run(flow);
    String id = approvalId();
    decideAll(id, "reject");

    bridge.run(flow);
    bridge.run(flow);

    assertThat(feed.items()).isEmpty();
    assertThat(actions(id)).contains("not_released").doesNotContain("published");
    assertThat(actions(id).stream().filter("not_released"::equals).count()).isEqualTo(1);
    JsonNode thread = sandboxes.tradingGridSandbox.resources(TradingGridResource.THREADS).stream()
        .filter(t -> t.path("externalRef").asText().equals("gridcast:approval-review:" + id)).findFirst().orElseThrow();
    List<JsonNode> messages = sandboxes.tradingGridSandbox.threadMessages(thread.path("id").asText());
    assertThat(messages).singleElement().satisfies(m -> assertThat(m.path("body").asText())
        .startsWith("@" + SUBMITTER).contains("rejected", "partner\\_operations: reject", "Intro too long"));
  }

  @Test
  void badArtworkBlocksTheReleaseWithTheReasonOnTheAuditTrail() throws IOException {
    // the demo artwork is a 240 x 240 picture: far below what Spotify accepts
    Flow<?, ?> flow = flow(TradingGridDemoData.DOCUMENT_EP43_ARTWORK);
    bridge.run(flow);
    String id = approvalId();
    decideAll(id, "approve");

    RunReport reports = bridge.run(flow);
    bridge.run(flow);

    assertThat(reports.stage("releases").deadLettered()).isEqualTo(1);
    assertThat(store.deadLetters(RELEASES)).singleElement().extracting(DeadLetter::reason)
        .asString().contains("is not released", "is 240x240 px; Spotify accepts 1400x1400 to 3000x3000 px",
            "square JPEG or PNG of 1400-3000 px");
    List<JsonNode> blocked = sandboxes.tradingGridSandbox.auditTrail(id).stream()
        .filter(e -> e.path("action").asText().equals("release_blocked")).toList();
    assertThat(blocked).singleElement()
        .satisfies(e -> assertThat(e.path("detail").asText()).contains("supply-minutes-43-cover.png"));
    assertThat(feed.items()).isEmpty();
  }

  @Test
  void aFileNameWithLineBreaksCannotForgeALogLine() throws IOException {
    String forged = "cover.png\r\n08:00:00.000 INFO  [main] io.gridcast.bridge.FlowRun - approval released";
    String artwork = sandboxes.tradingGridSandbox.uploadDocument(forged, "image/png", new byte[] {1, 2, 3}).path("id").asText();
    Flow<?, ?> flow = flow(artwork);
    bridge.run(flow);
    decideAll(approvalId(), "approve");
    ch.qos.logback.classic.Logger gridcast =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.gridcast");
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
        new ch.qos.logback.core.read.ListAppender<>();
    lines.start();
    gridcast.addAppender(lines);
    try {
      bridge.run(flow);
    } finally {
      gridcast.detachAppender(lines);
    }

    assertThat(store.deadLetters(RELEASES)).singleElement().extracting(DeadLetter::reason).asString()
        .contains("cover.png\\r\\n08:00:00.000 INFO").doesNotContain("\r", "\n");
    assertThat(lines.list).isNotEmpty().allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain("\r", "\n"));
    assertThat(lines.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("cover.png\\r\\n"));
  }

  @Test
  void aRequestForChangesIsNotPublishedAndTheSubmitterIsToldOnceQuotingThatDecision() throws IOException {
    Flow<?, ?> flow = flow(goodArtwork());
    bridge.run(flow);
    String id = approvalId();

    sandboxes.tradingGridSandbox.decideApproval(id, "legal", "request_changes", "m.okafor@halvorsen-pike.example",
        "Cite the music licence");
    bridge.run(flow);
    sandboxes.tradingGridSandbox.decideApproval(id, "compliance", "approve", "j.berg@halvorsen-pike.example", null);
    bridge.run(flow);
    sandboxes.tradingGridSandbox.decideApproval(id, "partner_operations", "approve", "a.silva@halvorsen-pike.example",
        null);
    RunReport last = bridge.run(flow);

    assertThat(last.stage("releases").failed()).isZero();
    assertThat(feed.items()).isEmpty();
    assertThat(actions(id)).doesNotContain("published");
    assertThat(count(id, "not_released")).isEqualTo(1);
    assertThat(sandboxes.tradingGridSandbox.auditTrail(id).stream()
        .filter(e -> e.path("action").asText().equals("not_released")).findFirst().orElseThrow()
        .path("detail").asText()).contains("changes requested", "legal: request_changes");
    assertThat(reviewMessages(id)).singleElement().satisfies(m -> assertThat(m.path("body").asText())
        .startsWith("@" + SUBMITTER)
        .contains("sent back with changes requested", "legal: request\\_changes by m.okafor", "Cite the music licence")
        .doesNotContain("approve by"));
    assertThat(store.entries(RELEASES)).singleElement()
        .satisfies(e -> assertThat(e.attributes().orElseThrow()).isEqualTo("{\"outcome\":\"changes_requested\"}"));
  }

  @Test
  void aSubmissionChangedAfterItWasSubmittedIsDeadLetteredAndTheApprovalLeftAsItWas() throws IOException {
    String artwork = goodArtwork();
    bridge.run(flow(artwork));
    String id = approvalId();
    int trail = actions(id).size();

    RunReport reports = bridge.run(flow(artwork, feed, ReleaseWatchers.ingesting(sandboxes), "A different description.", FLOW));

    assertThat(reports.stage("requests").deadLettered()).isEqualTo(1);
    assertThat(store.deadLetters(FLOW + "-requests")).singleElement().extracting(DeadLetter::reason).asString()
        .contains("submission ep44 changed after it was submitted as approval " + id, "which is pending",
            "resubmitted under the same key");
    JsonNode approval = sandboxes.tradingGridSandbox.resource(TradingGridResource.APPROVALS, id).orElseThrow();
    assertThat(approval.path("description").asText()).isEqualTo(DESCRIPTION);
    assertThat(actions(id)).hasSize(trail);
    assertThat(sandboxes.tradingGridSandbox.resources(TradingGridResource.APPROVALS).stream()
        .filter(a -> a.path("externalRef").asText().startsWith("gridcast:approval:")).count()).isEqualTo(1);
  }

  @Test
  void configurationsWithOtherFlowNamesNeverAdoptEachOthersApprovals() throws IOException {
    String artwork = goodArtwork();
    bridge.run(flow(artwork));
    Flow<?, ?> other = flow(artwork, feed, ReleaseWatchers.ingesting(sandboxes), DESCRIPTION,
        "studio-publishing");

    RunReport reports = bridge.run(other);

    assertThat(reports.stage("requests").created()).isEqualTo(1);
    assertThat(approvalId("studio-publishing")).isNotEqualTo(approvalId(FLOW));
    assertThat(store.entries("studio-publishing-releases")).singleElement()
        .satisfies(e -> assertThat(e.targetId()).isEqualTo(approvalId("studio-publishing")));
    assertThat(store.entries(RELEASES)).singleElement()
        .satisfies(e -> assertThat(e.targetId()).isEqualTo(approvalId(FLOW)));
  }

  @Test
  void aStepWhoseTextChangedIsAppendedUnderItsOwnKeyInsteadOfReusingTheOldOne() throws IOException {
    bridge.run(flow(goodArtwork()));
    String id = approvalId();

    new AuditTrail(sandboxes.tradingGrid, RELEASES, id).once("published", AuditTrail.ACTOR, "published",
        "Published as feed item gridcast-approval-" + id + " with audio https://old.example.com/a.mp3");
    new AuditTrail(sandboxes.tradingGrid, RELEASES, id).once("published", AuditTrail.ACTOR, "published",
        "Published as feed item gridcast-approval-" + id + " with audio https://new.example.com/a.mp3");
    new AuditTrail(sandboxes.tradingGrid, RELEASES, id).once("published", AuditTrail.ACTOR, "published",
        "Published as feed item gridcast-approval-" + id + " with audio https://new.example.com/a.mp3");

    assertThat(sandboxes.tradingGridSandbox.auditTrail(id).stream()
        .filter(e -> e.path("action").asText().equals("published")).map(e -> e.path("detail").asText()))
        .containsExactly("Published as feed item gridcast-approval-" + id + " with audio https://old.example.com/a.mp3",
            "Published as feed item gridcast-approval-" + id + " with audio https://new.example.com/a.mp3");
  }

  @Test
  void aReleaseStoppedAfterTheFeedWriteIsCompletedByTheNextRunWithoutASecondItemOrAuditEntry() throws IOException {
    String artwork = goodArtwork();
    bridge.run(flow(artwork));
    String id = approvalId();
    decideAll(id, "approve");
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

    RunReport first = bridge.run(flow(artwork, crashingAfterWrite, ReleaseWatchers.ingesting(sandboxes), DESCRIPTION, FLOW));
    assertThat(first.stage("releases").stoppedBecause()).hasValueSatisfying(r -> assertThat(r).contains("FeedPublishException"));
    assertThat(feed.items()).hasSize(1);
    assertThat(actions(id)).doesNotContain("published", "confirmed_on_spotify");

    RunReport second = bridge.run(flow(artwork));

    assertThat(second.stage("releases").updated()).isEqualTo(1);
    assertThat(feed.items()).extracting(FeedItem::guid).containsExactly("gridcast-approval-" + id);
    assertThat(count(id, "decision_recorded")).isEqualTo(3);
    assertThat(count(id, "published")).isEqualTo(1);
    assertThat(count(id, "confirmed_on_spotify")).isEqualTo(1);
    assertThat(sandboxes.spotifySandbox.episodeIdForGuid(SHOW, "gridcast-approval-" + id)).isPresent();
  }

  @Test
  void aReleaseSpotifyDoesNotListInTimeIsDeadLetteredAndTheNextRunOnlyConfirmsIt() throws IOException {
    String artwork = goodArtwork();
    bridge.run(flow(artwork));
    String id = approvalId();
    decideAll(id, "approve");
    ReleaseWatcher stuck = ReleaseWatchers.neverListing(sandboxes, Set.of("gridcast-approval-" + id));

    RunReport first = bridge.run(flow(artwork, feed, stuck, DESCRIPTION, FLOW));

    assertThat(first.stage("releases").stoppedBecause()).isEmpty();
    assertThat(first.stage("releases").deadLettered()).isEqualTo(1);
    assertThat(store.deadLetters(RELEASES)).singleElement().extracting(DeadLetter::reason).asString()
        .contains("ReleaseTimeoutException", "gridcast-approval-" + id);
    assertThat(feed.items()).hasSize(1);
    assertThat(count(id, "published")).isEqualTo(1);
    assertThat(actions(id)).doesNotContain("confirmed_on_spotify");

    ReleaseWatchers.CountingFeedSink counting = new ReleaseWatchers.CountingFeedSink(feed);
    RunReport next = bridge.run(flow(artwork, counting, ReleaseWatchers.ingesting(sandboxes), DESCRIPTION, FLOW));

    assertThat(next.stage("releases").updated()).isEqualTo(1);
    assertThat(counting.upserts).hasValue(0); // the feed item was written: only the ingestion was confirmed
    assertThat(store.deadLetters(RELEASES)).isEmpty();
    assertThat(count(id, "published")).isEqualTo(1);
    assertThat(count(id, "confirmed_on_spotify")).isEqualTo(1);
    assertThat(store.entries(RELEASES)).singleElement()
        .satisfies(e -> assertThat(e.attributes().orElseThrow()).contains("\"outcome\":\"approved\"", "spotify:episode:"));
  }

  @Test
  void artworkOfTheWrongSizeIsRefusedWithItsDimensions() throws IOException {
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(1200, 1200, BufferedImage.TYPE_INT_RGB), "jpeg", jpeg);
    assertThat(ArtworkCheck.problem("small.jpg", jpeg.toByteArray())).hasValueSatisfying(p -> assertThat(p)
        .contains("1200x1200", "1400x1400"));
    ByteArrayOutputStream wide = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(1600, 1400, BufferedImage.TYPE_INT_RGB), "png", wide);
    assertThat(ArtworkCheck.problem("wide.png", wide.toByteArray())).hasValueSatisfying(p -> assertThat(p)
        .contains("must be square"));
  }

  @Test
  void underTheFaultProfileTheReleaseEndsInTheExactState() throws IOException {
    Flow<?, ?> flow = flow(goodArtwork());
    sandboxes.faults(Sandboxes.flaky(11));
    runUntilClean(flow);
    String id = approvalId();
    decideAll(id, "approve");

    runUntilClean(flow);

    assertThat(feed.items()).extracting(FeedItem::guid).containsExactly("gridcast-approval-" + id);
    List<String> actions = actions(id);
    assertThat(actions.stream().filter("requested"::equals).count()).isEqualTo(1);
    assertThat(actions.stream().filter("decision_recorded"::equals).count()).isEqualTo(3);
    assertThat(actions.stream().filter("published"::equals).count()).isEqualTo(1);
    assertThat(actions.stream().filter("confirmed_on_spotify"::equals).count()).isEqualTo(1);
  }

  private void runUntilClean(Flow<?, ?> flow) {
    for (int i = 0; i < 6; i++) {
      RunReport reports = bridge.run(flow);
      if (reports.stoppedBecause().isEmpty() && reports.failed() == 0) {
        return;
      }
    }
    throw new AssertionError("runs did not settle under the fault profile");
  }
}
