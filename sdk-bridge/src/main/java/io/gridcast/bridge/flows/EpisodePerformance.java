package io.gridcast.bridge.flows;

import io.gridcast.spotify.analytics.EpisodeDailyStats;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One episode's numbers for a report period: its Spotify metadata and its daily rows, oldest
 * first. Immutable.
 *
 * @param episodeId the Spotify episode id
 * @param name the episode's name on Spotify
 * @param showName the show's name
 * @param releaseDate the release date as Spotify gives it ({@code 2026}, {@code 2026-03} or {@code 2026-03-14})
 * @param days the daily rows in the period, one per day
 */
public record EpisodePerformance(String episodeId, String name, String showName, String releaseDate,
    List<EpisodeDailyStats> days) {

  public EpisodePerformance {
    Objects.requireNonNull(episodeId, "episodeId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(showName, "showName");
    Objects.requireNonNull(releaseDate, "releaseDate");
    days = days.stream().sorted(Comparator.comparing(EpisodeDailyStats::date)).toList();
  }

  /** Plays begun in the period. */
  public long starts() {
    return days.stream().mapToLong(EpisodeDailyStats::starts).sum();
  }

  /** Plays of at least 60 seconds in the period. */
  public long streams() {
    return days.stream().mapToLong(EpisodeDailyStats::streams).sum();
  }

  /** The most unique listeners on one day (daily listeners cannot be summed into unique ones). */
  public long peakDailyListeners() {
    return days.stream().mapToLong(EpisodeDailyStats::listeners).max().orElse(0);
  }

  /**
   * The share of the period's starts played to the end: each day's completion rate weighted by
   * its starts, over the days that have one; empty when none has (the export lacks the column).
   */
  public OptionalDouble completion() {
    return completion(List.of(this));
  }

  /** Hours listened in the period, over the days that say; empty when none does. */
  public OptionalDouble consumptionHours() {
    return consumptionHours(List.of(this));
  }

  /** The completion of several episodes together, weighted by starts as {@link #completion()} is. */
  static OptionalDouble completion(List<EpisodePerformance> episodes) {
    double completed = 0;
    long starts = 0;
    boolean any = false;
    for (EpisodePerformance e : episodes) {
      for (EpisodeDailyStats d : e.days) {
        if (d.completionRate().isPresent()) {
          any = true;
          completed += d.completionRate().get() * d.starts();
          starts += d.starts();
        }
      }
    }
    if (!any) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(starts == 0 ? 0 : completed / starts);
  }

  /** The hours listened to several episodes together. */
  static OptionalDouble consumptionHours(List<EpisodePerformance> episodes) {
    double hours = 0;
    boolean any = false;
    for (EpisodePerformance e : episodes) {
      for (EpisodeDailyStats d : e.days) {
        if (d.consumptionHours().isPresent()) {
          any = true;
          hours += d.consumptionHours().get();
        }
      }
    }
    return any ? OptionalDouble.of(hours) : OptionalDouble.empty();
  }
}
