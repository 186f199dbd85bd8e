package io.gridcast.bridge.flows;

import io.gridcast.bridge.Fingerprints;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.spotify.feed.FeedItem;
import io.gridcast.spotify.feed.FeedSink;
import io.gridcast.spotify.feed.ReleaseWatcher;
import io.gridcast.spotify.model.SimplifiedEpisode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes an episode the only way Spotify accepts one: the audio file into the media folder,
 * an item into the show's RSS feed, then a wait until Spotify lists the episode. Each step is
 * idempotent: the file is rewritten only when its bytes differ, the feed upserts by guid, and the
 * watcher finds an already ingested episode on its first poll. Thread-safe.
 */
final class FeedPublisher {

  private static final Logger LOG = LoggerFactory.getLogger(FeedPublisher.class);

  private final FeedPublishingConfig config;
  private final ReleaseWatcher watcher;
  private final URI mediaBase;

  FeedPublisher(SpotifyClient spotify, FeedPublishingConfig config) {
    this.config = config;
    this.watcher = config.releaseWatcher().orElseGet(() -> ReleaseWatcher.builder(spotify).build());
    String url = config.mediaBaseUrl().toString();
    this.mediaBase = URI.create(url.endsWith("/") ? url : url + "/");
  }

  /**
   * Writes the audio as {@code baseName} plus an extension for its type, then upserts the feed
   * item with {@code guid}.
   *
   * @throws FeedPublishException if the media folder or the feed cannot be written
   */
  FeedItem publish(String guid, String title, String description, Instant pubDate, AudioClip audio, String baseName) {
    String fileName = baseName + extensionOf(audio);
    writeMedia(fileName, audio);
    FeedItem item = FeedItem.builder()
        .guid(guid)
        .title(title)
        .description(description)
        .pubDate(pubDate)
        .enclosureUrl(mediaBase.resolve(fileName))
        .enclosureLength(audio.size())
        .enclosureType(audio.contentType())
        .duration(audio.duration().orElseGet(() -> estimate(audio.size())))
        .build();
    FeedSink sink = config.feedSink();
    try {
      FeedSink.UpsertOutcome outcome = sink.upsert(item);
      LOG.info("feed item {} {} in the feed of show {}", guid, outcome, config.showId());
      return item;
    } catch (IOException e) {
      throw new FeedPublishException("cannot write feed item " + guid + " to " + sink.feedUrl() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Waits until Spotify lists the episode made of {@code item}.
   *
   * @throws io.gridcast.spotify.feed.ReleaseTimeoutException if it did not appear in time
   * @throws FeedPublishException if the wait was interrupted (the interrupt flag is kept)
   */
  SimplifiedEpisode awaitEpisode(FeedItem item) {
    try {
      return watcher.await(config.showId(), item);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FeedPublishException("interrupted while waiting for Spotify to ingest feed item " + item.guid(), e);
    }
  }

  /** The public web link of an episode. */
  static String episodeUrl(SimplifiedEpisode episode) {
    return episode.externalUrls().spotify().orElse("https://open.spotify.com/episode/" + episode.id());
  }

  private void writeMedia(String fileName, AudioClip audio) {
    Path folder = config.mediaFolder();
    Path target = folder.resolve(fileName);
    byte[] bytes = audio.bytesUnsafe();
    try {
      if (Files.isRegularFile(target) && Files.size(target) == bytes.length
          && Arrays.equals(Files.readAllBytes(target), bytes)) {
        return;
      }
      Files.createDirectories(folder);
      Path temp = Files.createTempFile(folder, "." + fileName + "-", ".tmp");
      try {
        Files.write(temp, bytes);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
      LOG.info("wrote {} ({} bytes, sha256 {})", target, bytes.length, Fingerprints.sha256Hex(bytes).substring(0, 12));
    } catch (IOException e) {
      throw new FeedPublishException("cannot write audio file " + target + ": " + e.getMessage(), e);
    }
  }

  private Duration estimate(long bytes) {
    return Duration.ofMillis(bytes * 8L / config.assumedBitrateKbps());
  }

  /** {@code .mp3} for MPEG audio, {@code .m4a} for MP4/AAC, else the source file's extension. */
  static String extensionOf(AudioClip audio) {
    String type = audio.contentType().toLowerCase(Locale.ROOT);
    if (type.startsWith("audio/mpeg") || type.startsWith("audio/mp3")) {
      return ".mp3";
    }
    if (type.startsWith("audio/mp4") || type.startsWith("audio/x-m4a") || type.startsWith("audio/aac")) {
      return ".m4a";
    }
    String name = audio.fileName();
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
    return ext.matches("\\.[a-z0-9]{1,5}") ? ext : ".audio";
  }
}
