package io.gridcast.bridge.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.testing.Sandboxes;
import io.gridcast.bridge.text.PostMarkdown;
import io.gridcast.spotify.analytics.CsvAnalyticsSource;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridResource;
import io.gridcast.tradinggrid.model.IssueSeverity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flow 8's follow-up rules: an actions section in the report and one issue per action, for its owner. */
class PerformanceFollowUpsTest {

  private static final String SHOW = SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY;
  private static final String LOW = SpotifyDemoData.episodeId(SHOW, 0);
  private static final String FINE = SpotifyDemoData.episodeId(SHOW, 1);
  private static final LocalDate START = LocalDate.of(2025, 3, 8);
  private static final LocalDate END = LocalDate.of(2025, 3, 14);

  @TempDir Path tmp;

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

  /** A week before with 560 streams, then a week with 420 (-25 %), one episode at 40 % completion. */
  private Path export() throws IOException {
    StringBuilder csv = new StringBuilder("Date,Episode ID,Starts,Streams,Listeners,Completion Rate\n");
    for (LocalDate d = START.minusDays(7); d.isBefore(START); d = d.plusDays(1)) {
      csv.append(d).append(',').append(LOW).append(",100,80,70,60%\n");
    }
    for (LocalDate d = START; !d.isAfter(END); d = d.plusDays(1)) {
      csv.append(d).append(',').append(LOW).append(",50,30,25,40%\n");
      csv.append(d).append(',').append(FINE).append(",40,30,25,70%\n");
    }
    return Files.writeString(tmp.resolve("export.csv"), csv);
  }

  private PerformanceReportConfig config() throws IOException {
    return PerformanceReportConfig.builder().addShowIds(SHOW).periodStart(START).periodEnd(END)
        .analytics(CsvAnalyticsSource.fromPath(export()))
        .addFollowUps(FollowUpRule.completionBelow(0.5).owner("content-team"),
            FollowUpRule.dropFromPrevious(FollowUpRule.Measure.STREAMS, 0.2).owner("partner-marketing").severity(IssueSeverity.HIGH))
        .build();
  }

  private List<JsonNode> followUpIssues() {
    return sandboxes.tradingGridSandbox.resources(TradingGridResource.ISSUES).stream()
        .filter(i -> i.path("externalRef").asText().contains("#follow-up:")).toList();
  }

  @Test
  void eachRuleThatFiresIsListedInTheReportAndOpensOneIssueForItsOwner() throws IOException {
    RunReport report = bridge.run(PerformanceReportFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config()));

    assertThat(report.failed()).isZero();
    assertThat(report.stage("performance-report.report").created()).isEqualTo(1);
    assertThat(report.stage("performance-report.follow-ups").created()).isEqualTo(2);
    String name = sandboxes.spotify.episodes().get(LOW).name();
    String lowLine = "Completion of **" + PostMarkdown.escape(name) + "** is 40.0%, below 50%: look at its length, its opening"
        + " and where listeners drop off. Owner: content-team.";
    String dropLine = "Streams changed by -25% against the period before, a drop of more than 20%: check what changed in"
        + " promotion and publishing. Owner: partner-marketing.";
    JsonNode post = sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS).stream()
        .filter(p -> p.path("metadata").has("dataSha256")).findFirst().orElseThrow();
    assertThat(post.path("body").asText()).contains("### Follow-up actions\n\n- " + lowLine + "\n- " + dropLine);

    List<JsonNode> issues = followUpIssues();
    assertThat(issues).hasSize(2);
    JsonNode low = issues.stream().filter(i -> i.path("externalRef").asText().endsWith(":" + LOW)).findFirst().orElseThrow();
    assertThat(low.path("title").asText()).isEqualTo("Follow-up: low completion of " + name + " (Mar 8, 2025 to Mar 14, 2025)");
    assertThat(low.path("description").asText()).isEqualTo(lowLine
        + "\n\nFound in the performance report of **Trading Grid Weekly** for Mar 8, 2025 to Mar 14, 2025.");
    assertThat(low.path("owner").asText()).isEqualTo("content-team");
    assertThat(low.path("severity").asText()).isEqualTo("medium");
    assertThat(low.path("type").asText()).isEqualTo("feedback");
    assertThat(low.path("links").get(0).path("url").asText()).isEqualTo("https://open.spotify.com/episode/" + LOW);
    JsonNode drop = issues.stream().filter(i -> i.path("externalRef").asText().endsWith("#follow-up:streams-drop-20")).findFirst()
        .orElseThrow();
    assertThat(drop.path("title").asText()).isEqualTo("Follow-up: streams dropped for Trading Grid Weekly (Mar 8, 2025 to Mar 14, 2025)");
    assertThat(drop.path("owner").asText()).isEqualTo("partner-marketing");
    assertThat(drop.path("severity").asText()).isEqualTo("high");
  }

  @Test
  void aRerunOpensNoSecondIssueAndLeavesTheOwnersEditsAlone() throws IOException {
    bridge.run(PerformanceReportFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config()));
    JsonNode low = followUpIssues().get(0);
    sandboxes.tradingGrid.issues().update(sandboxes.tradingGrid.issues().get(low.path("id").asText()),
        current -> java.util.Optional.of(io.gridcast.tradinggrid.model.IssueUpdate.builder().owner("someone-else").build()));

    RunReport again = bridge.run(PerformanceReportFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config()));

    assertThat(again.created() + again.updated()).isZero();
    assertThat(followUpIssues()).hasSize(2);
    assertThat(sandboxes.tradingGridSandbox.resource(TradingGridResource.ISSUES, low.path("id").asText()).orElseThrow()
        .path("owner").asText()).isEqualTo("someone-else");
  }

  @Test
  void rulesOutsideTheirRangeAreRefusedSayingWhatToWrite() {
    assertThatThrownBy(() -> FollowUpRule.completionBelow(45)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0.45 is 45 %");
    assertThatThrownBy(() -> FollowUpRule.dropFromPrevious(FollowUpRule.Measure.STARTS, 1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.2 is 20 %");
    assertThatThrownBy(() -> FollowUpRule.completionBelow(0.4).owner(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("owner");
  }
}
