package io.gridcast.bridge.flows;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.util.DateTimeComponents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.bridge.testing.Sandboxes;
import io.gridcast.bridge.text.PostTemplates;
import io.gridcast.spotify.SpotifyUri;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridResource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flow 4's posts for the participating partners, end to end against both sandboxes (in-process,
 * over loopback): the campaign kit, the launch calendar with its {@code .ics}, sponsor disclosure
 * and each partner's instructions before launch and once live.
 */
class CampaignPartnerPostsTest {

  private static final String SUMMER = TradingGridDemoData.CAMPAIGN_SUMMER_SOUNDS;
  private static final String COLD_BREW = TradingGridDemoData.CAMPAIGN_COLD_BREW;
  private static final String SHOW = SpotifyDemoData.SHOW_ARCHIVE_SESSIONS;
  private static final String LAUNCH = "spotify:episode:" + SpotifyDemoData.episodeId(SHOW, 1);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private Sandboxes sandboxes;
  private Bridge bridge;

  @BeforeEach
  void start() {
    sandboxes = Sandboxes.start(dir);
    bridge = sandboxes.bridge(new InMemoryStateStore());
  }

  @AfterEach
  void stop() {
    sandboxes.close();
  }

  private RunReport run() {
    return run(PostTemplates.english());
  }

  private RunReport run(PostTemplates templates) {
    return bridge.run(CampaignCoordinationFlow.create(sandboxes.spotify, sandboxes.tradingGrid,
        CampaignCoordinationConfig.builder().templates(templates).build()));
  }

  private JsonNode campaign(String id) {
    return sandboxes.tradingGridSandbox.resource(TradingGridResource.CAMPAIGNS, id).orElseThrow();
  }

  /** The one post with this externalRef (fails if there are none or several). */
  private JsonNode post(String externalRef) {
    List<JsonNode> posts = sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS).stream()
        .filter(p -> p.path("externalRef").asText().equals(externalRef)).toList();
    assertThat(posts).as("posts with externalRef %s", externalRef).hasSize(1);
    return posts.get(0);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private List<String> instructedPartners(String campaignId) {
    List<String> ids = new ArrayList<>();
    campaign(campaignId).path("partnerInstructions").forEach(i -> ids.add(i.path("partnerId").asText()));
    return ids.stream().sorted().toList();
  }

  private byte[] content(String documentId) {
    return sandboxes.tradingGridSandbox.documentContent(documentId).orElseThrow();
  }

  /** The calendar post's one attachment, parsed back with biweekly. */
  private ICalendar calendarOf(JsonNode post) {
    assertThat(post.path("attachments")).hasSize(1);
    String id = post.path("attachments").get(0).asText();
    JsonNode document = sandboxes.tradingGridSandbox.resource(TradingGridResource.DOCUMENTS, id).orElseThrow();
    assertThat(document.path("contentType").asText()).startsWith("text/calendar");
    assertThat(document.path("fileName").asText()).endsWith("-launch-calendar.ics");
    return Biweekly.parse(new String(content(id), StandardCharsets.UTF_8)).first();
  }

  private static Map<String, VEvent> eventsByUid(ICalendar calendar) {
    Map<String, VEvent> out = new LinkedHashMap<>();
    for (VEvent e : calendar.getEvents()) {
      out.put(e.getUid().getValue(), e);
    }
    return out;
  }

  private static LocalDate start(VEvent event) {
    DateTimeComponents d = event.getDateStart().getValue().getRawComponents();
    assertThat(event.getDateStart().getValue().hasTime()).as("an all-day event").isFalse();
    return LocalDate.of(d.getYear(), d.getMonth(), d.getDate());
  }

  private void moveMilestone(String campaignId, String milestoneId, String dueDate, String spotifyUri) {
    ArrayNode milestones = JSON.createArrayNode();
    for (JsonNode m : campaign(campaignId).path("milestones")) {
      ObjectNode copy = m.deepCopy();
      if (m.path("id").asText().equals(milestoneId)) {
        if (dueDate != null) {
          copy.put("dueDate", dueDate);
        }
        if (spotifyUri != null) {
          copy.put("spotifyUri", spotifyUri);
        }
      }
      milestones.add(copy);
    }
    ObjectNode patch = JSON.createObjectNode();
    patch.set("milestones", milestones);
    sandboxes.tradingGridSandbox.update(TradingGridResource.CAMPAIGNS, campaignId, patch);
  }

  private void assertASecondRunWritesNothing() {
    RunReport again = run();
    assertThat(again.failed()).isZero();
    assertThat(again.created()).isZero();
    assertThat(again.updated()).isZero();
  }

  @Test
  void theKitGivesTheParticipatingPartnersTheBriefAndTheApprovalDocumentsBeforeLaunch() {
    RunReport run = run();

    assertThat(run.failed()).isZero();
    JsonNode kit = post("tradinggrid:campaign:" + SUMMER + ":kit");
    assertThat(kit.path("title").asText()).isEqualTo("Summer Sounds in Store: campaign kit");
    assertThat(texts(kit.path("audience").path("partnerIds"))).isEqualTo(instructedPartners(SUMMER));
    assertThat(kit.path("audience").path("groupIds")).isEmpty();
    assertThat(texts(kit.path("attachments"))).containsExactly("d_summer_brief", "d_summer_key_visual");
    assertThat(new String(content("d_summer_brief"), StandardCharsets.ISO_8859_1)).contains("Summer Sounds in Store: campaign brief");
    assertThat(kit.path("body").asText())
        .contains("A branded audio series for our stores: six short episodes on seasonal ranges")
        .contains("\\*\\*Audience:\\*\\* store teams and active suppliers.") // remote Markdown is escaped
        .contains("### Approval documents\n\n- `summer-sounds-brief.pdf` (attached)\n- `summer-sounds-key-visual.png` (attached)")
        .doesNotContain("Sponsored");
    assertThat(kit.path("metadata").path("campaignType").asText()).isEqualTo("branded");
    // before launch: nothing is live yet, and the kit is out already
    assertThat(campaign(SUMMER).path("milestones").findValuesAsText("status")).containsExactly("done", "planned", "planned", "planned");
    assertASecondRunWritesNothing();
  }

  @Test
  void aMissingApprovalDocumentFailsThatCampaignsKitAloneWithAClearMessage() throws Exception {
    sandboxes.close();
    removeDocument("d_summer_key_visual"); // deleted behind the API; the campaign still lists it
    sandboxes = Sandboxes.start(dir);

    RunReport run = run();

    assertThat(run.stage("kits").failed()).isEqualTo(1);
    assertThat(run.stage("kits").failures()).singleElement().satisfies(f -> {
      assertThat(f.sourceKey()).isEqualTo("tradinggrid:campaign:" + SUMMER + ":kit");
      assertThat(f.reason()).contains("MissingApprovalDocumentException")
          .contains("approval document d_summer_key_visual", "approvalDocumentIds");
    });
    assertThat(sandboxes.tradingGridSandbox.countPostsByExternalRef("tradinggrid:campaign:" + SUMMER + ":kit")).isZero();
    assertThat(post("tradinggrid:campaign:" + COLD_BREW + ":kit").path("attachments")).hasSize(2); // the other campaign's kit is out
    assertThat(post("tradinggrid:campaign:" + SUMMER + ":calendar").path("attachments")).hasSize(1); // and so is the calendar
  }

  /** Removes a document from the stopped Trading Grid sandbox's state. */
  private void removeDocument(String documentId) throws Exception {
    Path file = dir.resolve("tradinggrid").resolve("tradinggrid-sandbox-state.json");
    JsonNode root = JSON.readTree(file.toFile());
    boolean removed = false;
    for (JsonNode community : root.path("communities")) {
      for (Iterator<JsonNode> it = community.path("collections").path("documents").elements(); it.hasNext(); ) {
        if (it.next().path("json").path("id").asText().equals(documentId)) {
          it.remove();
          removed = true;
        }
      }
    }
    assertThat(removed).as("document in the sandbox state").isTrue();
    Files.writeString(file, JSON.writeValueAsString(root));
  }

  @Test
  void theLaunchCalendarIsAPostWithAnIcsHoldingOneEventPerMilestone() {
    run();

    JsonNode post = post("tradinggrid:campaign:" + SUMMER + ":calendar");
    assertThat(post.path("title").asText()).isEqualTo("Summer Sounds in Store: launch calendar");
    assertThat(texts(post.path("audience").path("partnerIds"))).isEqualTo(instructedPartners(SUMMER));
    assertThat(post.path("body").asText())
        .contains("| Oct 1, 2026 | Brief signed off |", "| Dec 1, 2026 | Trailer live on Spotify |",
            "| May 3, 2027 | Episode 1 and playlist launch |", "| Sep 15, 2027 | Wrap-up report |")
        .contains("`" + SUMMER + "-launch-calendar.ics`").doesNotContain("(moved)");
    ICalendar calendar = calendarOf(post);
    Map<String, VEvent> events = eventsByUid(calendar);
    assertThat(events.keySet()).containsExactly(
        LaunchCalendarIcs.uid(SUMMER, "brief_signed_off"), LaunchCalendarIcs.uid(SUMMER, "trailer"),
        LaunchCalendarIcs.uid(SUMMER, "launch"), LaunchCalendarIcs.uid(SUMMER, "wrap_report"));
    assertThat(LaunchCalendarIcs.uid(SUMMER, "launch")).contains(SUMMER).contains("launch");
    VEvent launch = events.get(LaunchCalendarIcs.uid(SUMMER, "launch"));
    assertThat(start(launch)).isEqualTo(LocalDate.of(2027, 5, 3));
    assertThat(launch.getSequence().getValue()).isZero();
    assertThat(launch.getSummary().getValue()).isEqualTo("Summer Sounds in Store: Episode 1 and playlist launch");
    assertThat(start(events.get(LaunchCalendarIcs.uid(SUMMER, "trailer")))).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(launch.getDateTimeStamp().getValue().toInstant()) // from the campaign's data, never the wall clock
        .isEqualTo(Instant.parse(campaign(SUMMER).path("createdAt").asText()).truncatedTo(ChronoUnit.SECONDS));
    assertASecondRunWritesNothing();
  }

  @Test
  void aMovedMilestoneUpdatesTheSameCalendarPostWithANewIcsWhoseEventHasTheNextSequence() {
    run();
    JsonNode before = post("tradinggrid:campaign:" + SUMMER + ":calendar");
    VEvent launchBefore = eventsByUid(calendarOf(before)).get(LaunchCalendarIcs.uid(SUMMER, "launch"));
    moveMilestone(SUMMER, "launch", "2027-05-17", null);

    RunReport run = run();

    assertThat(run.stage("calendars").updated()).isEqualTo(1);
    assertThat(run.stage("calendars").created()).isZero();
    JsonNode after = post("tradinggrid:campaign:" + SUMMER + ":calendar");
    assertThat(after.path("id").asText()).isEqualTo(before.path("id").asText());
    assertThat(after.path("attachments").get(0).asText()).isNotEqualTo(before.path("attachments").get(0).asText());
    Map<String, VEvent> events = eventsByUid(calendarOf(after));
    VEvent launch = events.get(LaunchCalendarIcs.uid(SUMMER, "launch"));
    assertThat(start(launch)).isEqualTo(LocalDate.of(2027, 5, 17));
    assertThat(launch.getSequence().getValue()).isEqualTo(1);
    assertThat(launch.getDateTimeStamp().getValue()).isAfter(launchBefore.getDateTimeStamp().getValue());
    VEvent trailer = events.get(LaunchCalendarIcs.uid(SUMMER, "trailer"));
    assertThat(trailer.getSequence().getValue()).isZero();
    assertThat(after.path("body").asText()).contains("| May 17, 2027 | Episode 1 and playlist launch (moved) |")
        .contains("| Dec 1, 2026 | Trailer live on Spotify |");
    assertASecondRunWritesNothing();

    moveMilestone(SUMMER, "launch", "2027-05-24", null); // and again
    run();
    VEvent again = eventsByUid(calendarOf(post("tradinggrid:campaign:" + SUMMER + ":calendar")))
        .get(LaunchCalendarIcs.uid(SUMMER, "launch"));
    assertThat(again.getSequence().getValue()).isEqualTo(2);
    assertThat(start(again)).isEqualTo(LocalDate.of(2027, 5, 24));
  }

  @Test
  void aCrashBeforeTheLedgerRecordsTheCalendarIsHealedWithoutASecondPostOrDocument() {
    InMemoryStateStore store = new InMemoryStateStore();
    CampaignCoordinationConfig config = CampaignCoordinationConfig.builder().build();
    moveMilestone(SUMMER, "launch", "2027-05-10", null);
    RunReport crashed = sandboxes.bridge(new LedgerThatFailsToRecord(store, "campaign-coordination.calendars"))
        .run(CampaignCoordinationFlow.calendars(sandboxes.tradingGrid, config));
    assertThat(crashed.created()).isZero(); // written remotely, but not recorded
    JsonNode written = post("tradinggrid:campaign:" + SUMMER + ":calendar");
    int documents = sandboxes.tradingGridSandbox.resources(TradingGridResource.DOCUMENTS).size();

    RunReport healed = sandboxes.bridge(store).run(CampaignCoordinationFlow.calendars(sandboxes.tradingGrid, config));

    assertThat(healed.failed()).isZero();
    JsonNode post = post("tradinggrid:campaign:" + SUMMER + ":calendar");
    assertThat(post.path("id").asText()).isEqualTo(written.path("id").asText());
    assertThat(post.path("attachments")).isEqualTo(written.path("attachments")); // the same bytes, found again
    assertThat(sandboxes.tradingGridSandbox.resources(TradingGridResource.DOCUMENTS)).hasSize(documents);
    VEvent launch = eventsByUid(calendarOf(post)).get(LaunchCalendarIcs.uid(SUMMER, "launch"));
    assertThat(start(launch)).isEqualTo(LocalDate.of(2027, 5, 10));
    assertThat(launch.getSequence().getValue()).isZero(); // first published: moving before that is no revision
    RunReport again = sandboxes.bridge(store).run(CampaignCoordinationFlow.calendars(sandboxes.tradingGrid, config));
    assertThat(again.created() + again.updated() + again.failed()).isZero();
  }

  @Test
  void aSponsorshipThatNamesNoSponsorFailsItsPartnerPostsWithAClearMessage() throws Exception {
    sandboxes.close();
    dropTheSponsor(COLD_BREW); // the contract forbids it; a platform that sends it anyway gets no undisclosed post
    sandboxes = Sandboxes.start(dir);

    RunReport run = run();

    assertThat(run.stage("kits").failures()).singleElement().satisfies(f -> {
      assertThat(f.sourceKey()).isEqualTo("tradinggrid:campaign:" + COLD_BREW + ":kit");
      assertThat(f.reason()).contains("is a sponsorship but names no sponsor", "set the campaign's sponsor");
    });
    assertThat(run.stage("calendars").failed()).isEqualTo(1);
    assertThat(run.stage("releases").failed()).isEqualTo(2); // episode_1 and episode_2
    assertThat(sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS))
        .noneMatch(p -> p.path("externalRef").asText().startsWith("tradinggrid:campaign:" + COLD_BREW + ":"));
    assertThat(post("tradinggrid:campaign:" + SUMMER + ":kit").path("attachments")).hasSize(2); // the branded one goes on
  }

  /** Removes a campaign's sponsor from the stopped Trading Grid sandbox's state. */
  private void dropTheSponsor(String campaignId) throws Exception {
    Path file = dir.resolve("tradinggrid").resolve("tradinggrid-sandbox-state.json");
    JsonNode root = JSON.readTree(file.toFile());
    boolean dropped = false;
    for (JsonNode community : root.path("communities")) {
      for (JsonNode record : community.path("collections").path("campaigns")) {
        if (record.path("json").path("id").asText().equals(campaignId)) {
          dropped = ((ObjectNode) record.path("json")).remove("sponsor") != null;
        }
      }
    }
    assertThat(dropped).as("sponsor in the sandbox state").isTrue();
    Files.writeString(file, JSON.writeValueAsString(root));
  }

  @Test
  void eachPartnerGetsTheirInstructionsBeforeLaunchAndTheSamePostGetsTheLinkOnceItIsLive() {
    sandboxes.tradingGridSandbox.update(TradingGridResource.CAMPAIGNS, SUMMER,
        JSON.createObjectNode().set("spotifyRefs", JSON.createArrayNode().add("spotify:show:" + SHOW)));
    run();
    String partner = TradingGridDemoData.PARTNER_IDS.get(11); // Larchmont Beverages
    String ref = "tradinggrid:campaign:" + SUMMER + ":milestone:launch:partner:" + partner;
    JsonNode before = post(ref);
    assertThat(texts(before.path("audience").path("partnerIds"))).containsExactly(partner);
    assertThat(before.path("title").asText()).isEqualTo("Summer Sounds in Store: Episode 1 and playlist launch");
    assertThat(before.path("body").asText())
        .contains("**Episode 1 and playlist launch** is due on May 3, 2027. The link follows here once it is live on Spotify.")
        .contains("Supply 30-second product stories for the beverages episode by 15 March.")
        .doesNotContain("open.spotify.com");
    assertThat(before.path("links")).isEmpty();
    for (String milestone : List.of("trailer", "launch", "wrap_report")) {
      for (String p : instructedPartners(SUMMER)) {
        post("tradinggrid:campaign:" + SUMMER + ":milestone:" + milestone + ":partner:" + p); // exactly one each
      }
    }
    assertThat(sandboxes.tradingGridSandbox.countPostsByExternalRef(
        "tradinggrid:campaign:" + SUMMER + ":milestone:brief_signed_off:partner:" + partner)).isZero();

    moveMilestone(SUMMER, "launch", null, LAUNCH); // the episode is out
    RunReport live = run();

    assertThat(live.stage("releases").updated()).isEqualTo(1);
    assertThat(live.stage("releases").created()).isZero();
    JsonNode after = post(ref);
    assertThat(after.path("id").asText()).isEqualTo(before.path("id").asText());
    assertThat(after.path("version").asLong()).isGreaterThan(before.path("version").asLong());
    assertThat(after.path("body").asText()).contains("is live on Spotify.")
        .contains("https://open.spotify.com/episode/" + SpotifyUri.parse(LAUNCH).id())
        .contains("Supply 30-second product stories for the beverages episode by 15 March.")
        .doesNotContain("is due on");
    assertThat(after.path("links").get(0).path("url").asText()).contains(SpotifyUri.parse(LAUNCH).id());
    assertThat(campaign(SUMMER).path("milestones").get(2).path("status").asText()).isEqualTo("done");
    assertASecondRunWritesNothing();
  }

  @Test
  void everyPartnerPostOfASponsorshipDisclosesTheSponsor() {
    run();

    String disclosure = "**Sponsored by " + TradingGridDemoData.SPONSOR_COLD_BREW + ".**";
    List<JsonNode> posts = sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS).stream()
        .filter(p -> p.path("externalRef").asText().startsWith("tradinggrid:campaign:" + COLD_BREW + ":")).toList();
    assertThat(posts).extracting(p -> p.path("externalRef").asText()).containsExactlyInAnyOrder(
        "tradinggrid:campaign:" + COLD_BREW + ":kit", "tradinggrid:campaign:" + COLD_BREW + ":calendar",
        "tradinggrid:campaign:" + COLD_BREW + ":milestone:episode_1:partner:" + TradingGridDemoData.PARTNER_IDS.get(11),
        "tradinggrid:campaign:" + COLD_BREW + ":milestone:episode_1:partner:" + TradingGridDemoData.PARTNER_IDS.get(13),
        "tradinggrid:campaign:" + COLD_BREW + ":milestone:episode_2:partner:" + TradingGridDemoData.PARTNER_IDS.get(11),
        "tradinggrid:campaign:" + COLD_BREW + ":milestone:episode_2:partner:" + TradingGridDemoData.PARTNER_IDS.get(13));
    assertThat(posts).allSatisfy(p -> {
      assertThat(p.path("body").asText()).startsWith(disclosure);
      assertThat(p.path("metadata").path("sponsor").asText()).isEqualTo(TradingGridDemoData.SPONSOR_COLD_BREW);
      assertThat(p.path("metadata").path("campaignType").asText()).isEqualTo("sponsorship");
    });
    JsonNode kit = post("tradinggrid:campaign:" + COLD_BREW + ":kit");
    assertThat(texts(kit.path("attachments"))).containsExactly("d_cold_brew_brief", "d_cold_brew_disclosure");
    VEvent episode = eventsByUid(calendarOf(post("tradinggrid:campaign:" + COLD_BREW + ":calendar")))
        .get(LaunchCalendarIcs.uid(COLD_BREW, "episode_1"));
    assertThat(episode.getSummary().getValue())
        .isEqualTo("Cold Brew Sessions: Episode 1: bean to bag (sponsored by Umber Coffee Roasters)");
    assertThat(post("tradinggrid:campaign:" + SUMMER + ":kit").path("body").asText()).doesNotContain("Sponsored");
  }

  @Test
  void germanTemplatesWriteTheKitTheCalendarAndTheInstructionsInGerman() {
    run(PostTemplates.builder().locale(Locale.GERMAN).build());

    JsonNode kit = post("tradinggrid:campaign:" + COLD_BREW + ":kit");
    assertThat(kit.path("title").asText()).isEqualTo("Cold Brew Sessions: Kampagnenpaket");
    assertThat(kit.path("body").asText()).startsWith("**Gesponsert von Umber Coffee Roasters.**")
        .contains("### Freigabedokumente", "- `cold-brew-sessions-brief.pdf` (angehängt)");
    JsonNode calendar = post("tradinggrid:campaign:" + COLD_BREW + ":calendar");
    assertThat(calendar.path("title").asText()).isEqualTo("Cold Brew Sessions: Launch-Kalender");
    assertThat(calendar.path("body").asText()).contains("| 7. Juni 2027 | Episode 1: bean to bag |");
    assertThat(post("tradinggrid:campaign:" + COLD_BREW + ":milestone:episode_1:partner:" + TradingGridDemoData.PARTNER_IDS.get(13))
        .path("body").asText()).contains("**Episode 1: bean to bag** ist am 7. Juni 2027 fällig.", "### Ihre Anweisungen");
  }
}
