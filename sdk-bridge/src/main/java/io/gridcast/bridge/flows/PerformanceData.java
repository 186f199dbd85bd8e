package io.gridcast.bridge.flows;

import io.gridcast.spotify.analytics.EpisodeDailyStats;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What one performance report is made from: a scope (shows or a campaign), a period, the numbers
 * of every episode in scope that has rows in the period, and the totals of the period of the same
 * length just before, when the export has rows for it. Immutable.
 *
 * @param scope the stable scope id, e.g. {@code shows:5THq5Er5bWp62qwOg6niTM} or {@code campaign:cmp_summer_sounds}
 * @param scopeName what the scope is called, e.g. the show names
 * @param start the period's first day
 * @param end the period's last day
 * @param episodes the episodes with numbers, most streamed first (ties by name, then id)
 * @param previous the previous period's totals, for comparison; empty without rows for it
 * @param sponsor who pays for the content, for a campaign scope with a sponsor (a sponsorship):
 *     the report attributes it
 */
public record PerformanceData(String scope, String scopeName, LocalDate start, LocalDate end,
    List<EpisodePerformance> episodes, Optional<Previous> previous, Optional<String> sponsor) {

  private static final Comparator<EpisodePerformance> ORDER = Comparator
      .comparingLong(EpisodePerformance::streams).reversed()
      .thenComparing(EpisodePerformance::name)
      .thenComparing(EpisodePerformance::episodeId);

  /**
   * The totals of the period just before the report's, of the same length.
   *
   * @param start its first day
   * @param end its last day
   * @param starts plays begun
   * @param streams plays of at least 60 seconds
   */
  public record Previous(LocalDate start, LocalDate end, long starts, long streams) {
    public Previous {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
    }
  }

  public PerformanceData {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(scopeName, "scopeName");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(sponsor, "sponsor");
    episodes = episodes.stream().sorted(ORDER).toList();
  }

  /** Data of content nobody sponsors. */
  public PerformanceData(String scope, String scopeName, LocalDate start, LocalDate end, List<EpisodePerformance> episodes,
      Optional<Previous> previous) {
    this(scope, scopeName, start, end, episodes, previous, Optional.empty());
  }

  /** Data without a previous period to compare with. */
  public PerformanceData(String scope, String scopeName, LocalDate start, LocalDate end, List<EpisodePerformance> episodes) {
    this(scope, scopeName, start, end, episodes, Optional.empty());
  }

  /** The stable source key (and the report post's {@code externalRef}): one per scope and period. */
  public String key() {
    return "gridcast:performance-report:" + scope + ":" + start + ".." + end;
  }

  /** Plays begun in the period, over every episode. */
  public long starts() {
    return episodes.stream().mapToLong(EpisodePerformance::starts).sum();
  }

  /** Plays of at least 60 seconds in the period, over every episode. */
  public long streams() {
    return episodes.stream().mapToLong(EpisodePerformance::streams).sum();
  }

  /**
   * Followers the shows gained over the period: for each show, its followers on the last day
   * with a count minus those on the first, summed; empty when the export has no follower counts.
   */
  public OptionalLong followersGained() {
    Map<String, TreeMap<LocalDate, Long>> byShow = new HashMap<>();
    for (EpisodePerformance e : episodes) {
      for (EpisodeDailyStats d : e.days()) {
        d.followers().ifPresent(f -> byShow.computeIfAbsent(e.showName(), k -> new TreeMap<>()).merge(d.date(), f, Math::max));
      }
    }
    if (byShow.isEmpty()) {
      return OptionalLong.empty();
    }
    long gained = 0;
    for (TreeMap<LocalDate, Long> days : byShow.values()) {
      gained += days.lastEntry().getValue() - days.firstEntry().getValue();
    }
    return OptionalLong.of(gained);
  }
}
