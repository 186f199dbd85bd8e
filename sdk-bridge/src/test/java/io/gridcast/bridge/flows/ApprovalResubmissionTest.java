package io.gridcast.bridge.flows;

import static io.gridcast.bridge.flows.ApprovalFixture.MEDIA_BASE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.bridge.Fingerprints;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.state.DeadLetter;
import io.gridcast.bridge.testing.Sandboxes;
import io.gridcast.testkit.TradingGridResource;
import io.gridcast.tradinggrid.model.ContentPackage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * A rejected package is revised and resubmitted under the same key: the same approval, reviewed
 * again in its next round, then released; one approval, one ledger item, one feed item.
 */
class ApprovalResubmissionTest {

  static final String REQUESTS = ApprovalFixture.FLOW + "-requests";
  static final String RELEASES = ApprovalFixture.FLOW + "-releases";

  @TempDir
  Path dir;

  private ApprovalFixture tg;
  private String firstCover;
  private ContentPackage first;

  @BeforeEach
  void start() {
    tg = new ApprovalFixture(dir);
    firstCover = tg.upload("ep44-cover.png", "image/png", ApprovalFixture.cover(1400, 0xaa0000));
    first = ApprovalFixture.demoPackage(firstCover).build();
  }

  @AfterEach
  void stop() {
    tg.close();
  }

  @Test
  void aRejectedPackageRevisedUnderTheSameKeyIsReviewedAgainInTheSameApprovalAndReleased() throws Exception {
    tg.bridge.run(tg.flow(first));
    String id = tg.approvalId();
    tg.decideAll("reject");
    tg.bridge.run(tg.flow(first));
    assertThat(tg.feed.items()).isEmpty();

    byte[] revisedCover = ApprovalFixture.cover(1400, 0x1db954);
    String revisedArtwork = tg.upload("ep44-cover-v2.png", "image/png", revisedCover);
    Flow<?, ?> revised = tg.flow(ApprovalFixture.demoPackage(revisedArtwork).build(), "Peak cut-offs, shorter intro.",
        tg.feed);
    RunReport resubmitted = tg.bridge.run(revised);

    assertThat(resubmitted.stage("requests").updated()).isEqualTo(1);
    assertThat(resubmitted.stage("requests").deadLettered()).isZero();
    assertThat(tg.approvals()).singleElement().satisfies(a -> {
      assertThat(a.path("id").asText()).isEqualTo(id);
      assertThat(a.path("round").asInt()).isEqualTo(2);
      assertThat(a.path("status").asText()).isEqualTo("pending");
      assertThat(a.path("package").path("artworkDocumentId").asText()).isEqualTo(revisedArtwork);
      assertThat(a.path("description").asText()).isEqualTo("Peak cut-offs, shorter intro.");
    });
    assertThat(tg.details("resubmitted")).containsExactly("Round 2 submitted for review — Revised package resubmitted by "
        + ApprovalFixture.SUBMITTER);
    assertThat(tg.details("requested")).containsExactly(
        "Review requested from compliance, legal, partner_operations for \"" + ApprovalFixture.TITLE + "\"",
        "Review of the revised package (round 2) requested from compliance, legal, partner_operations for \""
            + ApprovalFixture.TITLE + "\"");
    assertThat(tg.details("package_submitted")).hasSize(2).last().asString()
        .startsWith("Package for review, round 2: ").contains("artwork " + revisedArtwork + " sha256 "
            + Fingerprints.sha256Hex(revisedCover));
    assertThat(tg.store.entries(REQUESTS)).singleElement().satisfies(e -> assertThat(e.targetId()).isEqualTo(id));

    tg.decideAll("approve");
    RunReport released = tg.bridge.run(revised);

    assertThat(released.stage("releases").failed()).isZero();
    Element item = tg.feedItems().get(0);
    assertThat(tg.feedItems()).hasSize(1);
    assertThat(ApprovalFixture.child(item, "guid")).isEqualTo("gridcast-approval-" + id);
    assertThat(ApprovalFixture.itunesImage(item)).isEqualTo(MEDIA_BASE + "approval-" + id + ".png");
    assertThat(Files.readAllBytes(dir.resolve("media/approval-" + id + ".png"))).isEqualTo(revisedCover);
    assertThat(tg.details("document_approved")).contains("Approved artwork: document " + revisedArtwork + ", sha256 "
        + Fingerprints.sha256Hex(revisedCover) + " (\"ep44-cover-v2.png\", " + revisedCover.length + " bytes)");
    assertThat(tg.details("decision_recorded")).contains("partner_operations: reject by a.silva@halvorsen-pike.example "
        + "(Intro too long)", "partner_operations: approve by a.silva@halvorsen-pike.example (Intro too long), round 2");
    assertThat(tg.store.entries(RELEASES)).singleElement().satisfies(e -> {
      assertThat(e.targetId()).isEqualTo(id);
      assertThat(e.attributes().orElseThrow()).contains("\"outcome\":\"approved\"", "\"round\":\"2\"");
    });

    RunReport again = tg.bridge.run(revised);
    assertThat(again.created() + again.updated() + again.failed()).isZero();
    assertThat(tg.approvals()).hasSize(1);
    assertThat(tg.feed.items()).hasSize(1);
  }

  @Test
  void aResubmissionWhoseLedgerWriteWasLostIsCompletedWithoutAnotherRound() {
    tg.bridge.run(tg.flow(first));
    String id = tg.approvalId();
    tg.decideAll("reject");
    tg.bridge.run(tg.flow(first));
    String revisedArtwork = tg.upload("ep44-cover-v2.png", "image/png", ApprovalFixture.cover(1400, 0x1db954));
    ContentPackage revised = ApprovalFixture.demoPackage(revisedArtwork).build();
    // an earlier attempt resubmitted the revision, then stopped before its ledger write
    tg.sandboxes.tradingGridSandbox.resubmitApproval(id, Map.of("scriptDocumentId", revised.scriptDocumentId(),
        "artworkDocumentId", revisedArtwork, "releaseNotesDocumentId", revised.releaseNotesDocumentId(),
        "audioDocumentId", revised.audioDocumentId()), ApprovalFixture.SUBMITTER, null);

    RunReport report = tg.bridge.run(tg.flow(revised));
    tg.bridge.run(tg.flow(revised));

    assertThat(report.stage("requests").updated()).isEqualTo(1);
    assertThat(report.stage("requests").failed()).isZero();
    assertThat(tg.approvals()).singleElement().satisfies(a -> assertThat(a.path("round").asInt()).isEqualTo(2));
    assertThat(tg.details("resubmitted")).hasSize(1);
    assertThat(tg.details("requested")).hasSize(2).last().asString().contains("(round 2)");
    assertThat(tg.details("package_submitted")).hasSize(2);
  }

  @Test
  void underTheFaultProfileAResubmissionEndsInTheExactState() throws Exception {
    tg.sandboxes.faults(Sandboxes.flaky(23));
    runUntilClean(tg.flow(first));
    String id = tg.approvalId();
    tg.decideAll("reject");
    runUntilClean(tg.flow(first));
    String revisedArtwork = tg.upload("ep44-cover-v2.png", "image/png", ApprovalFixture.cover(1400, 0x1db954));
    Flow<?, ?> revised = tg.flow(ApprovalFixture.demoPackage(revisedArtwork).build());

    runUntilClean(revised);
    tg.decideAll("approve");
    runUntilClean(revised);

    assertThat(tg.approvals()).singleElement().satisfies(a -> {
      assertThat(a.path("round").asInt()).isEqualTo(2);
      assertThat(a.path("status").asText()).isEqualTo("approved");
    });
    assertThat(tg.details("resubmitted")).hasSize(1);
    assertThat(tg.details("requested")).hasSize(2);
    assertThat(tg.details("package_submitted")).hasSize(2);
    assertThat(tg.details("document_approved")).hasSize(4);
    assertThat(tg.details("published")).hasSize(1);
    assertThat(tg.details("confirmed_on_spotify")).hasSize(1);
    assertThat(tg.feed.items()).singleElement().satisfies(i -> assertThat(i.guid()).isEqualTo("gridcast-approval-" + id));
  }

  private void runUntilClean(Flow<?, ?> flow) {
    for (int i = 0; i < 8; i++) {
      RunReport report = tg.bridge.run(flow);
      if (report.stoppedBecause().isEmpty() && report.failed() == 0) {
        return;
      }
    }
    throw new AssertionError("runs did not settle under the fault profile");
  }

  @Test
  void theSubmitterIsToldToResubmitUnderTheSameKey() {
    tg.bridge.run(tg.flow(first));
    String id = tg.approvalId();
    tg.decideAll("reject");

    tg.bridge.run(tg.flow(first));

    JsonNode thread = tg.sandboxes.tradingGridSandbox.resources(TradingGridResource.THREADS).stream()
        .filter(t -> t.path("externalRef").asText().equals("gridcast:approval-review:" + id)).findFirst().orElseThrow();
    List<JsonNode> messages = tg.sandboxes.tradingGridSandbox.threadMessages(thread.path("id").asText());
    assertThat(messages).singleElement().satisfies(m -> assertThat(m.path("body").asText())
        .endsWith("It will not be released to Spotify. Revise the package and resubmit it under the same key: it is "
            + "reviewed again in this approval, as its next round.")
        .doesNotContain("new key"));
  }

  @Test
  void aRevisionWhileReviewersAreStillDecidingIsRefusedAndTheApprovalLeftAsItWas() {
    tg.bridge.run(tg.flow(first));
    String id = tg.approvalId();
    int trail = tg.trail().size();

    RunReport report = tg.bridge.run(tg.flow(first, "A different description.", tg.feed));

    assertThat(report.stage("requests").deadLettered()).isEqualTo(1);
    assertThat(tg.store.deadLetters(REQUESTS)).singleElement().extracting(DeadLetter::reason).asString()
        .contains("ResubmissionRefusedException", "submission ep44 changed after it was submitted as approval " + id
            + ", which is pending", "once they reject it or ask for changes, the revised package is resubmitted under "
            + "the same key");
    assertThat(tg.approval().path("description").asText()).isEqualTo(ApprovalFixture.DESCRIPTION);
    assertThat(tg.approval().path("round").asInt()).isEqualTo(1);
    assertThat(tg.trail()).hasSize(trail);
  }

  @Test
  void aRevisionOfAnApprovedPackageIsRefused() throws Exception {
    tg.bridge.run(tg.flow(first));
    String id = tg.approvalId();
    tg.decideAll("approve");
    tg.bridge.run(tg.flow(first));

    RunReport report = tg.bridge.run(tg.flow(first, "A different description.", tg.feed));

    assertThat(tg.store.deadLetters(REQUESTS)).singleElement().extracting(DeadLetter::reason).asString()
        .contains("approval " + id + ", which is approved", "submit the changed package under a new key");
    assertThat(report.stage("requests").deadLettered()).isEqualTo(1);
    assertThat(tg.approval().path("status").asText()).isEqualTo("approved");
    assertThat(tg.feed.items()).singleElement().satisfies(i -> assertThat(i.guid()).isEqualTo("gridcast-approval-" + id));
  }
}
