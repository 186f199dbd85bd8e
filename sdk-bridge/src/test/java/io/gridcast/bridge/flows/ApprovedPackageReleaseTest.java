package io.gridcast.bridge.flows;

import static io.gridcast.bridge.flows.ApprovalFixture.MEDIA_BASE;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.bridge.Fingerprints;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.state.DeadLetter;
import io.gridcast.spotify.feed.FeedItem;
import io.gridcast.spotify.feed.FeedSink;
import io.gridcast.spotify.model.Episode;
import io.gridcast.spotify.model.Image;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.tradinggrid.model.ContentPackage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * Flow 5 publishes what was approved, end to end against both sandboxes: the approved artwork is
 * the episode's {@code itunes:image}, hosted beside the audio; the approved release notes are its
 * show notes, as text; every approved document is pinned by SHA-256 on the audit trail (the
 * script kept on the record); and a document whose bytes changed after approval is never
 * published.
 */
class ApprovedPackageReleaseTest {

  static final String RELEASES = ApprovalFixture.FLOW + "-releases";
  static final String NOTES_HTML = "<p>Returns without tears: the three return codes, a store manager&#39;s story, and "
      + "what changes for suppliers on 1 December.</p><p>With Ana Silva (partner operations) and the Rotterdam returns "
      + "team.</p>";

  @TempDir
  Path dir;

  private ApprovalFixture tg;
  private byte[] cover;
  private String artwork;

  @BeforeEach
  void start() {
    tg = new ApprovalFixture(dir);
    cover = ApprovalFixture.cover(1400, 0x1db954);
    artwork = tg.upload("ep44-cover.png", "image/png", cover);
  }

  @AfterEach
  void stop() {
    tg.close();
  }

  private String sha256(String documentId) {
    return Fingerprints.sha256Hex(tg.documentBytes(documentId));
  }

  private void submitAndApprove(Flow<?, ?> flow) {
    tg.bridge.run(flow);
    tg.decideAll("approve");
  }

  @Test
  void theApprovedArtworkIsTheEpisodesImageHostedBesideTheAudioAndTheReleaseNotesItsShowNotes() throws Exception {
    Flow<?, ?> flow = tg.flow(ApprovalFixture.demoPackage(artwork).build());
    submitAndApprove(flow);

    RunReport report = tg.bridge.run(flow);

    String id = tg.approvalId();
    assertThat(report.stage("releases").failed()).isZero();
    Element item = tg.feedItems().stream().filter(i -> ApprovalFixture.child(i, "guid").equals("gridcast-approval-" + id))
        .findFirst().orElseThrow();
    assertThat(ApprovalFixture.itunesImage(item)).isEqualTo(MEDIA_BASE + "approval-" + id + ".png");
    assertThat(ApprovalFixture.child(item, "description")).isEqualTo(NOTES_HTML);
    assertThat(item.getElementsByTagName("enclosure").item(0).getAttributes().getNamedItem("url").getNodeValue())
        .isEqualTo(MEDIA_BASE + "approval-" + id + ".mp3");
    assertThat(Files.readAllBytes(dir.resolve("media/approval-" + id + ".png"))).isEqualTo(cover);
    assertThat(Files.readAllBytes(dir.resolve("media/approval-" + id + ".mp3")))
        .isEqualTo(tg.documentBytes(TradingGridDemoData.DOCUMENT_EP43_AUDIO));
    assertThat(tg.feed.items()).singleElement().satisfies(i -> {
      assertThat(i.imageUrl()).hasValue(MEDIA_BASE.resolve("approval-" + id + ".png"));
      assertThat(i.description()).isEqualTo(NOTES_HTML);
    });
    String episodeId = tg.sandboxes.spotifySandbox.episodeIdForGuid(ApprovalFixture.SHOW, "gridcast-approval-" + id)
        .orElseThrow();
    Episode episode = tg.sandboxes.spotify.episodes().get(episodeId);
    assertThat(episode.images()).extracting(Image::url).containsExactly(MEDIA_BASE + "approval-" + id + ".png");
    assertThat(episode.description()).isEqualTo("Returns without tears: the three return codes, a store manager's story, "
        + "and what changes for suppliers on 1 December. With Ana Silva (partner operations) and the Rotterdam returns "
        + "team.");
    assertThat(tg.details("published")).containsExactly("Published as feed item gridcast-approval-" + id + " with audio "
        + MEDIA_BASE + "approval-" + id + ".mp3 (sha256 " + sha256(TradingGridDemoData.DOCUMENT_EP43_AUDIO)
        + "), artwork " + MEDIA_BASE + "approval-" + id + ".png (sha256 " + Fingerprints.sha256Hex(cover)
        + ") and show notes from the release notes (sha256 " + sha256(TradingGridDemoData.DOCUMENT_EP43_RELEASE_NOTES) + ")");
  }

  @Test
  void everyApprovedDocumentIsPinnedBySha256OnTheTrailAndTheScriptKeptOnTheRecord() {
    Flow<?, ?> flow = tg.flow(ApprovalFixture.demoPackage(artwork).build());
    tg.bridge.run(flow);
    String script = sha256(TradingGridDemoData.DOCUMENT_EP43_SCRIPT);
    String notes = sha256(TradingGridDemoData.DOCUMENT_EP43_RELEASE_NOTES);
    String audio = sha256(TradingGridDemoData.DOCUMENT_EP43_AUDIO);
    String image = Fingerprints.sha256Hex(cover);
    assertThat(tg.details("package_submitted")).containsExactly("Package for review, round 1: script d_ep43_script sha256 "
        + script + "; artwork " + artwork + " sha256 " + image + "; release notes d_ep43_release_notes sha256 " + notes
        + "; audio d_ep43_audio sha256 " + audio);
    assertThat(tg.details("document_approved")).isEmpty(); // not before the approval

    tg.decideAll("approve");
    tg.bridge.run(flow);
    tg.bridge.run(flow);

    assertThat(tg.details("document_approved")).containsExactly(
        "Approved script: document d_ep43_script, sha256 " + script + " (\"supply-minutes-43-script.md\", 157 bytes)",
        "Approved artwork: document " + artwork + ", sha256 " + image + " (\"ep44-cover.png\", " + cover.length + " bytes)",
        "Approved release notes: document d_ep43_release_notes, sha256 " + notes
            + " (\"supply-minutes-43-release-notes.md\", 187 bytes)",
        "Approved audio: document d_ep43_audio, sha256 " + audio + " (\"supply-minutes-43.mp3\", 12000 bytes)");
    assertThat(tg.actions()).containsSubsequence("requested", "package_submitted", "decision_recorded", "document_approved",
        "published", "confirmed_on_spotify");
    assertThat(tg.details("package_submitted")).hasSize(1);
  }

  @Test
  void aDocumentSwappedAfterItWasSubmittedForReviewIsNeverPublished() throws IOException {
    Flow<?, ?> flow = tg.flow(ApprovalFixture.demoPackage(artwork).build());
    String submitted = sha256(TradingGridDemoData.DOCUMENT_EP43_AUDIO);
    submitAndApprove(flow);
    byte[] other = tg.documentBytes(TradingGridDemoData.DOCUMENT_ASN_AUDIO);
    tg.sandboxes.tradingGridSandbox.replaceDocumentContent(TradingGridDemoData.DOCUMENT_EP43_AUDIO, other);

    RunReport report = tg.bridge.run(flow);
    tg.bridge.run(flow);

    String id = tg.approvalId();
    assertThat(report.stage("releases").deadLettered()).isEqualTo(1);
    String reason = "audio document d_ep43_audio changed after it was submitted for review: sha256 " + submitted
        + " was submitted for review, Trading Grid now serves " + Fingerprints.sha256Hex(other);
    assertThat(tg.store.deadLetters(RELEASES)).singleElement().extracting(DeadLetter::reason).asString()
        .contains("ApprovedPackageChangedException", "approval " + id + " is not released: " + reason);
    assertThat(tg.details("release_blocked")).containsExactly("Release blocked: " + reason);
    assertThat(tg.details("document_approved")).noneMatch(d -> d.startsWith("Approved audio"));
    assertThat(tg.feed.items()).isEmpty();
    assertThat(tg.mediaFiles()).isEmpty();
    assertThat(tg.actions()).doesNotContain("published");
  }

  @Test
  void releaseNotesSwappedAfterTheApprovalAreRefusedWhenTheReleaseReadsThemAgain() throws IOException {
    ContentPackage pkg = ApprovalFixture.demoPackage(artwork).build();
    submitAndApprove(tg.flow(pkg));
    FeedSink unreachable = new ReleaseWatchers.CountingFeedSink(tg.feed) {
      @Override
      public UpsertOutcome upsert(FeedItem item) throws IOException {
        throw new IOException("feed origin unreachable");
      }
    };
    RunReport stopped = tg.bridge.run(tg.flow(pkg, ApprovalFixture.DESCRIPTION, unreachable));
    assertThat(stopped.stage("releases").stoppedBecause()).isPresent();
    String approved = sha256(TradingGridDemoData.DOCUMENT_EP43_RELEASE_NOTES);
    assertThat(tg.details("document_approved")).anyMatch(d -> d.startsWith(
        "Approved release notes: document d_ep43_release_notes, sha256 " + approved));
    byte[] swapped = "<p>Now with a <a href=\"https://evil.example\">prize draw</a></p>".getBytes(StandardCharsets.UTF_8);
    tg.sandboxes.tradingGridSandbox.replaceDocumentContent(TradingGridDemoData.DOCUMENT_EP43_RELEASE_NOTES, swapped);

    RunReport report = tg.bridge.run(tg.flow(pkg));

    String reason = "release notes document d_ep43_release_notes changed after it was approved: sha256 " + approved
        + " was approved, Trading Grid now serves " + Fingerprints.sha256Hex(swapped);
    assertThat(report.stage("releases").deadLettered()).isEqualTo(1);
    assertThat(tg.store.deadLetters(RELEASES)).singleElement().extracting(DeadLetter::reason).asString()
        .contains("ApprovedPackageChangedException", reason);
    assertThat(tg.details("release_blocked")).containsExactly("Release blocked: " + reason);
    assertThat(tg.feed.items()).isEmpty();
    assertThat(tg.actions()).doesNotContain("published");
  }

  @Test
  void hostileReleaseNotesReachTheFeedAsTextAndNeverAsMarkup() throws Exception {
    String hostile = tg.upload("notes.md", "text/markdown", ("<script>alert(1)</script> & <img src=x onerror=alert(2)>\r\n"
        + "second line \u202Egnp.exe\u0007\n\n]]></description><link>https://evil.example</link>")
        .getBytes(StandardCharsets.UTF_8));
    Flow<?, ?> flow = tg.flow(ApprovalFixture.demoPackage(artwork).releaseNotesDocumentId(hostile).build());
    submitAndApprove(flow);

    tg.bridge.run(flow);

    String xml = Files.readString(tg.feedFile);
    assertThat(xml).doesNotContain("<script", "<img", "<link>https://evil.example");
    Element item = tg.feedItems().get(0);
    assertThat(ApprovalFixture.child(item, "description")).isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; "
        + "&lt;img src=x onerror=alert(2)&gt;<br>second line gnp.exe</p><p>]]&gt;&lt;/description&gt;&lt;link&gt;"
        + "https://evil.example&lt;/link&gt;</p>");
    assertThat(item.getElementsByTagName("link").getLength()).isZero();
  }

  @Test
  void releaseNotesThatAreNotTextBlockTheReleaseWithTheReasonOnTheTrail() throws IOException {
    String pdf = tg.upload("notes.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
    Flow<?, ?> flow = tg.flow(ApprovalFixture.demoPackage(artwork).releaseNotesDocumentId(pdf).build());
    submitAndApprove(flow);

    RunReport report = tg.bridge.run(flow);

    assertThat(report.stage("releases").deadLettered()).isEqualTo(1);
    String problem = "release notes \"notes.pdf\" are \"application/pdf\"; show notes are taken from a text/plain or "
        + "text/markdown document";
    assertThat(tg.store.deadLetters(RELEASES)).singleElement().extracting(DeadLetter::reason).asString()
        .contains("ReleaseNotesRejectedException", problem);
    assertThat(tg.details("release_blocked")).containsExactly("Release blocked: " + problem);
    assertThat(tg.feed.items()).isEmpty();
    assertThat(tg.mediaFiles()).isEmpty();
  }

  @Test
  void showNotesLongerThanAnRssDescriptionMayBeAreRefusedNotCut() {
    ShowNotes.Result result = ShowNotes.of("long.txt", "text/plain; charset=utf-8",
        "x".repeat(ShowNotes.MAX_CHARS).getBytes(StandardCharsets.UTF_8));
    assertThat(result.ok()).isFalse();
    assertThat(result.problem()).isEqualTo("release notes \"long.txt\" make 4007 characters of show notes; at most 4000 "
        + "are accepted");
    assertThat(ShowNotes.of("bad.txt", "text/plain", new byte[] {(byte) 0xc3, 0x28}).problem())
        .isEqualTo("release notes \"bad.txt\" are not UTF-8 text");
    assertThat(List.of(ShowNotes.of("a.md", "text/markdown", "a\n\n\nb".getBytes(StandardCharsets.UTF_8)).description()))
        .containsExactly("<p>a</p><p>b</p>");
  }
}
