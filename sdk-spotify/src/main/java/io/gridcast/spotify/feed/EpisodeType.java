package io.gridcast.spotify.feed;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The {@code itunes:episodeType} of a feed item. */
public enum EpisodeType {
  /** {@code full}: a complete episode, the default. */
  FULL,
  /** {@code trailer}: a short promotional piece. */
  TRAILER,
  /** {@code bonus}: extra content for the show or a season. */
  BONUS;

  /** Returns the value written to the feed: {@code full}, {@code trailer} or {@code bonus}. */
  public String feedValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the type for a feed value, ignoring case; empty for unknown or null values. */
  public static Optional<EpisodeType> fromFeedValue(String value) {
    return Arrays.stream(values()).filter(t -> t.feedValue().equalsIgnoreCase(value)).findFirst();
  }
}
