package io.gridcast.bridge.flows;

import io.gridcast.core.GridcastStyle;
import io.gridcast.spotify.feed.FeedSink;
import io.gridcast.spotify.feed.ReleaseWatcher;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where the flows that publish to Spotify put an episode (the generated {@code
 * FeedPublishingConfig}; build with {@code FeedPublishingConfig.builder()}). Spotify's Web API
 * cannot upload podcast audio, so publishing means: write the audio file into {@link
 * #mediaFolder()} (served at {@link #mediaBaseUrl()}), add an item to the show's RSS feed
 * through {@link #feedSink()}, and wait with a {@link ReleaseWatcher} until Spotify has ingested
 * it as an episode of {@link #showId()}.
 *
 * <p>Publishing is resumable in two phases. Phase 1 writes the audio file and the feed item; the
 * feed itself records that fact (a later run finds the item by its guid, unchanged, and writes
 * nothing again). Phase 2 waits for Spotify's ingestion. When Spotify has not listed the episode
 * by the watcher's deadline, the item fails with {@link
 * io.gridcast.spotify.feed.ReleaseTimeoutException}, which the bridge dead-letters without
 * stopping the run; a later run or a dead-letter replay only has to confirm the ingestion.
 *
 * <p>Required: show id, feed sink, media folder, media base URL. Defaults: a release watcher with
 * {@link ReleaseWatcher}'s polling defaults (first poll at once, then 2 s growing to 30 s) and a
 * deadline of {@link #DEFAULT_RELEASE_DEADLINE} (2 minutes): well under half the bridge's default
 * lease TTL of 5 minutes, so one item's wait never outlasts the lease the run holds (the bridge
 * renews the lease between items). A watcher of your own should keep its deadline under half the
 * bridge's {@code leaseTtl} too. An assumed bitrate of 128 kbit/s states an episode's duration when
 * the audio source does not know it. Immutable and thread-safe.
 */
@Value.Immutable
@GridcastStyle
abstract class AbstractFeedPublishingConfig {

  /**
   * The deadline of the default release watcher: 2 minutes, under half the bridge's default
   * lease TTL (5 minutes).
   */
  public static final Duration DEFAULT_RELEASE_DEADLINE = Duration.ofMinutes(2);

  /** The Spotify show whose RSS feed {@link #feedSink()} writes (an id, URI or link). */
  public abstract String showId();

  /** The show's RSS feed; upserts by guid, so a re-published item never appears twice. */
  public abstract FeedSink feedSink();

  /** The folder audio files are written to; created when missing. */
  public abstract Path mediaFolder();

  /**
   * The public URL {@link #mediaFolder()} is served at (absolute http or https); a file's
   * enclosure URL is this URL resolved against its file name.
   */
  public abstract URI mediaBaseUrl();

  /**
   * How to wait for Spotify's ingestion; default a watcher on the flow's Spotify client with a
   * deadline of {@link #DEFAULT_RELEASE_DEADLINE}. Keep a custom watcher's deadline under half the
   * bridge's lease TTL.
   */
  public abstract Optional<ReleaseWatcher> releaseWatcher();

  /** Kilobits per second used to estimate a duration the audio source does not state; default 128. */
  @Value.Default
  public int assumedBitrateKbps() {
    return 128;
  }

  @Value.Check
  void check() {
    if (showId().isBlank()) {
      throw new IllegalArgumentException("showId must not be blank: name the Spotify show whose feed carries the episodes");
    }
    URI base = mediaBaseUrl();
    String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!base.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || base.getHost() == null) {
      throw new IllegalArgumentException("mediaBaseUrl must be an absolute http(s) URL, was " + base);
    }
    if (base.getQuery() != null || base.getFragment() != null) {
      throw new IllegalArgumentException("mediaBaseUrl must not have a query or fragment, was " + base);
    }
    if (assumedBitrateKbps() < 8 || assumedBitrateKbps() > 640) {
      throw new IllegalArgumentException("assumedBitrateKbps must be between 8 and 640, was " + assumedBitrateKbps());
    }
  }
}
