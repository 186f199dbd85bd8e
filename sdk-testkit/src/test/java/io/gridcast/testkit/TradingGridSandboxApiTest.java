package io.gridcast.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TradingGridSandboxApiTest {

  private TradingGridSandbox sandbox;
  private TgTestClient tg;

  @BeforeEach
  void start() {
    sandbox = TradingGridSandbox.builder().maxDocumentBytes(64 * 1024).start();
    tg = new TgTestClient(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private static Map<String, Object> post(String title, String externalRef) {
    return Map.of("kind", "announcement", "title", title, "body", "Listen now.",
        "audience", Map.of("groupIds", List.of(TradingGridDemoData.GROUP_EMEA), "partnerIds", List.of()),
        "externalRef", externalRef);
  }

  @Test
  void pagesThroughAllFortyPartnersWithOpaqueCursors() {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Http.Reply page = tg.get("partners?limit=15" + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).isEqualTo(200);
      page.json().path("items").forEach(p -> ids.add(p.path("id").asText()));
      cursor = page.json().path("nextCursor").isNull() ? null : page.json().path("nextCursor").asText();
      pages++;
    } while (cursor != null);

    assertThat(pages).isEqualTo(3);
    assertThat(ids).hasSize(40).doesNotHaveDuplicates().containsExactlyElementsOf(TradingGridDemoData.PARTNER_IDS);
  }

  @Test
  void theDefaultPageSizeIs25AndLimitIsChecked() {
    assertThat(tg.get("partners").json().path("items")).hasSize(25);
    Http.Reply tooBig = tg.get("partners?limit=101");
    assertThat(tooBig.status()).isEqualTo(400);
    assertThat(tooBig.json().at("/error/code").asText()).isEqualTo("invalid_request");
    assertThat(tg.get("partners?cursor=bm9wZQ").status()).isEqualTo(400);
  }

  @Test
  void filtersPartnersByRegionStageAndGroup() {
    JsonNode emea = tg.get("partners?region=EMEA&limit=100").json().path("items");
    JsonNode active = tg.get("partners?onboardingStage=active&limit=100").json().path("items");
    JsonNode grocery = tg.get("partners?groupId=" + TradingGridDemoData.GROUP_GROCERY + "&limit=100").json().path("items");

    assertThat(emea).hasSize(14).allSatisfy(p -> assertThat(p.path("region").asText()).isEqualTo("EMEA"));
    assertThat(active).hasSize(15).allSatisfy(p -> assertThat(p.path("onboardingStage").asText()).isEqualTo("active"));
    assertThat(grocery).hasSize(10);
    assertThat(tg.get("partners?onboardingStage=sleeping").status()).isEqualTo(400);
  }

  @Test
  void theSameIdempotencyKeyAndBodyReturnTheOriginalResponseWithoutCreatingAgain() {
    Http.Reply first = tg.post("posts", post("Episode 44 is out", "spotify:episode:44"), "flow1-ep44-v1");
    Http.Reply second = tg.post("posts", post("Episode 44 is out", "spotify:episode:44"), "flow1-ep44-v1");

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.text()).isEqualTo(first.text());
    assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(sandbox.countPostsByExternalRef("spotify:episode:44")).isEqualTo(1);
  }

  @Test
  void theSameIdempotencyKeyWithAnotherBodyGets422() {
    tg.post("posts", post("Episode 45 is out", "spotify:episode:45"), "flow1-ep45-v1");
    Http.Reply reused = tg.post("posts", post("Episode 45 (edited)", "spotify:episode:45"), "flow1-ep45-v1");

    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.json().at("/error/code").asText()).isEqualTo("idempotency_key_reused");
    assertThat(sandbox.countPostsByExternalRef("spotify:episode:45")).isEqualTo(1);
  }

  @Test
  void idempotencyKeysAreScopedPerOperation() {
    Http.Reply post = tg.post("posts", post("Shared key", "ref-a"), "shared-key");
    Http.Reply thread = tg.post("threads", Map.of("title", "Shared key thread"), "shared-key");

    assertThat(post.status()).isEqualTo(201);
    assertThat(thread.status()).isEqualTo(201);
    assertThat(thread.json().path("title").asText()).isEqualTo("Shared key thread");
  }

  @Test
  void listsFilterOnExternalRef() {
    tg.post("posts", post("One", "spotify:episode:one"));
    tg.post("posts", post("Two", "spotify:episode:two"));

    JsonNode items = tg.get("posts?externalRef=spotify:episode:two").json().path("items");

    assertThat(items).hasSize(1);
    assertThat(items.get(0).path("title").asText()).isEqualTo("Two");
    assertThat(items.get(0).path("externalRef").asText()).isEqualTo("spotify:episode:two");
  }

  @Test
  void updatesNeedIfMatchAndAFreshVersion() {
    String path = "partners/" + TradingGridDemoData.PARTNER_DUNMORE;
    long version = tg.get(path).json().path("version").asLong();

    Http.Reply missing = tg.patch(path, null, Map.of("name", "Dunmore Logistics BV"));
    Http.Reply stale = tg.patch(path, Long.toString(version + 7), Map.of("name", "Dunmore Logistics BV"));
    Http.Reply ok = tg.patch(path, "\"" + version + "\"", Map.of("name", "Dunmore Logistics BV"));
    Http.Reply again = tg.patch(path, Long.toString(version), Map.of("name", "Dunmore Logistics Ltd"));

    assertThat(missing.status()).isEqualTo(428);
    assertThat(missing.json().at("/error/code").asText()).isEqualTo("precondition_required");
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.json().at("/error/code").asText()).isEqualTo("version_conflict");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().path("version").asLong()).isEqualTo(version + 1);
    assertThat(ok.json().path("name").asText()).isEqualTo("Dunmore Logistics BV");
    assertThat(again.status()).isEqualTo(412);
  }

  @Test
  void aPostsKindCannotChange() {
    JsonNode created = tg.post("posts", post("Fixed kind", "ref-kind")).json();
    Http.Reply reply = tg.patch("posts/" + created.path("id").asText(), "1", Map.of("kind", "training"));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json().at("/error/code").asText()).isEqualTo("validation_failed");
  }

  @Test
  void createsCheckTheContractsRules() {
    Http.Reply blank = tg.post("posts", Map.of("kind", "announcement", "title", " ", "body", "",
        "audience", Map.of("groupIds", List.of(), "partnerIds", List.of())));
    Http.Reply unknownGroup = tg.post("posts", Map.of("kind", "announcement", "title", "T", "body", "",
        "audience", Map.of("groupIds", List.of("g_nowhere"), "partnerIds", List.of())));
    Http.Reply malformed = tg.post("posts", "{\"kind\":");

    assertThat(blank.status()).isEqualTo(422);
    assertThat(blank.json().at("/error/message").asText()).startsWith("title");
    assertThat(unknownGroup.status()).isEqualTo(422);
    assertThat(unknownGroup.json().at("/error/message").asText()).contains("g_nowhere");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().at("/error/code").asText()).isEqualTo("invalid_request");
  }

  @Test
  void everyChangeAppendsAnEventReadWithACursor() {
    Http.Reply empty = tg.get("events");
    assertThat(empty.json().path("items")).isEmpty();
    String cursor = empty.json().path("nextCursor").asText();
    assertThat(cursor).isNotEmpty();

    JsonNode post = tg.post("posts", post("Event me", "ref-events")).json();
    tg.patch("posts/" + post.path("id").asText(), "1", Map.of("title", "Event me again"));
    sandbox.resolveIssue(TradingGridDemoData.ISSUE_OPEN, "Gateway de-duplicates on the PO number now.");

    JsonNode page = tg.get("events?cursor=" + cursor).json();
    List<String> types = new ArrayList<>();
    page.path("items").forEach(e -> types.add(e.path("type").asText()));

    assertThat(types).containsExactly("post.created", "post.updated", "issue.updated", "issue.resolved");
    assertThat(page.at("/items/1/data/title").asText()).isEqualTo("Event me again");
    assertThat(page.at("/items/3/data/status").asText()).isEqualTo("resolved");
    JsonNode later = tg.get("events?cursor=" + page.path("nextCursor").asText()).json();
    assertThat(later.path("items")).isEmpty();
    assertThat(later.path("nextCursor").asText()).isEqualTo(page.path("nextCursor").asText());
    JsonNode resolvedOnly = tg.get("events?type=issue.resolved").json().path("items");
    assertThat(resolvedOnly).hasSize(1);
  }

  @Test
  void issuesMoveAlongTheirStatusesOnly() {
    String path = "issues/" + TradingGridDemoData.ISSUE_OPEN;
    long v = tg.get(path).json().path("version").asLong();

    Http.Reply skip = tg.patch(path, Long.toString(v), Map.of("status", "resolved"));
    Http.Reply start = tg.patch(path, Long.toString(v), Map.of("status", "in_progress"));
    Http.Reply resolve = tg.patch(path, Long.toString(v + 1), Map.of("status", "resolved", "resolutionSummary", "Fixed."));
    Http.Reply close = tg.patch(path, Long.toString(v + 2), Map.of("status", "closed"));
    Http.Reply reopen = tg.patch(path, Long.toString(v + 3), Map.of("status", "open"));

    assertThat(skip.status()).isEqualTo(422);
    assertThat(skip.json().at("/error/code").asText()).isEqualTo("validation_failed");
    assertThat(start.json().path("status").asText()).isEqualTo("in_progress");
    assertThat(resolve.json().path("status").asText()).isEqualTo("resolved");
    assertThat(resolve.json().path("resolvedAt").asText()).isNotEmpty();
    assertThat(close.json().path("status").asText()).isEqualTo("closed");
    assertThat(reopen.status()).isEqualTo(422);
  }

  @Test
  void issueListsFilterByStatusTypeAndUpdatedSince() {
    JsonNode resolved = tg.get("issues?status=resolved").json().path("items");
    JsonNode feedback = tg.get("issues?type=feedback").json().path("items");
    JsonNode recent = tg.get("issues?updatedSince=2030-01-01T00:00:00Z").json().path("items");

    assertThat(resolved).extracting(i -> i.path("id").asText())
        .containsExactlyInAnyOrder(TradingGridDemoData.ISSUE_RESOLVED_WITH_AUDIO, TradingGridDemoData.ISSUE_RESOLVED_WITHOUT_AUDIO);
    assertThat(feedback).extracting(i -> i.path("id").asText()).containsExactly(TradingGridDemoData.ISSUE_CLOSED);
    assertThat(recent).isEmpty();
    assertThat(tg.get("issues?updatedSince=yesterday").status()).isEqualTo(400);
  }

  @Test
  void approvalsCompleteWhenEveryRequiredRoleApproved() {
    String decisions = "approvals/" + TradingGridDemoData.APPROVAL_IN_PROGRESS + "/decisions";

    JsonNode afterCompliance = tg.post(decisions, Map.of("role", "compliance", "decision", "approve", "decidedBy", "c.lind@hp.example")).json();
    Http.Reply unknownRole = tg.post(decisions, Map.of("role", "marketing", "decision", "approve", "decidedBy", "x@hp.example"));
    JsonNode afterOps = tg.post(decisions, Map.of("role", "partner_operations", "decision", "approve", "decidedBy", "p.ng@hp.example")).json();
    Http.Reply late = tg.post(decisions, Map.of("role", "legal", "decision", "reject", "decidedBy", "m.okafor@hp.example"));

    assertThat(afterCompliance.path("status").asText()).isEqualTo("pending");
    assertThat(unknownRole.status()).isEqualTo(422);
    assertThat(afterOps.path("status").asText()).isEqualTo("approved");
    assertThat(afterOps.path("completedAt").asText()).isNotEmpty();
    assertThat(afterOps.path("decisions")).hasSize(3);
    assertThat(late.status()).isEqualTo(422);
    assertThat(sandbox.events()).extracting(e -> e.path("type").asText()).contains("approval.decided", "approval.completed");
  }

  @Test
  void aRejectOrARequestForChangesDecidesTheStatus() {
    JsonNode documents = tg.get("documents?limit=100").json().path("items");
    String doc = documents.get(0).path("id").asText();
    Map<String, Object> body = Map.of("title", "Trailer", "requiredRoles", List.of("legal", "brand"),
        "package", Map.of("scriptDocumentId", doc, "artworkDocumentId", doc, "releaseNotesDocumentId", doc, "audioDocumentId", doc));
    String id = tg.post("approvals", body).json().path("id").asText();
    String decisions = "approvals/" + id + "/decisions";

    JsonNode changes = tg.post(decisions, Map.of("role", "brand", "decision", "request_changes", "decidedBy", "b@hp.example")).json();
    JsonNode fixed = tg.post(decisions, Map.of("role", "brand", "decision", "approve", "decidedBy", "b@hp.example")).json();
    JsonNode rejected = tg.post(decisions, Map.of("role", "legal", "decision", "reject", "decidedBy", "l@hp.example")).json();

    assertThat(changes.path("status").asText()).isEqualTo("changes_requested");
    assertThat(fixed.path("status").asText()).isEqualTo("pending");
    assertThat(rejected.path("status").asText()).isEqualTo("rejected");
  }

  @Test
  void theAuditTrailOnlyGrows() {
    String audit = "approvals/" + TradingGridDemoData.APPROVAL_IN_PROGRESS + "/audit";
    JsonNode before = tg.get(audit).json().path("items");

    Http.Reply appended = tg.post(audit, Map.of("actor", "gridcast:approval-gated-publishing", "action", "released",
        "detail", "Published as spotify:episode:4rOoJ6Egrf8K2IrywzwOMk"));
    tg.post("approvals/" + TradingGridDemoData.APPROVAL_IN_PROGRESS + "/decisions",
        Map.of("role", "compliance", "decision", "approve", "decidedBy", "c.lind@hp.example"));
    Http.Reply patch = tg.patch(audit + "/" + appended.json().path("id").asText(), "1", Map.of("action", "erased"));
    Http.Reply delete = tg.delete(audit + "/" + appended.json().path("id").asText());
    Http.Reply put = Http.json("PUT", tg.url(audit), tg.token, Map.of("actor", "a", "action", "b"));
    JsonNode after = tg.get(audit).json().path("items");

    assertThat(before).extracting(e -> e.path("action").asText()).containsExactly("submitted", "decided");
    assertThat(appended.status()).isEqualTo(201);
    assertThat(appended.json().path("at").asText()).isNotEmpty();
    assertThat(patch.status()).isEqualTo(404);
    assertThat(delete.status()).isEqualTo(404);
    assertThat(put.status()).isEqualTo(405);
    assertThat(after).extracting(e -> e.path("action").asText()).containsExactly("submitted", "decided", "released", "decided");
    assertThat(after.get(0)).isEqualTo(before.get(0));
  }

  @Test
  void uploadsComputeSha256AndDownloadTheSameBytes() throws Exception {
    byte[] content = "Release notes for episode 44\n".repeat(100).getBytes(StandardCharsets.UTF_8);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));

    Http.Reply uploaded = tg.upload("notes-44.txt", "text/plain", content, "spotify:episode:44", null);
    String id = uploaded.json().path("id").asText();
    Http.Reply download = tg.get("documents/" + id + "/content");

    assertThat(uploaded.status()).isEqualTo(201);
    assertThat(uploaded.json().path("sha256").asText()).isEqualTo(sha);
    assertThat(uploaded.json().path("size").asLong()).isEqualTo(content.length);
    assertThat(uploaded.json().path("fileName").asText()).isEqualTo("notes-44.txt");
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.raw().body()).isEqualTo(content);
    assertThat(download.header("X-Content-Sha256")).isEqualTo(sha);
    assertThat(download.header("Content-Type")).startsWith("text/plain");
    assertThat(download.header("Content-Disposition")).isEqualTo("attachment; filename=\"notes-44.txt\"; filename*=UTF-8''notes-44.txt");
  }

  @Test
  void aStoredFileNameWithCrLfAQuoteAndNonAsciiLettersDownloadsWithAnRfc6266Header() {
    byte[] content = "Minutes of the Q3 review\n".getBytes(StandardCharsets.UTF_8);
    String id = sandbox.uploadDocument("Q3 \"final\"\r\nX-Injected: yes \u2013 Z\u00fcrich \u6771\u4eac.txt", "text/plain", content)
        .path("id").asText();

    Http.Reply download = tg.get("documents/" + id + "/content");

    assertThat(download.status()).isEqualTo(200);
    assertThat(download.raw().body()).isEqualTo(content);
    assertThat(download.raw().headers().firstValue("X-Injected")).isEmpty();
    assertThat(download.header("Content-Disposition")).isEqualTo("attachment;"
        + " filename=\"Q3 _final___X-Injected: yes _ Z_rich __.txt\";"
        + " filename*=UTF-8''Q3%20%22final%22%0D%0AX-Injected%3A%20yes%20%E2%80%93%20Z%C3%BCrich%20%E6%9D%B1%E4%BA%AC.txt");
  }

  @Test
  void theAsciiFallbackFileNameReplacesBackslashesAndPercentSigns() {
    String id = sandbox.uploadDocument("C:\\reports\\100%.csv", "text/csv", new byte[] {1}).path("id").asText();

    Http.Reply download = tg.get("documents/" + id + "/content");

    assertThat(download.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"C:_reports_100_.csv\"; filename*=UTF-8''C%3A%5Creports%5C100%25.csv");
  }

  @Test
  void uploadsOverTheSizeCapGet413AndNonMultipartGets415() {
    Http.Reply tooLarge = tg.upload("big.bin", "application/octet-stream", new byte[64 * 1024 + 1], null, null);
    Http.Reply atLimit = tg.upload("ok.bin", "application/octet-stream", new byte[64 * 1024], null, null);
    Http.Reply json = tg.post("documents", Map.of("file", "abc"));

    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.json().at("/error/code").asText()).isEqualTo("payload_too_large");
    assertThat(atLimit.status()).isEqualTo(201);
    assertThat(json.status()).isEqualTo(415);
    assertThat(json.json().at("/error/code").asText()).isEqualTo("unsupported_media_type");
  }

  @Test
  void repeatedUploadsWithTheSameKeyAndBytesCreateOneDocument() {
    byte[] content = {1, 2, 3, 4};
    Http.Reply first = tg.upload("a.bin", "application/octet-stream", content, "ref-upload", "upload-key-1");
    Http.Reply second = tg.upload("a.bin", "application/octet-stream", content, "ref-upload", "upload-key-1");
    Http.Reply other = tg.upload("a.bin", "application/octet-stream", new byte[] {9}, "ref-upload", "upload-key-1");

    assertThat(second.text()).isEqualTo(first.text());
    assertThat(other.status()).isEqualTo(422);
    assertThat(sandbox.countByExternalRef(TradingGridResource.DOCUMENTS, "ref-upload")).isEqualTo(1);
  }

  @Test
  void formSubmissionsAreCheckedAndFilteredBySince() {
    String path = "forms/" + TradingGridDemoData.FORM_EPISODE_FEEDBACK + "/submissions";
    int seeded = sandbox.formSubmissions(TradingGridDemoData.FORM_EPISODE_FEEDBACK).size();

    Http.Reply ok = tg.post(path, Map.of("partnerId", TradingGridDemoData.PARTNER_DUNMORE, "answers", Map.of("usefulness", "5", "topic", "returns")));
    Http.Reply badRating = tg.post(path, Map.of("partnerId", TradingGridDemoData.PARTNER_DUNMORE, "answers", Map.of("usefulness", "9", "topic", "asn")));
    Http.Reply missing = tg.post(path, Map.of("partnerId", TradingGridDemoData.PARTNER_DUNMORE, "answers", Map.of("usefulness", "3")));
    JsonNode since = tg.get(path + "?since=" + ok.json().path("submittedAt").asText()).json().path("items");

    assertThat(seeded).isEqualTo(12);
    assertThat(ok.status()).isEqualTo(201);
    assertThat(badRating.status()).isEqualTo(422);
    assertThat(missing.status()).isEqualTo(422);
    assertThat(since).extracting(s -> s.path("id").asText()).containsExactly(ok.json().path("id").asText());
  }

  @Test
  void siteRequestCommentsRaiseTheVersionAndStatusesFollowTheirRules() {
    String path = "site-requests/" + TradingGridDemoData.SITE_REQUEST_LYON;
    long v = tg.get(path).json().path("version").asLong();

    Http.Reply comment = tg.post(path + "/comments", Map.of("author", "store207@hp.example", "body", "Opening moved to 9 February."));
    Http.Reply done = tg.patch(path, Long.toString(v + 1), Map.of("status", "done"));
    Http.Reply accepted = tg.patch(path, Long.toString(v + 1), Map.of("status", "accepted"));

    assertThat(comment.status()).isEqualTo(201);
    assertThat(done.status()).isEqualTo(422);
    assertThat(accepted.json().path("status").asText()).isEqualTo("accepted");
    assertThat(accepted.json().path("comments")).hasSize(1);
    assertThat(accepted.json().path("version").asLong()).isEqualTo(v + 2);
  }

  @Test
  void theDemoCommunityHasWhatTheFlowsNeed() {
    Set<String> stages = new HashSet<>();
    sandbox.resources(TradingGridResource.PARTNERS).forEach(p -> stages.add(p.path("onboardingStage").asText()));
    List<JsonNode> sites = sandbox.resources(TradingGridResource.SITES);
    JsonNode withAudio = sandbox.resource(TradingGridResource.ISSUES, TradingGridDemoData.ISSUE_RESOLVED_WITH_AUDIO).orElseThrow();
    JsonNode withoutAudio = sandbox.resource(TradingGridResource.ISSUES, TradingGridDemoData.ISSUE_RESOLVED_WITHOUT_AUDIO).orElseThrow();
    JsonNode campaign = sandbox.resource(TradingGridResource.CAMPAIGNS, TradingGridDemoData.CAMPAIGN_SUMMER_SOUNDS).orElseThrow();

    assertThat(stages).containsExactlyInAnyOrder("invited", "onboarding", "certified", "active", "suspended");
    assertThat(sites).hasSize(10);
    assertThat(sites).filteredOn(s -> s.path("licenceDocumentIds").size() > 0).hasSize(6);
    assertThat(withAudio.path("attachments").get(0).asText()).isEqualTo(TradingGridDemoData.DOCUMENT_ASN_AUDIO);
    assertThat(sandbox.resource(TradingGridResource.DOCUMENTS, TradingGridDemoData.DOCUMENT_ASN_AUDIO).orElseThrow()
        .path("contentType").asText()).isEqualTo("audio/mpeg");
    assertThat(withoutAudio.path("attachments")).isEmpty();
    assertThat(withoutAudio.path("status").asText()).isEqualTo("resolved");
    assertThat(campaign.path("milestones")).hasSize(4);
    assertThat(campaign.path("partnerInstructions")).hasSize(3);
    assertThat(sandbox.resources(TradingGridResource.PARTNER_GROUPS)).hasSize(8);
    assertThat(sandbox.events()).isEmpty();
  }

  @Test
  void aSponsorshipCampaignNeedsASponsorAndABrandedOneIsTheDefault() {
    Http.Reply branded = tg.post("campaigns", Map.of("name", "Autumn in Store", "brief", "Our own."), "cmp-autumn");
    Http.Reply unnamed = tg.post("campaigns", Map.of("name", "Tea Time", "brief", "Sponsored.", "type", "sponsorship"), "cmp-tea");
    JsonNode seeded = sandbox.resource(TradingGridResource.CAMPAIGNS, TradingGridDemoData.CAMPAIGN_COLD_BREW).orElseThrow();
    Http.Reply dropSponsor = tg.patch("campaigns/" + TradingGridDemoData.CAMPAIGN_SUMMER_SOUNDS,
        sandbox.resource(TradingGridResource.CAMPAIGNS, TradingGridDemoData.CAMPAIGN_SUMMER_SOUNDS).orElseThrow().path("version").asText(),
        Map.of("type", "sponsorship"));

    assertThat(branded.status()).isEqualTo(201);
    assertThat(branded.json().path("type").asText()).isEqualTo("branded");
    assertThat(branded.json().has("sponsor")).isFalse();
    assertThat(unnamed.status()).isEqualTo(422);
    assertThat(unnamed.json().path("error").path("message").asText()).contains("sponsor");
    assertThat(dropSponsor.status()).isEqualTo(422);
    assertThat(seeded.path("type").asText()).isEqualTo("sponsorship");
    assertThat(seeded.path("sponsor").asText()).isEqualTo(TradingGridDemoData.SPONSOR_COLD_BREW);
  }

  @Test
  void movingAPartnerToAnotherStageKeepsTheStageGroupsInStep() {
    JsonNode moved = sandbox.movePartnerToStage(TradingGridDemoData.PARTNER_DUNMORE, "suspended");

    assertThat(moved.path("onboardingStage").asText()).isEqualTo("suspended");
    assertThat(moved.path("groupIds")).extracting(JsonNode::asText).doesNotContain(TradingGridDemoData.GROUP_ACTIVE);
    assertThat(tg.get("partners?groupId=" + TradingGridDemoData.GROUP_ACTIVE + "&limit=100").json().path("items")).hasSize(14);
    assertThat(sandbox.events()).extracting(e -> e.path("type").asText()).containsExactly("partner.updated");
  }

  @Test
  void sameSeedGivesTheSameDemoDataAndAnotherSeedAnother() {
    try (TradingGridSandbox same = TradingGridSandbox.builder().start();
        TradingGridSandbox other = TradingGridSandbox.builder().seed(99).start()) {
      assertThat(same.resources(TradingGridResource.PARTNERS)).isEqualTo(sandbox.resources(TradingGridResource.PARTNERS));
      assertThat(other.resources(TradingGridResource.PARTNERS)).isNotEqualTo(sandbox.resources(TradingGridResource.PARTNERS));
      assertThat(other.resources(TradingGridResource.PARTNERS)).extracting(p -> p.path("id").asText())
          .containsExactlyElementsOf(TradingGridDemoData.PARTNER_IDS);
    }
  }

  @Test
  void unknownResourcesGet404InTheContractsShape() {
    Http.Reply reply = tg.get("posts/post_missing");
    Http.Reply unknownCommunity = Http.get(sandbox.baseUrl() + "communities/c_missing", tg.token);

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().at("/error/code").asText()).isEqualTo("not_found");
    assertThat(unknownCommunity.status()).isEqualTo(404);
  }
}
