package io.gridcast.bridge.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.bridge.state.Lease;
import io.gridcast.bridge.testing.Sandboxes;
import io.gridcast.spotify.analytics.CsvAnalyticsSource;
import io.gridcast.testkit.MutableClock;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridResource;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Flow 8 on a calendar: each week is reported once it has ended, and weeks missed while nothing ran
 * are caught up, each exactly once. Against both sandboxes, with the analytics export of
 * 2025-02-24 to 2025-03-24 and a clock the test moves.
 */
class PerformanceReportCalendarTest {

  private static final String SHOW = SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY;
  private static final String FLOW = "performance-report";

  private final MutableClock clock = new MutableClock(Instant.parse("2025-03-04T10:00:00Z")); // a Tuesday
  private Sandboxes sandboxes;
  private InMemoryStateStore store;
  private Bridge bridge;

  @BeforeEach
  void start() {
    sandboxes = Sandboxes.start();
    store = new InMemoryStateStore(clock);
    bridge = Bridge.builder().stateStore(store).clock(clock).build();
  }

  @AfterEach
  void stop() {
    sandboxes.close();
  }

  private static Path export() {
    try {
      return Path.of(PerformanceReportCalendarTest.class.getResource("/analytics/trading-grid-weekly-2025-03.csv").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private PerformanceReportConfig.Builder weekly() {
    return PerformanceReportConfig.builder().addShowIds(SHOW).calendar(ReportCalendar.weekly(DayOfWeek.MONDAY))
        .analytics(CsvAnalyticsSource.fromPath(export()));
  }

  private Flow<?, ?> flow(PerformanceReportConfig config) {
    return PerformanceReportFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config);
  }

  private static String key(String period) {
    return "gridcast:performance-report:shows:" + SHOW + ":" + period;
  }

  private JsonNode post(String period) {
    return sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS).stream()
        .filter(p -> p.path("externalRef").asText().equals(key(period))).findFirst().orElseThrow();
  }

  private List<String> reportedPeriods() {
    return sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS).stream()
        .map(p -> p.path("externalRef").asText())
        .filter(r -> r.startsWith("gridcast:performance-report:"))
        .map(r -> r.substring(r.lastIndexOf(':') + 1))
        .sorted().toList();
  }

  @Test
  void theFirstRunReportsTheWeekThatEndedAndALaterRunCatchesUpOnTwoMissedWeeksExactlyOnce() {
    RunReport first = bridge.run(flow(weekly().build()));

    assertThat(first.created()).isEqualTo(1);
    assertThat(reportedPeriods()).containsExactly("2025-02-24..2025-03-02");
    assertThat(store.checkpoint(FLOW, "default")).contains("2025-03-02");
    assertThat(post("2025-02-24..2025-03-02").path("title").asText())
        .isEqualTo("Podcast performance Feb 24, 2025 to Mar 2, 2025: Trading Grid Weekly");

    clock.advance(Duration.ofDays(14)); // nothing ran for two weeks: it is Tuesday 2025-03-18
    RunReport catchUp = bridge.run(flow(weekly().build()));

    assertThat(catchUp.created()).isEqualTo(2);
    assertThat(catchUp.seen()).isEqualTo(2);
    assertThat(reportedPeriods()).containsExactly("2025-02-24..2025-03-02", "2025-03-03..2025-03-09", "2025-03-10..2025-03-16");
    assertThat(store.checkpoint(FLOW, "default")).contains("2025-03-16");
    JsonNode missed = post("2025-03-03..2025-03-09");
    assertThat(missed.path("metadata").path("periodStart").asText()).isEqualTo("2025-03-03");
    assertThat(missed.path("body").asText()).contains("| **Total** |");

    RunReport again = bridge.run(flow(weekly().build()));
    assertThat(again.seen()).isZero();
    assertThat(reportedPeriods()).hasSize(3).doesNotHaveDuplicates();
  }

  @Test
  void aPeriodWhoseReportFailedIsTriedAgainByTheNextRunWithoutMovingTheCheckpointBack() {
    clock.set(Instant.parse("2025-03-11T08:00:00Z"));
    bridge.run(flow(weekly().build())); // reports 2025-03-03..2025-03-09
    assertThat(store.checkpoint(FLOW, "default")).contains("2025-03-09");
    // the week before had failed in an earlier life of the flow: its dead letter is still there
    Lease lease = store.tryAcquire(FLOW, "default", "test", Duration.ofMinutes(1)).orElseThrow();
    store.deadLetter(FLOW, key("2025-02-24..2025-03-02"), "target refused it", key("2025-02-24..2025-03-02"), clock.instant(), lease);
    store.release(lease);

    RunReport retried = bridge.run(flow(weekly().build()));

    assertThat(retried.created()).isEqualTo(1);
    assertThat(reportedPeriods()).containsExactly("2025-02-24..2025-03-02", "2025-03-03..2025-03-09");
    assertThat(store.checkpoint(FLOW, "default")).contains("2025-03-09");
    assertThat(store.deadLetters(FLOW)).isEmpty();
  }

  @Test
  void aWeekIsReportedOnlyOnceItsDelayHasPassedInTheConfiguredZone() {
    clock.set(Instant.parse("2025-03-10T22:30:00Z")); // Monday 23:30 in Berlin, Monday in UTC
    PerformanceReportConfig berlin = weekly().zone(ZoneId.of("Europe/Berlin")).reportDelayDays(0).build();
    bridge.run(flow(berlin));
    assertThat(reportedPeriods()).containsExactly("2025-03-03..2025-03-09");

    clock.set(Instant.parse("2025-03-16T23:30:00Z")); // Monday 00:30 in Berlin: last week has ended there
    bridge.run(flow(berlin));
    assertThat(reportedPeriods()).containsExactly("2025-03-03..2025-03-09", "2025-03-10..2025-03-16");
  }

  @Test
  void reportFromMakesTheFirstRunReportEveryEndedPeriodSinceThatDay() {
    clock.set(Instant.parse("2025-03-25T08:00:00Z"));

    RunReport report = bridge.run(flow(weekly().reportFrom(LocalDate.of(2025, 2, 24)).build()));

    assertThat(report.created()).isEqualTo(4);
    assertThat(reportedPeriods()).containsExactly("2025-02-24..2025-03-02", "2025-03-03..2025-03-09",
        "2025-03-10..2025-03-16", "2025-03-17..2025-03-23");
  }

  @Test
  void calendarsSayWhichPeriodsHaveEnded() {
    ReportCalendar monthly = ReportCalendar.monthly();
    assertThat(monthly.lastEndingBefore(LocalDate.of(2025, 3, 31))).contains(
        new ReportPeriod(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28)));
    assertThat(monthly.lastEndingBefore(LocalDate.of(2025, 4, 1))).contains(
        new ReportPeriod(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)));
    assertThat(monthly.firstStartingOnOrAfter(LocalDate.of(2025, 3, 2))).contains(
        new ReportPeriod(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30)));
    ReportCalendar weeks = ReportCalendar.weekly(DayOfWeek.MONDAY);
    assertThat(weeks.lastEndingBefore(LocalDate.of(2025, 3, 10))).contains(
        new ReportPeriod(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 9)));
    assertThat(weeks.lastEndingBefore(LocalDate.of(2025, 3, 9))).contains(
        new ReportPeriod(LocalDate.of(2025, 2, 24), LocalDate.of(2025, 3, 2)));

    ReportPeriod q1 = new ReportPeriod(LocalDate.of(2025, 1, 6), LocalDate.of(2025, 4, 6));
    ReportPeriod q2 = new ReportPeriod(LocalDate.of(2025, 4, 7), LocalDate.of(2025, 7, 6));
    ReportCalendar fiscal = ReportCalendar.of(List.of(q2, q1));
    assertThat(fiscal.lastEndingBefore(LocalDate.of(2025, 7, 6))).contains(q1);
    assertThat(fiscal.firstStartingOnOrAfter(LocalDate.of(2025, 7, 7))).isEmpty();
    assertThatThrownBy(() -> ReportCalendar.of(List.of(q1, new ReportPeriod(LocalDate.of(2025, 4, 6), LocalDate.of(2025, 5, 1)))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
  }

  @Test
  void aReportIsOnAFixedPeriodOrACalendarNeverBothOrNeither() {
    assertThatThrownBy(() -> weekly().periodStart(LocalDate.of(2025, 3, 1)).periodEnd(LocalDate.of(2025, 3, 7)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
    assertThatThrownBy(() -> PerformanceReportConfig.builder().addShowIds(SHOW)
        .analytics(CsvAnalyticsSource.fromPath(export())).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("or a calendar");
    assertThatThrownBy(() -> weekly().reportDelayDays(-1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reportDelayDays");
  }
}
