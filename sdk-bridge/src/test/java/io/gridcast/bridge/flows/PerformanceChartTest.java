package io.gridcast.bridge.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** JFreeChart is optional in sdk-bridge: flow 8 says what to add when it is missing. */
class PerformanceChartTest {

  @Test
  void withoutJFreeChartTheErrorNamesTheArtifactToAdd() {
    ClassLoader withoutJFreeChart = new ClassLoader(null) { }; // the platform's classes only

    assertThatThrownBy(() -> PerformanceChart.requireLibrary(withoutJFreeChart))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("org.jfree:jfreechart:" + PerformanceChart.TESTED_VERSION)
        .hasMessageContaining("flow 8");
  }

  @Test
  void withJFreeChartOnTheClassPathNothingIsMissing() {
    PerformanceChart.requireLibrary();
  }

  @Test
  void theVersionTheMessageNamesIsTheOneTheBuildUses() throws Exception {
    String parentPom = Files.readString(Path.of("..", "pom.xml"));
    Matcher version = Pattern.compile("<jfreechart.version>([^<]+)</jfreechart.version>").matcher(parentPom);

    assertThat(version.find()).isTrue();
    assertThat(PerformanceChart.TESTED_VERSION).isEqualTo(version.group(1));
  }

  @Test
  void theChartComparesEachDayWithThePeriodBeforesDailyAverageStreams() {
    io.gridcast.spotify.analytics.EpisodeDailyStats day = io.gridcast.spotify.analytics.EpisodeDailyStats.builder()
        .date(java.time.LocalDate.of(2025, 3, 8)).episodeId("6lJWSlufmRQZrL1FrzbFfF").starts(50).streams(30).listeners(20).build();
    EpisodePerformance e = new EpisodePerformance("6lJWSlufmRQZrL1FrzbFfF", "Episode 14", "Weekly", "2025-02-13", java.util.List.of(day));
    PerformanceData withBefore = new PerformanceData("shows:x", "Weekly", java.time.LocalDate.of(2025, 3, 8),
        java.time.LocalDate.of(2025, 3, 9), java.util.List.of(e), java.util.Optional.of(new PerformanceData.Previous(
            java.time.LocalDate.of(2025, 3, 6), java.time.LocalDate.of(2025, 3, 7), 90, 61)));

    var dataset = PerformanceChart.Renderer.dataset(withBefore);

    assertThat(dataset.getRowKeys()).containsExactly("Starts", "Streams", PerformanceChart.PREVIOUS);
    assertThat(dataset.getValue(PerformanceChart.PREVIOUS, "03-08").doubleValue()).isEqualTo(30.5);
    assertThat(dataset.getValue(PerformanceChart.PREVIOUS, "03-09").doubleValue()).isEqualTo(30.5);
    assertThat(dataset.getValue("Streams", "03-08").longValue()).isEqualTo(30);
    assertThat(PerformanceChart.Renderer.dataset(new PerformanceData("shows:x", "Weekly", java.time.LocalDate.of(2025, 3, 8),
        java.time.LocalDate.of(2025, 3, 9), java.util.List.of(e))).getRowKeys()).containsExactly("Starts", "Streams");
    assertThat(PerformanceChart.png(withBefore)).startsWith(0x89, 'P', 'N', 'G');
  }
}
