package io.gridcast.spotify.feed;

import io.gridcast.spotify.model.ReleaseDate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * Day arithmetic shared by the default {@link EpisodeMatcher} and the {@link ReleaseWatcher}'s
 * scan window: a feed item's release window is its {@code pubDate} as a UTC date, one day either
 * side.
 */
final class ReleaseDays {

  /** Days of tolerance either side of the item's UTC date. */
  static final int TOLERANCE_DAYS = 1;

  private ReleaseDays() {}

  /** The first day of the item's release window. */
  static LocalDate windowStart(FeedItem item) {
    return utcDate(item).minusDays(TOLERANCE_DAYS);
  }

  /** The last day of the item's release window. */
  static LocalDate windowEnd(FeedItem item) {
    return utcDate(item).plusDays(TOLERANCE_DAYS);
  }

  private static LocalDate utcDate(FeedItem item) {
    return item.pubDate().atOffset(ZoneOffset.UTC).toLocalDate();
  }

  /** The last day of the period a release date covers (the day itself, its month's or year's end). */
  static LocalDate lastDay(ReleaseDate date) {
    LocalDate first = date.firstDay();
    switch (date.precision()) {
      case DAY:
        return first;
      case MONTH:
        return first.with(TemporalAdjusters.lastDayOfMonth());
      default:
        return first.with(TemporalAdjusters.lastDayOfYear());
    }
  }

  /** Whether the period of {@code date} shares at least one day with the item's release window. */
  static boolean withinWindow(ReleaseDate date, FeedItem item) {
    return !date.firstDay().isAfter(windowEnd(item)) && !lastDay(date).isBefore(windowStart(item));
  }

  /** Whether the whole period of {@code date} lies before the item's release window. */
  static boolean beforeWindow(ReleaseDate date, FeedItem item) {
    return lastDay(date).isBefore(windowStart(item));
  }
}
