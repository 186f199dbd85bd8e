package io.gridcast.spotify.analytics;

import io.gridcast.core.GridcastStyle;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One row of a podcast performance export: one episode's numbers for one day.
 *
 * <p>The episode is identified by its Spotify id, its name, or both. Counts are whole numbers of
 * zero or more. Instances are immutable and thread-safe; building throws {@link
 * IllegalArgumentException} when a count is negative or the episode has neither id nor name.
 */
@Value.Immutable
@GridcastStyle
abstract class AbstractEpisodeDailyStats {

  /** The 1-based line of the export this row started on; 0 when not read from a file. */
  @Value.Default
  @Value.Auxiliary
  public long lineNumber() {
    return 0;
  }

  /** The day the numbers belong to. */
  public abstract LocalDate date();

  /** The episode's Spotify id, when the export has one. */
  public abstract Optional<String> episodeId();

  /** The episode's name, when the export has one. */
  public abstract Optional<String> episodeName();

  /** Plays begun that day. */
  public abstract long starts();

  /** Plays of at least 60 seconds that day. */
  public abstract long streams();

  /** Unique listeners that day. */
  public abstract long listeners();

  /** The show's followers that day, when the export has the column. */
  public abstract Optional<Long> followers();

  /**
   * The share of that day's starts played to the end, from 0 to 1, when the export has the
   * column.
   */
  public abstract Optional<Double> completionRate();

  /** Hours listened that day (consumption time), when the export has the column. */
  public abstract Optional<Double> consumptionHours();

  /**
   * Validates the row.
   *
   * @throws IllegalArgumentException naming the offending field
   */
  @Value.Check
  void check() {
    if (episodeId().isEmpty() && episodeName().isEmpty()) {
      throw new IllegalArgumentException("episodeId or episodeName must be present");
    }
    if (starts() < 0 || streams() < 0 || listeners() < 0 || followers().orElse(0L) < 0) {
      throw new IllegalArgumentException("starts, streams, listeners and followers must be >= 0");
    }
    if (completionRate().filter(r -> !(r >= 0 && r <= 1)).isPresent()) {
      throw new IllegalArgumentException("completionRate must be from 0 to 1, was " + completionRate().get());
    }
    if (consumptionHours().filter(h -> !(h >= 0 && Double.isFinite(h))).isPresent()) {
      throw new IllegalArgumentException("consumptionHours must be >= 0, was " + consumptionHours().get());
    }
  }
}
