package io.gridcast.spotify.feed;

import io.gridcast.spotify.model.SimplifiedEpisode;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/** The default {@link EpisodeMatcher}: see {@link EpisodeMatcher#byTitleAndReleaseDate(Duration)}. */
final class TitleDateDurationMatcher implements EpisodeMatcher {

  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

  private final long toleranceMs;

  TitleDateDurationMatcher(Duration durationTolerance) {
    this.toleranceMs = durationTolerance.toMillis();
  }

  @Override
  public boolean matches(FeedItem item, SimplifiedEpisode episode) {
    return normalizeTitle(item.title()).equals(normalizeTitle(episode.name()))
        && ReleaseDays.withinWindow(episode.releaseDate(), item)
        && durationsAgree(item.duration().toMillis(), episode.durationMs());
  }

  private boolean durationsAgree(long itemMs, long episodeMs) {
    if (itemMs <= 0 || episodeMs <= 0) {
      return true; // one side does not know its length: nothing to compare
    }
    return Math.abs(itemMs - episodeMs) <= toleranceMs;
  }

  /** NFKC, case-folded, separators collapsed to one space; a title of separators only stays as typed. */
  static String normalizeTitle(String title) {
    String folded = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    String collapsed = SEPARATORS.matcher(folded).replaceAll(" ").trim();
    return collapsed.isEmpty() ? folded.trim() : collapsed;
  }

  @Override
  public String toString() {
    return "EpisodeMatcher.byTitleAndReleaseDate(" + Duration.ofMillis(toleranceMs) + ")";
  }
}
