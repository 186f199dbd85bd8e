package io.gridcast.spotify.feed;

import io.gridcast.spotify.model.SimplifiedEpisode;
import java.time.Duration;
import java.util.Objects;

/**
 * Decides whether an episode Spotify lists for a show is the one a {@link FeedItem} became: the
 * matching strategy of a {@link ReleaseWatcher}.
 *
 * <p>Spotify does not expose the RSS {@code guid} of an ingested episode, so a match has to rest
 * on what survives ingestion: the title, the release date and the length. {@link
 * #byTitleAndReleaseDate()} is the default. Implementations must be thread-safe and should be
 * cheap: they run once per scanned episode on every poll.
 *
 * <pre>{@code
 * // Our titles carry a unique issue number; match on that alone.
 * EpisodeMatcher byIssue = (item, episode) -> episode.name().contains(issueNumberOf(item));
 * }</pre>
 */
@FunctionalInterface
public interface EpisodeMatcher {

  /** The default duration tolerance of {@link #byTitleAndReleaseDate()}: 10 seconds. */
  Duration DEFAULT_DURATION_TOLERANCE = Duration.ofSeconds(10);

  /** Whether {@code episode} is the episode Spotify made of {@code item}. */
  boolean matches(FeedItem item, SimplifiedEpisode episode);

  /**
   * The default strategy, with the {@linkplain #DEFAULT_DURATION_TOLERANCE default duration
   * tolerance} of 10 seconds; see {@link #byTitleAndReleaseDate(Duration)}.
   */
  static EpisodeMatcher byTitleAndReleaseDate() {
    return byTitleAndReleaseDate(DEFAULT_DURATION_TOLERANCE);
  }

  /**
   * Matches when all of these hold:
   *
   * <ul>
   *   <li>the titles are equal once normalized (Unicode NFKC, case-folded, every run of
   *       characters that are neither letters nor digits read as one space, trimmed), so
   *       {@code "Q&A: EDI 856"} and {@code "q & a – edi 856"} match;
   *   <li>the episode's release date is within one day of the item's {@code pubDate} taken as a
   *       UTC date (Spotify may date an episode in the show's time zone); a date known only to the
   *       month or year matches when that period contains one of those days;
   *   <li>when both lengths are known (non-zero), they differ by at most {@code durationTolerance}
   *       (Spotify measures the audio, the feed states {@code itunes:duration}).
   * </ul>
   *
   * @throws IllegalArgumentException if {@code durationTolerance} is negative
   */
  static EpisodeMatcher byTitleAndReleaseDate(Duration durationTolerance) {
    Objects.requireNonNull(durationTolerance, "durationTolerance");
    if (durationTolerance.isNegative()) {
      throw new IllegalArgumentException("durationTolerance must not be negative, was " + durationTolerance);
    }
    return new TitleDateDurationMatcher(durationTolerance);
  }
}
