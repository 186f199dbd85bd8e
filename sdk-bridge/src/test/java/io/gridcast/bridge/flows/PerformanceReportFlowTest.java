package io.gridcast.bridge.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.testing.Sandboxes;
import io.gridcast.spotify.analytics.AnalyticsFormatException;
import io.gridcast.spotify.analytics.CsvAnalyticsSource;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridResource;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
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

class PerformanceReportFlowTest {

  private static final String SHOW = SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY;
  private static final LocalDate START = LocalDate.of(2025, 3, 1);
  private static final LocalDate END = LocalDate.of(2025, 3, 21);
  private static final String KEY = "gridcast:performance-report:shows:" + SHOW + ":2025-03-01..2025-03-21";

  @TempDir
  Path tmp;

  private Sandboxes sandboxes;
  private Bridge bridge;

  @BeforeEach
  void start() {
    sandboxes = Sandboxes.start();
    bridge = sandboxes.bridge();
  }

  @AfterEach
  void stop() {
    sandboxes.close();
  }

  @Test
  void firstRunPublishesOneReportPostWithTableChartAndCsv() throws IOException {
    RunReport report = bridge.run(flow(fixture()));

    assertThat(report.created()).isEqualTo(1);
    assertThat(sandboxes.tradingGridSandbox.countPostsByExternalRef(KEY)).isEqualTo(1);
    JsonNode post = post();
    assertThat(post.path("kind").asText()).isEqualTo("report");
    assertThat(post.path("title").asText()).isEqualTo("Podcast performance Mar 1, 2025 to Mar 21, 2025: Trading Grid Weekly");
    String body = post.path("body").asText();
    assertThat(body).contains("| Episode | Show | Released | Starts | Streams | Peak daily listeners | Completion | Listening hours | Days |")
        .contains("| Episode 14: EDI 856 changes explained | Trading Grid Weekly | 2025-02-13 |")
        .contains("| Episode 18: Forecast sharing | Trading Grid Weekly | 2025-03-13 |")
        .contains("| Episode 19: Quarter-end checklist | Trading Grid Weekly | 2025-03-20 |")
        .contains("| **Total** |")
        .doesNotContain("Partnerstimmen");
    assertThat(body.lines().filter(l -> l.startsWith("| Episode 1")).count()).isEqualTo(6);
    assertThat(post.path("metadata").path("periodStart").asText()).isEqualTo("2025-03-01");

    List<JsonNode> docs = attachments(post);
    assertThat(docs).extracting(d -> d.path("fileName").asText())
        .containsExactly("performance-2025-03-01_2025-03-21.csv", "performance-2025-03-01_2025-03-21.png");
    String csv = new String(content(docs.get(0)), StandardCharsets.UTF_8);
    List<String> lines = csv.lines().toList();
    assertThat(lines.get(0)).isEqualTo("date,episode_id,episode,show,release_date,starts,streams,listeners,completion_rate,consumption_hours");
    assertThat(lines).hasSize(1 + (int) expectedRowsInPeriod());
    assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l).startsWith("2025-03-"))
        .noneMatch(l -> l.contains("Köln"));
    assertThat(csv).contains(",6GBJTknwmtHMZorgtsmNxR,\"Episode 18: Forecast sharing\","); // a row named only by title, matched by name
    // the figures: Episode 14's row adds up its days in the export, and the totals add up the attached data
    long[] ep14 = sumOfFixture("6lJWSlufmRQZrL1FrzbFfF");
    assertThat(ep14[0]).isPositive();
    assertThat(body).contains("| Episode 14: EDI 856 changes explained | Trading Grid Weekly | 2025-02-13 | "
        + String.format(java.util.Locale.ROOT, "%,d | %,d |", ep14[0], ep14[1]));
    long starts = 0;
    long streams = 0;
    double completed = 0;
    double hours = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
      starts += Long.parseLong(cells[5]);
      streams += Long.parseLong(cells[6]);
      completed += Double.parseDouble(cells[8]) * Long.parseLong(cells[5]);
      hours += Double.parseDouble(cells[9]);
    }
    // completion weighted by starts, and the hours listened, in the table's total row
    java.text.NumberFormat percent = java.text.NumberFormat.getPercentInstance(java.util.Locale.ENGLISH);
    percent.setMinimumFractionDigits(1);
    percent.setMaximumFractionDigits(1);
    percent.setRoundingMode(java.math.RoundingMode.HALF_UP);
    assertThat(body).contains("| Completion | Listening hours | Days |")
        .contains(String.format(java.util.Locale.ROOT, "| **Total** | | | **%,d** | **%,d** | | **%s** | **%,.1f** | |", starts, streams,
            percent.format(completed / starts), hours));
    // compared with the 21 days before, from the export's rows of the same episodes
    java.util.Set<String> ids = new java.util.TreeSet<>();
    lines.subList(1, lines.size()).forEach(l -> ids.add(l.split(",")[1]));
    long[] before = new long[2];
    java.util.TreeMap<LocalDate, Long> followers = new java.util.TreeMap<>();
    List<String> export = Files.readAllLines(fixture(), StandardCharsets.UTF_8);
    for (String line : export.subList(1, export.size())) {
      String[] cells = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
      LocalDate date = LocalDate.parse(cells[0]);
      if (!ids.contains(cells[1])) {
        continue;
      }
      if (!date.isBefore(START.minusDays(21)) && date.isBefore(START)) {
        before[0] += Long.parseLong(cells[3]);
        before[1] += Long.parseLong(cells[4]);
      } else if (!date.isBefore(START) && !date.isAfter(END)) {
        followers.merge(date, Long.parseLong(cells[6]), Math::max);
      }
    }
    assertThat(before[0]).isPositive();
    long change = Math.round((starts - before[0]) * 100.0 / before[0]);
    assertThat(body).contains(String.format(java.util.Locale.ROOT, "Compared with Feb 8, 2025 to Feb 28, 2025: starts %,d → %,d (%s%d%%)",
        before[0], starts, change > 0 ? "+" : "", change)).contains(String.format(java.util.Locale.ROOT, "streams %,d → %,d", before[1], streams));
    long gained = followers.lastEntry().getValue() - followers.firstEntry().getValue();
    assertThat(gained).isPositive();
    assertThat(body).contains(String.format(java.util.Locale.ROOT, "Followers gained over the period: +%,d.", gained));
    byte[] png = content(docs.get(1));
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    assertThat(docs.get(0).path("externalRef").asText()).startsWith(KEY + ":data:");
    assertThat(docs.get(1).path("externalRef").asText()).startsWith(KEY + ":chart:");
  }

  @Test
  void rerunWithTheSameDataChangesNothing() {
    bridge.run(flow(fixture()));
    int documents = sandboxes.tradingGridSandbox.resources(TradingGridResource.DOCUMENTS).size();
    long version = post().path("version").asLong();

    RunReport again = bridge.run(flow(fixture()));

    assertThat(again.unchanged()).isEqualTo(1);
    assertThat(again.created() + again.updated()).isZero();
    assertThat(sandboxes.tradingGridSandbox.countPostsByExternalRef(KEY)).isEqualTo(1);
    assertThat(post().path("version").asLong()).isEqualTo(version);
    assertThat(sandboxes.tradingGridSandbox.resources(TradingGridResource.DOCUMENTS)).hasSize(documents);
  }

  @Test
  void correctedDataUpdatesTheSamePostWithNewAttachments() throws IOException {
    bridge.run(flow(fixture()));
    List<String> before = ids(post().path("attachments"));
    Path corrected = tmp.resolve("corrected.csv");
    String text = Files.readString(fixture(), StandardCharsets.UTF_8).replace("2025-03-10,6lJWSlufmRQZrL1FrzbFfF,\"Episode 14: EDI 856 changes explained\",",
        "2025-03-10,6lJWSlufmRQZrL1FrzbFfF,\"Episode 14: EDI 856 changes explained\",1");
    assertThat(text).isNotEqualTo(Files.readString(fixture(), StandardCharsets.UTF_8));
    Files.writeString(corrected, text, StandardCharsets.UTF_8);

    RunReport report = bridge.run(flow(corrected));

    assertThat(report.updated()).isEqualTo(1);
    assertThat(sandboxes.tradingGridSandbox.countPostsByExternalRef(KEY)).isEqualTo(1);
    List<String> after = ids(post().path("attachments"));
    assertThat(after).hasSize(2).doesNotContainAnyElementsOf(before);
    assertThat(bridge.run(flow(corrected)).unchanged()).isEqualTo(1);
  }

  @Test
  void theSameDataRendersTheSameChartBytes() {
    PerformanceDataSource source = new PerformanceDataSource(sandboxes.spotify, sandboxes.tradingGrid, config(fixture()));
    PerformanceData data = source.load();

    assertThat(PerformanceChart.png(data)).isEqualTo(PerformanceChart.png(source.load()));
    assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
  }

  @Test
  void flakyPlatformsStillEndWithExactlyOneReportAndItsTwoDocuments() {
    sandboxes.faults(Sandboxes.flaky(8));
    RunReport first = bridge.run(flow(fixture()));
    if (first.created() == 0) {
      bridge.run(flow(fixture()));
    }
    sandboxes.faults(io.gridcast.testkit.FaultProfile.none());

    assertThat(sandboxes.tradingGridSandbox.countPostsByExternalRef(KEY)).isEqualTo(1);
    List<JsonNode> docs = attachments(post());
    assertThat(docs).hasSize(2);
    for (JsonNode d : docs) {
      assertThat(sandboxes.tradingGridSandbox.countByExternalRef(TradingGridResource.DOCUMENTS, d.path("externalRef").asText()))
          .isEqualTo(1);
    }
    assertThat(bridge.run(flow(fixture())).unchanged()).isEqualTo(1);
  }

  @Test
  void aMalformedExportFailsTheRunNamingTheLineAndWritesNothing() {
    int posts = sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS).size();
    CsvAnalyticsSource bad = CsvAnalyticsSource.fromReader(new StringReader(
        "Date,Episode ID,Starts,Streams,Listeners\n2025-03-02," + SpotifyDemoData.episodeId(SHOW, 14) + ",12,many,9\n"));
    PerformanceReportConfig config = PerformanceReportConfig.builder().from(config(fixture())).analytics(bad).build();

    assertThatThrownBy(() -> bridge.run(PerformanceReportFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config)))
        .isInstanceOf(AnalyticsFormatException.class)
        .hasMessageContaining("line 2").hasMessageContaining("Streams");
    assertThat(sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS)).hasSize(posts);
  }

  @Test
  void aPeriodEndingBeforeItStartsIsRefused() {
    assertThatThrownBy(() -> PerformanceReportConfig.builder().addShowIds(SHOW).periodStart(END).periodEnd(START)
        .analytics(CsvAnalyticsSource.fromPath(fixture())).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("periodEnd");
  }

  @Test
  void aReportNeedsExactlyOneScope() {
    assertThatThrownBy(() -> PerformanceReportConfig.builder().periodStart(START).periodEnd(END)
        .analytics(CsvAnalyticsSource.fromPath(fixture())).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("showIds").hasMessageContaining("campaignId");
    assertThatThrownBy(() -> PerformanceReportConfig.builder().addShowIds(SHOW).campaignId("cmp_summer_sounds")
        .periodStart(START).periodEnd(END).analytics(CsvAnalyticsSource.fromPath(fixture())).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
  }

  @Test
  void aSponsoredCampaignsReportAttributesItsSponsor() throws IOException {
    String campaign = io.gridcast.testkit.TradingGridDemoData.CAMPAIGN_COLD_BREW;
    sandboxes.tradingGrid.campaigns().update(campaign, current -> java.util.Optional.of(
        io.gridcast.tradinggrid.model.CampaignUpdate.builder().spotifyRefs(List.of("spotify:show:" + SHOW)).build()));
    PerformanceReportConfig sponsored = PerformanceReportConfig.builder().campaignId(campaign).periodStart(START).periodEnd(END)
        .analytics(CsvAnalyticsSource.fromPath(fixture())).build();

    RunReport report = bridge.run(PerformanceReportFlow.create(sandboxes.spotify, sandboxes.tradingGrid, sponsored));

    assertThat(report.created()).isEqualTo(1);
    com.fasterxml.jackson.databind.JsonNode post = sandboxes.tradingGridSandbox.resources(io.gridcast.testkit.TradingGridResource.POSTS)
        .stream().filter(p -> p.path("externalRef").asText().startsWith("gridcast:performance-report:campaign:" + campaign))
        .findFirst().orElseThrow();
    assertThat(post.path("body").asText()).startsWith("**Sponsored by " + io.gridcast.testkit.TradingGridDemoData.SPONSOR_COLD_BREW
        + ".**\n\nPerformance of **Cold Brew Sessions** from Mar 1, 2025 to Mar 21, 2025.");
    assertThat(post.path("metadata").path("sponsor").asText()).isEqualTo(io.gridcast.testkit.TradingGridDemoData.SPONSOR_COLD_BREW);
    assertThat(post.path("title").asText()).isEqualTo("Podcast performance Mar 1, 2025 to Mar 21, 2025: Cold Brew Sessions");
  }

  @Test
  void aPeriodLongerThanAYearIsRefused() {
    assertThatThrownBy(() -> PerformanceReportConfig.builder().addShowIds(SHOW).periodStart(START)
        .periodEnd(START.plusDays(400)).analytics(CsvAnalyticsSource.fromPath(fixture())).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("366 days");
  }

  private io.gridcast.bridge.Flow<?, ?> flow(Path csv) {
    return PerformanceReportFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config(csv));
  }

  private static PerformanceReportConfig config(Path csv) {
    return PerformanceReportConfig.builder()
        .addShowIds(SHOW)
        .periodStart(START)
        .periodEnd(END)
        .analytics(CsvAnalyticsSource.fromPath(csv))
        .build();
  }

  private static Path fixture() {
    try {
      return Path.of(PerformanceReportFlowTest.class.getResource("/analytics/trading-grid-weekly-2025-03.csv").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts and streams of one episode id over the period, read straight from the export. */
  private static long[] sumOfFixture(String episodeId) {
    try {
      long[] sums = new long[2];
      for (String line : Files.readAllLines(fixture(), StandardCharsets.UTF_8)) {
        String[] cells = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
        if (cells.length > 4 && cells[1].equals(episodeId)) {
          LocalDate date = LocalDate.parse(cells[0]);
          if (!date.isBefore(START) && !date.isAfter(END)) {
            sums[0] += Long.parseLong(cells[3]);
            sums[1] += Long.parseLong(cells[4]);
          }
        }
      }
      return sums;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long expectedRowsInPeriod() {
    try {
      return Files.readAllLines(fixture()).stream()
          .filter(l -> l.compareTo("2025-03-01") >= 0 && l.compareTo("2025-03-22") < 0)
          .filter(l -> !l.contains("Köln"))
          .count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode post() {
    return sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS).stream()
        .filter(p -> p.path("externalRef").asText().equals(KEY)).findFirst().orElseThrow();
  }

  private List<JsonNode> attachments(JsonNode post) {
    List<JsonNode> docs = new ArrayList<>();
    for (String id : ids(post.path("attachments"))) {
      docs.add(sandboxes.tradingGridSandbox.resource(TradingGridResource.DOCUMENTS, id).orElseThrow());
    }
    return docs;
  }

  private byte[] content(JsonNode doc) {
    return sandboxes.tradingGridSandbox.documentContent(doc.path("id").asText()).orElseThrow();
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.asText()));
    return ids;
  }
}
