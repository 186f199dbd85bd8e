package io.gridcast.provingground.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.flows.ApprovalGatedPublishingConfig;
import io.gridcast.bridge.flows.ApprovalGatedPublishingFlow;
import io.gridcast.bridge.flows.BusinessMusicConfig;
import io.gridcast.bridge.flows.BusinessMusicFlow;
import io.gridcast.bridge.flows.CampaignCoordinationConfig;
import io.gridcast.bridge.flows.CampaignCoordinationFlow;
import io.gridcast.bridge.flows.ContentSubmission;
import io.gridcast.bridge.flows.EpisodeAnnouncementsConfig;
import io.gridcast.bridge.flows.EpisodeAnnouncementsFlow;
import io.gridcast.bridge.flows.FeedPublishingConfig;
import io.gridcast.bridge.flows.FeedbackChannel;
import io.gridcast.bridge.flows.IssueAudioUpdate;
import io.gridcast.bridge.flows.IssueAudioUpdatesConfig;
import io.gridcast.bridge.flows.IssueAudioUpdatesFlow;
import io.gridcast.bridge.flows.PartnerFeedbackConfig;
import io.gridcast.bridge.flows.PartnerFeedbackFlow;
import io.gridcast.bridge.flows.PerformanceReportConfig;
import io.gridcast.bridge.flows.PerformanceReportFlow;
import io.gridcast.bridge.flows.SettledConflict;
import io.gridcast.bridge.flows.TrainingSeriesConfig;
import io.gridcast.bridge.flows.TrainingSeriesFlow;
import io.gridcast.bridge.policy.ConflictPolicy;
import io.gridcast.bridge.policy.RoutingPolicy;
import io.gridcast.core.Secret;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.spotify.analytics.CsvAnalyticsSource;
import io.gridcast.spotify.feed.FileSystemFeedSink;
import io.gridcast.spotify.feed.PodcastFeed;
import io.gridcast.spotify.model.SimplifiedPlaylist;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridResource;
import io.gridcast.testkit.TradingGridSandbox;
import io.gridcast.testkit.WebhookDelivery;
import io.gridcast.tradinggrid.ListQuery;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.WebhookSignatureException;
import io.gridcast.tradinggrid.WebhookVerifier;
import io.gridcast.tradinggrid.model.ContentPackage;
import io.gridcast.tradinggrid.model.EventType;
import io.gridcast.tradinggrid.model.Issue;
import io.gridcast.tradinggrid.model.OnboardingStage;
import io.gridcast.tradinggrid.model.WebhookCreate;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.imageio.ImageIO;

/**
 * The eight flows, each run end to end as its example and flow tests drive it on the sandboxes:
 * first runs, the sandbox-side steps people take in between (resolving an issue, approving a
 * package, answering a form, moving a partner…), the reruns that find the changes, and reruns
 * that find nothing. Each returns the reports of its runs and how to run it once more.
 */
final class FlowScripts {

  /** One flow, run end to end: the reports of its runs, and one more run of it. */
  record FlowScript(String name, List<RunReport> reports, Supplier<List<RunReport>> again) {

    /** Items created or updated over all runs. */
    int written() {
      return reports.stream().mapToInt(r -> r.created() + r.updated()).sum();
    }

    /** The last run had no failed item and was not stopped. */
    boolean endedClean() {
      RunReport last = reports.get(reports.size() - 1);
      return last.failed() == 0 && last.stoppedBecause().isEmpty();
    }
  }

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final HygieneEnvironment env;

  FlowScripts(HygieneEnvironment env) {
    this.env = env;
  }

  /** Flow 1: episodes of two shows announced to certified and active partners; a partner certified later is added. */
  FlowScript episodeAnnouncements(Bridge bridge, SpotifyClient spotify, TradingGridClient tradingGrid) {
    EpisodeAnnouncementsConfig config = EpisodeAnnouncementsConfig.builder()
        .addShowIds(SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY, SpotifyDemoData.SHOW_LIEFERKETTE_LIVE)
        .routing(RoutingPolicy.stages(OnboardingStage.CERTIFIED, OnboardingStage.ACTIVE))
        .build();
    env.evidence.printed("EpisodeAnnouncementsConfig", config);
    var flow = EpisodeAnnouncementsFlow.create(spotify, tradingGrid, config);
    env.evidence.printed("Flow", flow);
    List<RunReport> runs = new ArrayList<>();
    runs.add(bridge.plan(flow));
    runs.add(bridge.run(flow));
    env.tradingGridSandbox.movePartnerToStage(firstPartnerAt(tradingGrid, OnboardingStage.INVITED), "certified");
    runs.add(bridge.run(flow)); // the new partner joins every announcement's audience
    runs.add(bridge.run(flow)); // nothing changed
    return new FlowScript("episode announcements", runs, () -> List.of(bridge.run(flow)));
  }

  /** Flow 2: training posts with documents, assigned by onboarding stage, re-evaluated as a partner moves. */
  FlowScript trainingSeries(Bridge bridge, SpotifyClient spotify, TradingGridClient tradingGrid) throws IOException {
    Path docs = Files.createDirectories(env.dir.resolve("training-docs"));
    Files.writeString(docs.resolve("asn-checklist.md"), "# ASN checklist\n\n1. One SSCC label per pallet\n2. Send the ASN before the truck leaves\n");
    Files.writeString(docs.resolve("training-faq.md"), "# Training FAQ\n\n**How long does it take?** About 20 minutes.\n");
    TrainingSeriesConfig config = TrainingSeriesConfig.builder()
        .addShowIds(SpotifyDemoData.SHOW_PARTNER_ACADEMY)
        .maxEpisodesPerShow(4)
        .dueAfterDays(21)
        .documentsFolder(docs)
        .addDocumentIds(TradingGridDemoData.DOCUMENT_ASN_CHECKLIST)
        .putFaqs("Is the training mandatory?", "Yes: finish it before your EDI certification test.")
        .build();
    env.evidence.printed("TrainingSeriesConfig", config);
    Flow<?, ?> flow = TrainingSeriesFlow.create(spotify, tradingGrid, config);
    env.evidence.printed("Flow", flow);
    List<RunReport> runs = new ArrayList<>();
    runs.add(bridge.run(flow));
    env.tradingGridSandbox.movePartnerToStage(firstPartnerAt(tradingGrid, OnboardingStage.INVITED), "onboarding");
    runs.add(bridge.run(flow)); // the mover gets its assignments
    Files.writeString(docs.resolve("training-faq.md"), "# Training FAQ\n\n**How long does it take?** About 25 minutes.\n");
    runs.add(bridge.run(flow)); // the changed document updates the posts
    runs.add(bridge.run(flow)); // nothing changed
    return new FlowScript("training series", runs, () -> List.of(bridge.run(flow)));
  }

  /**
   * Flow 3: resolved issues become audio updates on Spotify, from the event feed and from a
   * signed webhook delivery (registered through the client with the signing secret); the
   * delivery replayed, and one signed with another secret, are refused.
   */
  FlowScript issueAudioUpdates(Bridge bridge, SpotifyClient spotify, TradingGridClient tradingGrid) throws IOException, InterruptedException, WebhookSignatureException {
    String show = SpotifyDemoData.SHOW_CADENA_AL_DIA;
    Path folder = Files.createDirectories(env.dir.resolve("audio-updates"));
    Path feedFile = folder.resolve("feed.xml");
    env.spotifySandbox.registerFeed(show, feedFile.toUri());
    FeedPublishingConfig publishing = FeedPublishingConfig.builder()
        .showId(show)
        .feedSink(FileSystemFeedSink.create(feedFile, URI.create("https://feeds.halvorsen-pike.example/audio-updates.xml"),
            channel("Halvorsen & Pike supplier audio updates")))
        .mediaFolder(folder.resolve("media"))
        .mediaBaseUrl(URI.create("https://media.halvorsen-pike.example/audio-updates/"))
        .releaseWatcher(env.ingestingWatcher(spotify))
        .build();
    IssueAudioUpdatesConfig config = IssueAudioUpdatesConfig.builder().publishing(publishing)
        .webhookSecret(Secret.of(env.webhookSecret)).build();
    env.evidence.printed("FeedPublishingConfig", publishing);
    env.evidence.printed("IssueAudioUpdatesConfig", config);
    Flow<Issue, IssueAudioUpdate> events = IssueAudioUpdatesFlow.create(spotify, tradingGrid, config);
    IssueAudioUpdatesFlow webhooks = IssueAudioUpdatesFlow.webhooks(spotify, tradingGrid, config);
    env.evidence.printed("Flow", events);

    WebhookCreate hook = WebhookCreate.builder()
        .url("http://127.0.0.1:9/gridcast/webhooks") // nobody listens: the sandbox keeps each signed delivery
        .addEventTypes(EventType.ISSUE_RESOLVED)
        .secret(Secret.of(env.webhookSecret))
        .description("audio updates")
        .build();
    env.evidence.printed("WebhookCreate", hook);
    env.evidence.printed("Webhook", tradingGrid.webhooks().register(hook, "secret-hygiene-webhook"));
    env.evidence.printed("WebhookVerifier", WebhookVerifier.create(Secret.of(env.webhookSecret)));

    List<RunReport> runs = new ArrayList<>();
    resolveWithAudio(TradingGridDemoData.ISSUE_IN_PROGRESS, uploadedAudio(), "The Friday ASN cut-off is 14:00 during peak.");
    runs.add(bridge.run(events));
    resolveWithAudio(TradingGridDemoData.ISSUE_OPEN, TradingGridDemoData.DOCUMENT_ASN_AUDIO,
        "The gateway no longer resends purchase orders after a timeout.");
    WebhookDelivery delivery = awaitResolution(TradingGridDemoData.ISSUE_OPEN);
    webhooks.flowFor(delivery.body(), delivery.signature()).map(bridge::run).ifPresent(runs::add);
    env.evidence.expectFailure("replaying a webhook delivery",
        () -> webhooks.flowFor(delivery.body(), delivery.signature()));
    env.evidence.expectFailure("a webhook signed with another secret", () -> webhooks.flowFor(delivery.body(),
        WebhookVerifier.generateSignatureHeader(Secret.of(HygieneEnvironment.random("other-")), delivery.body(), Instant.now())));
    env.evidence.expectFailure("a webhook without a signature", () -> webhooks.flowFor(delivery.body(), null));
    runs.add(bridge.run(events)); // the webhook's issue is already done
    runs.add(bridge.run(webhooks.issueFlow(TradingGridDemoData.ISSUE_IN_PROGRESS))); // nothing changed
    return new FlowScript("issue audio updates", runs,
        () -> List.of(bridge.run(events), bridge.run(webhooks.issueFlow(TradingGridDemoData.ISSUE_OPEN))));
  }

  /** Flow 4: the demo campaign kept in step with its playlist; a name changed on both sides is settled. */
  FlowScript campaignCoordination(Bridge bridge, SpotifyClient spotify, TradingGridClient tradingGrid) {
    linkTheSponsoredShow();
    CampaignCoordinationConfig config = CampaignCoordinationConfig.builder()
        .conflictPolicy(ConflictPolicy.lastWriterWins()).build();
    env.evidence.printed("CampaignCoordinationConfig", config);
    List<RunReport> runs = new ArrayList<>();
    runs.add(coordinate(bridge, spotify, tradingGrid, config));
    String playlist = campaignPlaylist(spotify);
    spotify.playlists().changeDetails(playlist, "Summer Sounds (Spotify edit)", null, null, null);
    env.tradingGridSandbox.update(TradingGridResource.CAMPAIGNS, TradingGridDemoData.CAMPAIGN_SUMMER_SOUNDS,
        JSON.objectNode().put("name", "Summer Sounds 2027"));
    runs.add(coordinate(bridge, spotify, tradingGrid, config)); // the conflict is settled and reported
    runs.add(coordinate(bridge, spotify, tradingGrid, config)); // nothing changed
    return new FlowScript("campaign coordination", runs, () -> List.of(coordinate(bridge, spotify, tradingGrid, config)));
  }

  /** Flow 5: a content package reviewed by three roles and released to Spotify once all approved. */
  FlowScript approvalGatedPublishing(Bridge bridge, SpotifyClient spotify, TradingGridClient tradingGrid) throws IOException {
    String flowName = "approval-publishing";
    String submissionKey = "supply-minutes-44";
    Path folder = Files.createDirectories(env.dir.resolve("approval-publishing"));
    Path feedFile = folder.resolve("feed.xml");
    env.spotifySandbox.registerFeed(SpotifyDemoData.SHOW_ARCHIVE_SESSIONS, feedFile.toUri());
    String cover = tradingGrid.documents().upload(cover(), "supply-minutes-44-cover.png", "image/png",
        "secret-hygiene:supply-minutes-44-cover", "secret-hygiene-supply-minutes-44-cover").id();
    ApprovalGatedPublishingConfig config = ApprovalGatedPublishingConfig.builder()
        .publishing(FeedPublishingConfig.builder()
            .showId(SpotifyDemoData.SHOW_ARCHIVE_SESSIONS)
            .feedSink(FileSystemFeedSink.create(feedFile, URI.create("https://feeds.halvorsen-pike.example/supply-minutes.xml"),
                channel("Supply Chain Minutes")))
            .mediaFolder(folder.resolve("media"))
            .mediaBaseUrl(URI.create("https://media.halvorsen-pike.example/supply-minutes/"))
            .releaseWatcher(env.ingestingWatcher(spotify))
            .build())
        .flowName(flowName)
        .addSubmissions(new ContentSubmission(submissionKey, "Supply Chain Minutes 44: Peak without panic",
            "Why the Friday ASN cut-off moves to 14:00 during peak.", ContentPackage.builder()
                .scriptDocumentId(TradingGridDemoData.DOCUMENT_EP43_SCRIPT)
                .artworkDocumentId(cover)
                .releaseNotesDocumentId(TradingGridDemoData.DOCUMENT_EP43_RELEASE_NOTES)
                .audioDocumentId(TradingGridDemoData.DOCUMENT_EP43_AUDIO)
                .build(), "content-team@halvorsen-pike.example"))
        .build();
    env.evidence.printed("ApprovalGatedPublishingConfig", config);
    Flow<?, ?> flow = ApprovalGatedPublishingFlow.create(spotify, tradingGrid, config);
    env.evidence.printed("Flow", flow);
    List<RunReport> runs = new ArrayList<>();
    runs.add(bridge.run(flow)); // requested; still pending, so nothing released
    String approval = env.tradingGridSandbox.resources(TradingGridResource.APPROVALS).stream()
        .filter(a -> a.path("externalRef").asText().equals("gridcast:approval:" + flowName + ":" + submissionKey))
        .map(a -> a.path("id").asText()).findFirst().orElseThrow();
    env.tradingGridSandbox.decideApproval(approval, "legal", "approve", "m.okafor@halvorsen-pike.example", "Licences checked.");
    env.tradingGridSandbox.decideApproval(approval, "compliance", "approve", "j.berg@halvorsen-pike.example", null);
    env.tradingGridSandbox.decideApproval(approval, "partner_operations", "approve", "a.silva@halvorsen-pike.example", null);
    runs.add(bridge.run(flow)); // released to Spotify, every step on the audit trail
    runs.add(bridge.run(flow)); // nothing changed
    return new FlowScript("approval-gated publishing", runs, () -> List.of(bridge.run(flow)));
  }

  /** Flow 6: feedback threads and forms per episode; partners answer, one rates low, the summary follows. */
  FlowScript partnerFeedback(Bridge bridge, SpotifyClient spotify, TradingGridClient tradingGrid) {
    String show = SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY;
    PartnerFeedbackConfig config = PartnerFeedbackConfig.builder().addShowIds(show).maxEpisodesPerShow(5).build();
    env.evidence.printed("PartnerFeedbackConfig", config);
    Flow<?, ?> flow = PartnerFeedbackFlow.create(spotify, tradingGrid, config);
    List<RunReport> runs = new ArrayList<>();
    runs.add(bridge.run(flow));
    String episode = "spotify:episode:" + SpotifyDemoData.episodeId(show, 59);
    TradingGridClient tg = tradingGrid;
    String form = tg.forms().findByExternalRef(FeedbackChannel.formRef(episode)).orElseThrow().id();
    String thread = tg.threads().findByExternalRef(FeedbackChannel.threadRef(episode)).orElseThrow().id();
    TradingGridSandbox partners = env.tradingGridSandbox;
    partners.submitForm(form, TradingGridDemoData.PARTNER_DUNMORE, Map.of("rating", "5", "topic", "asn", "comment", "Exactly what our EDI team needed."));
    partners.submitForm(form, TradingGridDemoData.PARTNER_IDS.get(0), Map.of("rating", "4", "topic", "invoicing"));
    partners.submitForm(form, TradingGridDemoData.PARTNER_IDS.get(4), Map.of("rating", "2", "topic", "returns",
        "comment", "Too long to play on the warehouse floor."));
    partners.postThreadMessage(thread, TradingGridDemoData.PARTNER_IDS.get(7), "Could a follow-up cover returns labels?");
    env.evidence.printed("form submissions", tg.forms().submissions(form, ListQuery.create()).stream().toList());
    runs.add(bridge.run(flow)); // summary updated, an issue for the low rating
    runs.add(bridge.run(flow)); // nothing changed
    return new FlowScript("partner feedback", runs, () -> List.of(bridge.run(flow)));
  }

  /** Flow 7: per-site playlists; Denver's prepared ahead of its rollout, Rotterdam asks for a change, Lyon is refused. */
  FlowScript businessMusic(Bridge bridge, SpotifyClient spotify, TradingGridClient tradingGrid) {
    BusinessMusicConfig.Builder builder = BusinessMusicConfig.builder();
    for (int i = 0; i < 4; i++) {
      builder.addProgramme("spotify:track:" + SpotifyDemoData.trackId(i));
    }
    BusinessMusicConfig config = builder.build();
    env.evidence.printed("BusinessMusicConfig", config);
    actAsTheStoreTeams();
    Flow<?, ?> flow = BusinessMusicFlow.create(spotify, tradingGrid, config);
    List<RunReport> runs = new ArrayList<>();
    runs.add(bridge.run(flow));
    runs.add(bridge.run(flow)); // nothing changed
    return new FlowScript("business music", runs, () -> List.of(bridge.run(flow)));
  }

  /** Flow 8: three weeks of Trading Grid Weekly's performance as a report post with table, chart and CSV. */
  FlowScript performanceReport(Bridge bridge, SpotifyClient spotify, TradingGridClient tradingGrid) throws IOException {
    Path export = env.dir.resolve("trading-grid-weekly-2025-03.csv");
    try (InputStream in = FlowScripts.class.getResourceAsStream("/analytics/trading-grid-weekly-2025-03.csv")) {
      if (in == null) {
        throw new IllegalStateException("the analytics export of sdk-bridge's test jar is not on the class path");
      }
      Files.copy(in, export);
    }
    PerformanceReportConfig config = PerformanceReportConfig.builder()
        .addShowIds(SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY)
        .periodStart(LocalDate.of(2025, 3, 1))
        .periodEnd(LocalDate.of(2025, 3, 21))
        .analytics(CsvAnalyticsSource.fromPath(export))
        .build();
    env.evidence.printed("PerformanceReportConfig", config);
    var flow = PerformanceReportFlow.create(spotify, tradingGrid, config);
    List<RunReport> runs = new ArrayList<>();
    runs.add(bridge.plan(flow));
    runs.add(bridge.run(flow));
    runs.add(bridge.run(flow)); // nothing changed
    return new FlowScript("performance report", runs, () -> List.of(bridge.run(flow)));
  }

  // ---- what people do on the platforms between runs ----

  private static String firstPartnerAt(TradingGridClient tg, OnboardingStage stage) {
    return tg.partners().atStage(stage).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("no demo partner at stage " + stage)).id();
  }

  private String uploadedAudio() {
    byte[] audio = "ID3\u0004 Halvorsen & Pike audio update: the peak Friday cut-off moves to 14:00."
        .getBytes(StandardCharsets.UTF_8);
    return env.tradingGridSandbox.uploadDocument("peak-cutoff-audio-update.mp3", "audio/mpeg", audio).path("id").asText();
  }

  private void resolveWithAudio(String issueId, String audioDocumentId, String summary) {
    ObjectNode patch = JSON.objectNode();
    patch.putArray("attachments").add(audioDocumentId);
    env.tradingGridSandbox.update(TradingGridResource.ISSUES, issueId, patch);
    env.tradingGridSandbox.resolveIssue(issueId, summary, "Updated the receiving schedule.", "Told every active supplier.");
  }

  /** The sandbox's signed delivery of the issue's resolution, once it was sent. */
  private WebhookDelivery awaitResolution(String issueId) throws InterruptedException {
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (WebhookDelivery d : env.tradingGridSandbox.webhookDeliveries()) {
        if (d.eventType().equals("issue.resolved") && d.body().contains("\"" + issueId + "\"")) {
          return d;
        }
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("the sandbox sent no issue.resolved delivery for " + issueId + " within 15 s");
  }

  /** The campaign team links the sponsored show and the episodes of the trailer and launch milestones. */
  private void linkTheSponsoredShow() {
    String show = SpotifyDemoData.SHOW_PARTNER_ACADEMY;
    JsonNode campaign = env.tradingGridSandbox.resource(TradingGridResource.CAMPAIGNS,
        TradingGridDemoData.CAMPAIGN_SUMMER_SOUNDS).orElseThrow();
    ObjectNode patch = JSON.objectNode();
    ArrayNode refs = patch.putArray("spotifyRefs");
    campaign.path("spotifyRefs").forEach(refs::add);
    refs.add("spotify:show:" + show);
    ArrayNode milestones = patch.putArray("milestones");
    for (JsonNode m : campaign.path("milestones")) {
      ObjectNode copy = m.deepCopy();
      switch (m.path("id").asText()) {
        case "trailer" -> copy.put("spotifyUri", "spotify:episode:" + SpotifyDemoData.episodeId(show, 0));
        case "launch" -> copy.put("spotifyUri", "spotify:episode:" + SpotifyDemoData.episodeId(show, 1));
        default -> { }
      }
      milestones.add(copy);
    }
    env.tradingGridSandbox.update(TradingGridResource.CAMPAIGNS, TradingGridDemoData.CAMPAIGN_SUMMER_SOUNDS, patch);
  }

  /** One run of the campaign flow; its report and every conflict it settled go into the evidence. */
  private RunReport coordinate(Bridge bridge, SpotifyClient spotify, TradingGridClient tradingGrid,
      CampaignCoordinationConfig config) {
    List<SettledConflict> conflicts = Collections.synchronizedList(new ArrayList<>());
    RunReport report = bridge.run(CampaignCoordinationFlow.create(spotify, tradingGrid, config, conflicts::add));
    env.evidence.printed("RunReport (campaign coordination)", report);
    conflicts.forEach(c -> env.evidence.printed("SettledConflict", c));
    return report;
  }

  private static String campaignPlaylist(SpotifyClient spotify) {
    String marker = "[gridcast:campaign:" + TradingGridDemoData.CAMPAIGN_SUMMER_SOUNDS + "]";
    for (SimplifiedPlaylist p : spotify.playlists().mine()) {
      if (p.description().orElse("").contains(marker)) {
        return p.id();
      }
    }
    throw new IllegalStateException("the campaign has no playlist after its first run");
  }

  /** Denver uploads its licence and asks to open; Rotterdam asks for a playlist change. */
  private void actAsTheStoreTeams() {
    TradingGridSandbox tg = env.tradingGridSandbox;
    String denver = "s_denver_118";
    String licence = tg.uploadDocument("music-licence-denver-118.pdf", "application/pdf",
        "%PDF-1.4\nPublic performance licence, H&P Store 118, Denver\n".getBytes(StandardCharsets.UTF_8)).path("id").asText();
    ObjectNode patch = JSON.objectNode();
    patch.putArray("licenceDocumentIds").add(licence);
    tg.update(TradingGridResource.SITES, denver, patch);
    tg.create(TradingGridResource.SITE_REQUESTS, JSON.objectNode().put("siteId", denver).put("type", "new_site")
        .put("details", "Denver opens on 2 February; the licence is uploaded.")
        .put("externalRef", "secret-hygiene:denver-new-site"));
    tg.create(TradingGridResource.SITE_REQUESTS, JSON.objectNode().put("siteId", TradingGridDemoData.SITE_ROTTERDAM)
        .put("type", "playlist_change")
        .put("details", "Calmer mornings, please:\nadd spotify:track:" + SpotifyDemoData.trackId(9)
            + "\nremove spotify:track:" + SpotifyDemoData.trackId(2) + "\nrename Rotterdam mornings")
        .put("externalRef", "secret-hygiene:rotterdam-change"));
  }

  private static byte[] cover() throws IOException {
    BufferedImage image = new BufferedImage(1400, 1400, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0x1D, 0xB9, 0x54));
    g.fillRect(0, 0, 1400, 1400);
    g.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    return png.toByteArray();
  }

  private static PodcastFeed channel(String title) {
    return PodcastFeed.builder()
        .title(title)
        .link(URI.create("https://suppliers.halvorsen-pike.example"))
        .description("Halvorsen & Pike, for its suppliers.")
        .author("Halvorsen & Pike Supplier Desk")
        .ownerName("Supplier Desk")
        .ownerEmail("supplier-desk@halvorsen-pike.example")
        .category("Business")
        .imageUrl(URI.create("https://media.halvorsen-pike.example/cover.png"))
        .build();
  }
}
