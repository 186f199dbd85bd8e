package io.gridcast.bridge.flows;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What one performance report is made from: a scope (shows or a campaign), a period and the
 * numbers of every episode in scope that has rows in the period. Immutable.
 *
 * @param scope the stable scope id, e.g. {@code shows:5THq5Er5bWp62qwOg6niTM} or {@code campaign:cmp_summer_sounds}
 * @param scopeName what the scope is called, e.g. the show names
 * @param start the period's first day
 * @param end the period's last day
 * @param episodes the episodes with numbers, most streamed first (ties by name, then id)
 */
public record PerformanceData(String scope, String scopeName, LocalDate start, LocalDate end,
    List<EpisodePerformance> episodes) {

  private static final Comparator<EpisodePerformance> ORDER = Comparator
      .comparingLong(EpisodePerformance::streams).reversed()
      .thenComparing(EpisodePerformance::name)
      .thenComparing(EpisodePerformance::episodeId);

  public PerformanceData {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(scopeName, "scopeName");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    episodes = episodes.stream().sorted(ORDER).toList();
  }

  /** The stable source key (and the report post's {@code externalRef}): one per scope and period. */
  public String key() {
    return "gridcast:performance-report:" + scope + ":" + start + ".." + end;
  }
}
