package io.gridcast.provingground.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.gridcast.bridge.flows.IssueAudioUpdatesConfig;
import io.gridcast.bridge.flows.IssueAudioUpdatesFlow;
import io.gridcast.bridge.flows.PartnerFeedbackConfig;
import io.gridcast.bridge.flows.PartnerFeedbackFlow;
import io.gridcast.bridge.flows.PerformanceReportConfig;
import io.gridcast.bridge.flows.PerformanceReportFlow;
import io.gridcast.bridge.flows.ShowEpisode;
import io.gridcast.bridge.flows.TrainingSeriesConfig;
import io.gridcast.bridge.flows.TrainingSeriesFlow;
import io.gridcast.bridge.policy.RoutingPolicy;
import io.gridcast.spotify.analytics.CsvAnalyticsSource;
import io.gridcast.spotify.feed.FileSystemFeedSink;
import io.gridcast.spotify.feed.PodcastFeed;
import io.gridcast.spotify.feed.ReleaseWatcher;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridResource;
import io.gridcast.testkit.TradingGridSandbox;
import io.gridcast.tradinggrid.model.ContentPackage;
import io.gridcast.tradinggrid.model.OnboardingStage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.imageio.ImageIO;

/**
 * The eight flows of DESIGN §4 as {@link FlowScenario}s, set up and driven like their tests in
 * sdk-bridge do (same demo data, same people's actions between runs), each with at least one
 * stage that makes the flow update what it wrote, so that a half-applied update shows.
 */
final class FlowScenarios {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private FlowScenarios() {}

  /** All eight, in the order of DESIGN §4. */
  static List<FlowScenario> all() {
    return List.of(episodeAnnouncements(), trainingSeries(), issueAudioUpdates(), campaignCoordination(),
        approvalGatedPublishing(), partnerFeedback(), businessMusic(), performanceReport());
  }

  // ---- 1: episode announcements ---------------------------------------------------------------

  static FlowScenario episodeAnnouncements() {
    EpisodeAnnouncementsConfig config = EpisodeAnnouncementsConfig.builder()
        .addShowIds(SpotifyDemoData.SHOW_ARCHIVE_SESSIONS, SpotifyDemoData.SHOW_PARTNER_ACADEMY)
        .routing(RoutingPolicy.<ShowEpisode>stages(OnboardingStage.CERTIFIED, OnboardingStage.ACTIVE))
        .build();
    Function<SandboxPair, RunReport> run = p ->
        p.bridge.run(EpisodeAnnouncementsFlow.create(p.spotify, p.tradingGrid, config));
    return new FlowScenario("episode-announcements", p -> { }, List.of(
        FlowScenario.Stage.runs("announce 24 episodes", run),
        // every announcement's audience grows: 24 updates
        new FlowScenario.Stage("an invited partner is certified", p -> movePartner(p, "invited", "certified"), run)),
        List.of());
  }

  // ---- 2: training series ---------------------------------------------------------------------

  static FlowScenario trainingSeries() {
    Function<SandboxPair, RunReport> run = p -> p.bridge.run(TrainingSeriesFlow.create(p.spotify, p.tradingGrid,
        TrainingSeriesConfig.builder()
            .addShowIds(SpotifyDemoData.SHOW_PARTNER_ACADEMY)
            .maxEpisodesPerShow(2)
            .documentsFolder(p.dir.resolve("training-docs"))
            .addDocumentIds(TradingGridDemoData.DOCUMENT_ASN_CHECKLIST)
            .putFaqs("Is the training mandatory?", "Yes, before your EDI certification.")
            .dueAfterDays(21)
            .build()));
    return new FlowScenario("training-series", FlowScenarios::writeTrainingDocuments, List.of(
        FlowScenario.Stage.runs("publish and assign the two newest episodes", run),
        new FlowScenario.Stage("an invited partner starts onboarding", p -> movePartner(p, "invited", "onboarding"), run),
        new FlowScenario.Stage("an onboarding partner is certified", p -> movePartner(p, "onboarding", "certified"), run)),
        List.of());
  }

  private static void writeTrainingDocuments(SandboxPair p) {
    Path docs = p.dir.resolve("training-docs");
    String newest = SpotifyDemoData.episodeId(SpotifyDemoData.SHOW_PARTNER_ACADEMY, 9);
    write(docs.resolve("asn-checklist.md"), "# ASN checklist\n\n1. SSCC on every pallet\n2. Send before the truck leaves\n");
    write(docs.resolve("faq.txt"), "Q: Who do I call?\nA: Partner operations, +31 10 555 0100\n");
    write(docs.resolve(newest).resolve("slides.md"), "# Slides of the newest episode\n");
  }

  // ---- 3: issue-resolution audio updates ------------------------------------------------------

  static FlowScenario issueAudioUpdates() {
    String issue = TradingGridDemoData.ISSUE_OPEN;
    return new FlowScenario("issue-audio-updates", p -> {
      p.spotifySandbox.registerFeed(SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY, p.dir.resolve("updates.xml").toUri());
      attachAudioAndResolve(p.tradingGridSandbox, issue, "The gateway no longer resends purchase orders after a timeout.");
      // a support case is not a trading issue or process change: no audio update for it
      attachAudioAndResolve(p.tradingGridSandbox, TradingGridDemoData.ISSUE_SUPPORT, "SSO sessions now survive the portal redirect.");
    }, List.of(
        FlowScenario.Stage.runs("publish the resolved issue", p -> p.bridge.run(IssueAudioUpdatesFlow.create(p.spotify, p.tradingGrid, audioUpdates(p)))),
        new FlowScenario.Stage("the resolution is reworded",
            p -> p.tradingGridSandbox.update(TradingGridResource.ISSUES, issue,
                JSON.objectNode().put("resolutionSummary", "Retries now carry an idempotency key.")),
            p -> p.bridge.run(IssueAudioUpdatesFlow.forIssue(p.spotify, p.tradingGrid, audioUpdates(p), issue)))),
        List.of("updates.xml"));
  }

  private static IssueAudioUpdatesConfig audioUpdates(SandboxPair p) {
    return IssueAudioUpdatesConfig.builder()
        .publishing(publishing(p, SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY, "updates.xml"))
        .build();
  }

  private static void attachAudioAndResolve(TradingGridSandbox tg, String issueId, String summary) {
    ObjectNode patch = JSON.objectNode();
    patch.putArray("attachments").add(TradingGridDemoData.DOCUMENT_ASN_AUDIO);
    tg.update(TradingGridResource.ISSUES, issueId, patch);
    tg.resolveIssue(issueId, summary, "Gateway retries now reuse the PO number.", "Duplicate POs from last week were cancelled.");
  }

  // ---- 4: campaign coordination ---------------------------------------------------------------

  static FlowScenario campaignCoordination() {
    String show = SpotifyDemoData.SHOW_ARCHIVE_SESSIONS;
    Function<SandboxPair, RunReport> run = p ->
        p.bridge.run(CampaignCoordinationFlow.create(p.spotify, p.tradingGrid, CampaignCoordinationConfig.builder().build()));
    return new FlowScenario("campaign-coordination", p -> {
      ObjectNode patch = JSON.objectNode();
      patch.putArray("spotifyRefs").add("spotify:show:" + show);
      patch.set("milestones", milestonesWith(p, Map.of("trailer", episodeUri(show, 0), "launch", episodeUri(show, 1),
          "wrap_report", "spotify:episode:0000000000000000000000")));
      p.tradingGridSandbox.update(TradingGridResource.CAMPAIGNS, TradingGridDemoData.CAMPAIGN_SUMMER_SOUNDS, patch);
    }, List.of(
        FlowScenario.Stage.runs("make the playlist and announce the released milestones", run),
        new FlowScenario.Stage("the wrap-up report is released", p -> {
          ObjectNode patch = JSON.objectNode();
          patch.set("milestones", milestonesWith(p, Map.of("wrap_report", episodeUri(show, 2))));
          p.tradingGridSandbox.update(TradingGridResource.CAMPAIGNS, TradingGridDemoData.CAMPAIGN_SUMMER_SOUNDS, patch);
        }, run),
        new FlowScenario.Stage("the campaign is renamed in Trading Grid",
            p -> p.tradingGridSandbox.update(TradingGridResource.CAMPAIGNS, TradingGridDemoData.CAMPAIGN_SUMMER_SOUNDS,
                JSON.objectNode().put("name", "Summer Sounds 2027")), run)),
        List.of());
  }

  private static ArrayNode milestonesWith(SandboxPair p, Map<String, String> uris) {
    ArrayNode milestones = JSON.arrayNode();
    JsonNode campaign = p.tradingGridSandbox.resource(TradingGridResource.CAMPAIGNS, TradingGridDemoData.CAMPAIGN_SUMMER_SOUNDS)
        .orElseThrow();
    for (JsonNode m : campaign.path("milestones")) {
      ObjectNode copy = m.deepCopy();
      String uri = uris.get(m.path("id").asText());
      if (uri != null) {
        copy.put("spotifyUri", uri);
      }
      milestones.add(copy);
    }
    return milestones;
  }

  // ---- 5: approval-gated publishing -----------------------------------------------------------

  static FlowScenario approvalGatedPublishing() {
    String submissionKey = "ep44";
    String flowName = "approval-publishing";
    Function<SandboxPair, RunReport> run = p -> {
      String artwork = p.tradingGridSandbox.resources(TradingGridResource.DOCUMENTS).stream()
          .filter(d -> d.path("fileName").asText().equals("ep44-cover.png")).findFirst().orElseThrow()
          .path("id").asText();
      ContentPackage pkg = ContentPackage.builder()
          .scriptDocumentId(TradingGridDemoData.DOCUMENT_EP43_SCRIPT)
          .artworkDocumentId(artwork)
          .releaseNotesDocumentId(TradingGridDemoData.DOCUMENT_EP43_RELEASE_NOTES)
          .audioDocumentId(TradingGridDemoData.DOCUMENT_EP43_AUDIO)
          .build();
      return p.bridge.run(ApprovalGatedPublishingFlow.create(p.spotify, p.tradingGrid,
          ApprovalGatedPublishingConfig.builder()
              .publishing(publishing(p, SpotifyDemoData.SHOW_ARCHIVE_SESSIONS, "releases.xml"))
              .addSubmissions(new ContentSubmission(submissionKey, "Supply Chain Minutes 44: Peak without panic",
                  "How the peak cut-offs work.", pkg, "content-team@halvorsen-pike.example"))
              .flowName(flowName)
              .build()));
    };
    return new FlowScenario("approval-gated-publishing", p -> {
      p.spotifySandbox.registerFeed(SpotifyDemoData.SHOW_ARCHIVE_SESSIONS, p.dir.resolve("releases.xml").toUri());
      p.tradingGridSandbox.uploadDocument("ep44-cover.png", "image/png", squarePng());
    }, List.of(
        FlowScenario.Stage.runs("request the approval", run),
        new FlowScenario.Stage("every required role approves", p -> {
          String id = p.tradingGridSandbox.resources(TradingGridResource.APPROVALS).stream()
              .filter(a -> a.path("externalRef").asText().equals("gridcast:approval:" + flowName + ":" + submissionKey))
              .findFirst().orElseThrow(() -> new IllegalStateException("the approval was never requested"))
              .path("id").asText();
          p.tradingGridSandbox.decideApproval(id, "legal", "approve", "m.okafor@halvorsen-pike.example", null);
          p.tradingGridSandbox.decideApproval(id, "compliance", "approve", "j.berg@halvorsen-pike.example", null);
          p.tradingGridSandbox.decideApproval(id, "partner_operations", "approve", "a.silva@halvorsen-pike.example", "Fine.");
        }, run)),
        List.of("releases.xml"));
  }

  private static byte[] squarePng() {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(new BufferedImage(1400, 1400, BufferedImage.TYPE_INT_RGB), "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return png.toByteArray();
  }

  // ---- 6: partner feedback --------------------------------------------------------------------

  static FlowScenario partnerFeedback() {
    String show = SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY;
    PartnerFeedbackConfig config = PartnerFeedbackConfig.builder().addShowIds(show).maxEpisodesPerShow(3).build();
    Function<SandboxPair, RunReport> run = p -> p.bridge.run(PartnerFeedbackFlow.create(p.spotify, p.tradingGrid, config));
    return new FlowScenario("partner-feedback", p -> { }, List.of(
        FlowScenario.Stage.runs("open a thread and a form per episode", run),
        new FlowScenario.Stage("partners answer, two of them rate low", p -> {
          TradingGridSandbox tg = p.tradingGridSandbox;
          String newest = byRef(tg, TradingGridResource.FORMS, FeedbackChannel.formRef(episodeUri(show, 59)));
          String second = byRef(tg, TradingGridResource.FORMS, FeedbackChannel.formRef(episodeUri(show, 58)));
          tg.submitForm(newest, TradingGridDemoData.PARTNER_IDS.get(0), Map.of("rating", "5", "topic", "asn", "comment", "Very clear."));
          tg.submitForm(newest, TradingGridDemoData.PARTNER_IDS.get(1), Map.of("rating", "2", "topic", "returns"));
          tg.submitForm(second, TradingGridDemoData.PARTNER_DUNMORE, Map.of("rating", "1", "topic", "other",
              "comment", "Too long for the warehouse floor."));
          tg.postThreadMessage(byRef(tg, TradingGridResource.THREADS, FeedbackChannel.threadRef(episodeUri(show, 59))),
              TradingGridDemoData.PARTNER_DUNMORE, "Could you cover ASN corrections next?");
        }, run)),
        List.of());
  }

  // ---- 7: business music programmes ------------------------------------------------------------

  static FlowScenario businessMusic() {
    BusinessMusicConfig config = BusinessMusicConfig.builder().addProgramme(track(1), track(2), track(3)).build();
    Function<SandboxPair, RunReport> run = p -> p.bridge.run(BusinessMusicFlow.create(p.spotify, p.tradingGrid, config));
    String denver = "s_denver_118";
    return new FlowScenario("business-music", p -> {
      TradingGridSandbox tg = p.tradingGridSandbox;
      String licence = tg.uploadDocument("licence-denver.pdf", "application/pdf",
          "%PDF-1.4 licence".getBytes(StandardCharsets.UTF_8)).path("id").asText();
      ObjectNode patch = JSON.objectNode();
      patch.putArray("licenceDocumentIds").add(licence);
      tg.update(TradingGridResource.SITES, denver, patch);
      tg.raiseSiteRequest(denver, "new_site", "Open Denver on 2 February.");
    }, List.of(
        FlowScenario.Stage.runs("a playlist per licensed live site, Denver's prepared ahead of its rollout", run),
        new FlowScenario.Stage("Rotterdam asks for a playlist change",
            p -> p.tradingGridSandbox.raiseSiteRequest(TradingGridDemoData.SITE_ROTTERDAM, "playlist_change", String.join("\n",
                "Please update our programme:", "add " + track(5), "remove " + track(2), "move " + track(5) + " to 1",
                "rename Rotterdam mornings")), run)),
        List.of());
  }

  // ---- 8: performance reports -----------------------------------------------------------------

  static FlowScenario performanceReport() {
    Function<SandboxPair, RunReport> run = p -> p.bridge.run(PerformanceReportFlow.create(p.spotify,
        p.tradingGrid, PerformanceReportConfig.builder()
            .addShowIds(SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY)
            .periodStart(LocalDate.of(2025, 3, 1))
            .periodEnd(LocalDate.of(2025, 3, 21))
            .analytics(CsvAnalyticsSource.fromPath(p.dir.resolve("analytics.csv")))
            .build()));
    return new FlowScenario("performance-report", p -> write(p.dir.resolve("analytics.csv"), bundledExport()), List.of(
        FlowScenario.Stage.runs("report the period", run),
        new FlowScenario.Stage("the export is corrected", p -> {
          String corrected = bundledExport().replace(
              "2025-03-10,6lJWSlufmRQZrL1FrzbFfF,\"Episode 14: EDI 856 changes explained\",",
              "2025-03-10,6lJWSlufmRQZrL1FrzbFfF,\"Episode 14: EDI 856 changes explained\",1");
          if (corrected.equals(bundledExport())) {
            throw new IllegalStateException("the correction no longer applies to the bundled export");
          }
          write(p.dir.resolve("analytics.csv"), corrected);
        }, run)),
        List.of());
  }

  /** The creator-tools export the sdk-bridge tests use (from the sdk-bridge test-jar). */
  private static String bundledExport() {
    try (InputStream in = FlowScenarios.class.getResourceAsStream("/analytics/trading-grid-weekly-2025-03.csv")) {
      if (in == null) {
        throw new IllegalStateException("analytics/trading-grid-weekly-2025-03.csv is missing from the sdk-bridge test-jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- shared ---------------------------------------------------------------------------------

  /** Feed publishing into {@code showId} through {@code feedFile} in the pair's folder. */
  private static FeedPublishingConfig publishing(SandboxPair p, String showId, String feedFile) {
    PodcastFeed channel = PodcastFeed.builder().title("Supplier audio").link(URI.create("https://suppliers.example.com"))
        .description("Resolved trading issues and releases, explained.").author("Halvorsen & Pike")
        .ownerName("Supplier desk").ownerEmail("suppliers@halvorsen-pike.example").category("Business")
        .imageUrl(URI.create("https://media.example.com/cover.png")).build();
    return FeedPublishingConfig.builder()
        .showId(showId)
        .feedSink(FileSystemFeedSink.create(p.dir.resolve(feedFile), URI.create("https://feeds.example.com/" + feedFile), channel))
        .mediaFolder(p.dir.resolve("media"))
        .mediaBaseUrl(URI.create("https://media.example.com/audio/"))
        .releaseWatcher(ingestingWatcher(p))
        .build();
  }

  /** A release watcher whose "sleep" makes the sandbox ingest the feed at once instead of after its delay. */
  private static ReleaseWatcher ingestingWatcher(SandboxPair p) {
    return ReleaseWatcher.builder(p.spotify)
        .initialDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(1)).deadline(Duration.ofSeconds(20))
        .sleeper(d -> p.spotifySandbox.ingestNow())
        .build();
  }

  /** Moves the partner at {@code from} with the smallest id to {@code to} (the same one in every pair). */
  private static void movePartner(SandboxPair p, String from, String to) {
    String partner = p.tradingGridSandbox.resources(TradingGridResource.PARTNERS).stream()
        .filter(x -> x.path("onboardingStage").asText().equals(from))
        .map(x -> x.path("id").asText()).sorted().findFirst()
        .orElseThrow(() -> new IllegalStateException("no partner at stage " + from));
    p.tradingGridSandbox.movePartnerToStage(partner, to);
  }

  private static String byRef(TradingGridSandbox tg, TradingGridResource type, String externalRef) {
    return tg.resources(type).stream().filter(r -> r.path("externalRef").asText().equals(externalRef)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + type + " with externalRef " + externalRef))
        .path("id").asText();
  }

  private static String episodeUri(String showId, int n) {
    return "spotify:episode:" + SpotifyDemoData.episodeId(showId, n);
  }

  private static String track(int n) {
    return "spotify:track:" + SpotifyDemoData.trackId(n);
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
