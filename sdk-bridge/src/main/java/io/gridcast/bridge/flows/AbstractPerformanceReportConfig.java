package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunCaps;
import io.gridcast.bridge.policy.RoutingPolicy;
import io.gridcast.core.GridcastStyle;
import io.gridcast.spotify.Market;
import io.gridcast.spotify.analytics.AnalyticsSource;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Settings of {@link PerformanceReportFlow} (the generated {@code PerformanceReportConfig};
 * build with {@code PerformanceReportConfig.builder()}).
 *
 * <p>Required: the period ({@code periodStart}, {@code periodEnd}, both inclusive, at most 366
 * days), the analytics source, and exactly one scope: show ids, or a Trading Grid campaign id
 * (whose Spotify show and episode references are the scope). Defaults: flow name
 * {@code performance-report}; no market; everyone in the community as audience; tags
 * {@code podcast} and {@code performance-report}; no run caps. Immutable and thread-safe.
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

  /** The first day of the period (inclusive). */
  public abstract LocalDate periodStart();

  /** The last day of the period (inclusive). */
  public abstract LocalDate periodEnd();

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

  /** Per-run limits (items seen, remote writes); default {@link RunCaps#none()}. */
  @Value.Default
  public RunCaps caps() {
    return RunCaps.none();
  }

  @Value.Check
  void check() {
    if (periodEnd().isBefore(periodStart())) {
      throw new IllegalArgumentException("periodEnd " + periodEnd() + " is before periodStart " + periodStart());
    }
    if (ChronoUnit.DAYS.between(periodStart(), periodEnd()) + 1 > MAX_PERIOD_DAYS) {
      throw new IllegalArgumentException("the period from periodStart " + periodStart() + " to periodEnd " + periodEnd()
          + " is longer than " + MAX_PERIOD_DAYS + " days: report on shorter periods");
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
