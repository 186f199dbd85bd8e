package io.gridcast.spotify.feed;

import io.gridcast.core.GridcastStyle;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One episode in a podcast RSS feed: an {@code <item>} with its enclosure and iTunes tags.
 *
 * <p>The {@link #guid()} identifies the item for good: Spotify and other directories use it to
 * recognise an episode, and {@link FeedSink#upsert(FeedItem)} uses it to replace rather than
 * duplicate. {@link #pubDate()} and {@link #duration()} are truncated to whole seconds, the
 * precision of RSS dates and {@code itunes:duration}.
 *
 * <p>Example:
 *
 * <pre>{@code
 * FeedItem item = FeedItem.builder()
 *     .guid("gridcast-issue-4711")
 *     .title("Resolved: ASN mismatch at Rotterdam DC")
 *     .description("What happened and what changes for partners.")
 *     .pubDate(Instant.parse("2026-03-02T09:00:00Z"))
 *     .enclosureUrl(URI.create("https://cdn.example.com/audio/4711.mp3"))
 *     .enclosureLength(4_812_345)
 *     .duration(Duration.ofSeconds(301))
 *     .build();
 * }</pre>
 *
 * <p>Defaults: {@code enclosureType} {@code audio/mpeg}, {@code explicit} {@code false}, {@code
 * episodeType} {@link EpisodeType#FULL}. Building throws {@link IllegalArgumentException} naming
 * the field when a text is blank, a URL is not absolute http(s), the length or duration is
 * negative, or a season or episode number is below 1. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridcastStyle
abstract class AbstractFeedItem {

  /** The permanent unique id of the item, written as {@code <guid isPermaLink="false">}. */
  public abstract String guid();

  /** The episode title. */
  public abstract String title();

  /** The episode description (plain text or HTML). */
  public abstract String description();

  /** When the episode was published. */
  public abstract Instant pubDate();

  /** The URL of the audio file. */
  public abstract URI enclosureUrl();

  /** The size of the audio file in bytes. */
  public abstract long enclosureLength();

  /** The MIME type of the audio file. Default {@code audio/mpeg}. */
  @Value.Default
  public String enclosureType() {
    return "audio/mpeg";
  }

  /** The playing time, written as {@code itunes:duration} in {@code HH:MM:SS}. */
  public abstract Duration duration();

  /** Whether the episode is explicit ({@code itunes:explicit}). Default {@code false}. */
  @Value.Default
  public boolean explicit() {
    return false;
  }

  /** The {@code itunes:episodeType}. Default {@link EpisodeType#FULL}. */
  @Value.Default
  public EpisodeType episodeType() {
    return EpisodeType.FULL;
  }

  /** Episode artwork ({@code itunes:image}); the show's artwork is used when absent. */
  public abstract Optional<URI> imageUrl();

  /** The season number ({@code itunes:season}), 1 or more. */
  public abstract Optional<Integer> season();

  /** The episode number ({@code itunes:episode}), 1 or more. */
  public abstract Optional<Integer> episodeNumber();

  /** A web page for the episode ({@code <link>}). */
  public abstract Optional<URI> link();

  /**
   * Validates the item and truncates {@code pubDate} and {@code duration} to whole seconds.
   *
   * @throws IllegalArgumentException naming the invalid field
   */
  @Value.Check
  AbstractFeedItem normalize() {
    FeedChecks.notBlank(guid(), "guid");
    FeedChecks.notBlank(title(), "title");
    FeedChecks.notBlank(enclosureType(), "enclosureType");
    FeedChecks.httpUrl(enclosureUrl(), "enclosureUrl");
    imageUrl().ifPresent(u -> FeedChecks.httpUrl(u, "imageUrl"));
    link().ifPresent(u -> FeedChecks.httpUrl(u, "link"));
    if (enclosureLength() < 0) {
      throw new IllegalArgumentException("enclosureLength must be 0 or more bytes");
    }
    if (duration().isNegative()) {
      throw new IllegalArgumentException("duration must not be negative");
    }
    if (season().filter(n -> n < 1).isPresent()) {
      throw new IllegalArgumentException("season must be 1 or more");
    }
    if (episodeNumber().filter(n -> n < 1).isPresent()) {
      throw new IllegalArgumentException("episodeNumber must be 1 or more");
    }
    Instant pubSeconds = pubDate().truncatedTo(ChronoUnit.SECONDS);
    Duration durationSeconds = duration().withNanos(0);
    if (pubSeconds.equals(pubDate()) && durationSeconds.equals(duration())) {
      return this;
    }
    return FeedItem.builder().from(this).pubDate(pubSeconds).duration(durationSeconds).build();
  }
}
