package io.gridcast.bridge.flows;

import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.text.PostTemplates;
import io.gridcast.bridge.RunCaps;
import io.gridcast.bridge.policy.RoutingPolicy;
import io.gridcast.core.GridcastStyle;
import io.gridcast.spotify.Market;
import io.gridcast.spotify.analytics.AnalyticsSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Settings of {@link PerformanceReportFlow} (the generated {@code PerformanceReportConfig};
 * build with {@code PerformanceReportConfig.builder()}).
 *
 * <p>Required: the analytics source; exactly one scope: show ids, or a Trading Grid campaign id
 * (whose Spotify show and episode references are the scope); and what to report on, either one
 * fixed period ({@code periodStart}, {@code periodEnd}, both inclusive, at most 366 days) or a
 * {@linkplain #calendar() calendar} of recurring periods, each reported once it has ended (and
 * {@code reportDelayDays} more have passed), with missed periods caught up. Defaults: flow name
 * {@code performance-report}; no market; everyone in the community as audience; tags
 * {@code podcast} and {@code performance-report}; periods in UTC, reported a day after they end;
 * a first run reports the last period that ended; no run caps. Immutable and thread-safe.
 */
@Value.Immutable
@GridcastStyle
abstract class AbstractPerformanceReportConfig {

  /** The longest period one report covers, in days. */
  public static final long MAX_PERIOD_DAYS = 366;

  /** The flow's name, under which its state is kept; default {@code performance-report}. */
  @Value.Default
  public String flowName() {
    return "performance-report";
  }

  /** The first day of the one period reported (inclusive); unset with a {@link #calendar()}. */
  public abstract Optional<LocalDate> periodStart();

  /** The last day of the one period reported (inclusive); unset with a {@link #calendar()}. */
  public abstract Optional<LocalDate> periodEnd();

  /**
   * Recurring periods, e.g. {@code ReportCalendar.weekly(DayOfWeek.MONDAY)}: each run reports
   * every period that has ended since the last one it reported (kept as the flow's checkpoint),
   * oldest first, each once. Unset for one fixed period.
   */
  public abstract Optional<ReportCalendar> calendar();

  /** The time zone that decides which day it is, for a {@link #calendar()}; default UTC. */
  @Value.Default
  public ZoneId zone() {
    return ZoneOffset.UTC;
  }

  /**
   * How many days after a period's last day it is reported, for a {@link #calendar()}: analytics
   * exports arrive late. Default 1: a week ending on Sunday is reported from Tuesday.
   */
  @Value.Default
  public int reportDelayDays() {
    return 1;
  }

  /**
   * With a {@link #calendar()}: the first run reports every ended period starting on or after
   * this day. Unset, the first run reports only the last period that ended.
   */
  public abstract Optional<LocalDate> reportFrom();

  /** The shows reported on (ids, URIs or links); leave empty when reporting on a campaign. */
  public abstract List<String> showIds();

  /** The Trading Grid campaign reported on; its {@code spotifyRefs} name the shows and episodes. */
  public abstract Optional<String> campaignId();

  /** Where the per-episode, per-day numbers come from, e.g. {@code CsvAnalyticsSource.fromPath(...)}. */
  public abstract AnalyticsSource analytics();

  /** The Spotify market shows and episodes are read in; empty means the Spotify client's default market. */
  public abstract Optional<Market> market();

  /** Who sees the report post. */
  @Value.Default
  public RoutingPolicy<PerformanceData> audience() {
    return RoutingPolicy.everyone();
  }

  /** Tags of the report post; default {@code podcast} and {@code performance-report}. */
  @Value.Default
  public List<String> tags() {
    return List.of("podcast", "performance-report");
  }

  /**
   * Rules that turn the report's figures into follow-up actions: listed in the report under
   * "Follow-up actions" and each opened once as a Trading Grid issue for the rule's owner. Default
   * none. With rules the flow runs in two stages, {@code <flowName>.report} and {@code
   * <flowName>.follow-ups}, each with its own checkpoint (a calendar's first run with rules starts
   * at {@link #reportFrom()} or the last ended period; reports already posted are found again).
   */
  public abstract List<FollowUpRule> followUps();

  /**
   * Writes the report post and its documents; default {@link PerformanceReportMapper} (table,
   * comparison, PNG chart and CSV) with {@link #audience()} and {@link #tags()}.
   */
  public abstract Optional<Mapper<PerformanceData, PostWithDocuments>> mapper();

  /**
   * Where the text of the posts, comments and issues this flow writes comes from; default
   * {@link PostTemplates#english()}. Give {@code PostTemplates.builder().locale(Locale.GERMAN).build()}
   * for German, or a folder of the host's own templates.
   */
  @Value.Default
  public PostTemplates templates() {
    return PostTemplates.english();
  }

  /** Per-run limits (items seen, remote writes); default {@link RunCaps#none()}. */
  @Value.Default
  public RunCaps caps() {
    return RunCaps.none();
  }

  /**
   * The fixed period of {@code start} to {@code end}, checked.
   *
   * @throws IllegalArgumentException if it ends before it starts or is longer than {@value #MAX_PERIOD_DAYS} days
   */
  static ReportPeriod period(LocalDate start, LocalDate end) {
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("periodEnd " + end + " is before periodStart " + start);
    }
    ReportPeriod p = new ReportPeriod(start, end);
    if (p.days() > MAX_PERIOD_DAYS) {
      throw new IllegalArgumentException("the period from periodStart " + start + " to periodEnd " + end
          + " is longer than " + MAX_PERIOD_DAYS + " days: report on shorter periods");
    }
    return p;
  }

  @Value.Check
  void check() {
    if (calendar().isPresent()) {
      if (periodStart().isPresent() || periodEnd().isPresent()) {
        throw new IllegalArgumentException(
            "a performance report covers either one period (periodStart and periodEnd) or a calendar, not both");
      }
      if (reportDelayDays() < 0) {
        throw new IllegalArgumentException("reportDelayDays must be >= 0, was " + reportDelayDays());
      }
    } else {
      if (periodStart().isEmpty() || periodEnd().isEmpty()) {
        throw new IllegalArgumentException("a performance report needs periodStart and periodEnd, or a calendar"
            + " (calendar(ReportCalendar.weekly(DayOfWeek.MONDAY)), say)");
      }
      if (reportFrom().isPresent()) {
        throw new IllegalArgumentException("reportFrom applies to a calendar; a fixed period is reported as it is");
      }
      period(periodStart().get(), periodEnd().get());
    }
    if (showIds().isEmpty() == campaignId().isEmpty()) {
      throw new IllegalArgumentException(
          "a performance report needs exactly one scope: set showIds (addShowIds(...)) or campaignId, not both and not neither");
    }
    campaignId().ifPresent(id -> {
      if (id.isBlank()) {
        throw new IllegalArgumentException("campaignId must not be blank");
      }
    });
  }
}
