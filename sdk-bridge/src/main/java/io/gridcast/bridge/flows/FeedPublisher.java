package io.gridcast.bridge.flows;

import io.gridcast.bridge.Fingerprints;
import io.gridcast.bridge.policy.FailurePolicy;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.spotify.feed.FeedItem;
import io.gridcast.spotify.feed.FeedSink;
import io.gridcast.spotify.feed.ReleaseTimeoutException;
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
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes an episode the only way Spotify accepts one, in two resumable phases:
 *
 * <ol>
 *   <li>{@link #publish}: the audio file (and episode artwork, when given) into the media folder
 *       and the item into the show's RSS feed. The feed records that this phase is done: an item with the guid and the same content
 *       (and an identical media file) means nothing is written again, and {@link #published}
 *       returns it to a later run;
 *   <li>{@link #awaitEpisode}: the wait until Spotify lists the episode. A {@link
 *       ReleaseTimeoutException} fails only this item (the bridge dead-letters it and goes on);
 *       the next attempt finds phase 1 done and only confirms the ingestion, and the watcher finds
 *       an already ingested episode on its first poll.
 * </ol>
 *
 * <p>The default watcher's deadline is {@link FeedPublishingConfig#DEFAULT_RELEASE_DEADLINE}.
 * Thread-safe.
 */
final class FeedPublisher {

  /**
   * The failure rules of the flows that publish through a feed: a release Spotify has not ingested
   * in time fails only its item (dead-lettered, replayable), so it cannot hold up the others.
   */
  static final FailurePolicy FAILURES = FailurePolicy.defaults().perItem(ReleaseTimeoutException.class);

  private static final Logger LOG = LoggerFactory.getLogger(FeedPublisher.class);

  private final FeedPublishingConfig config;
  private final ReleaseWatcher watcher;
  private final URI mediaBase;

  FeedPublisher(SpotifyClient spotify, FeedPublishingConfig config) {
    this.config = config;
    this.watcher = config.releaseWatcher().orElseGet(() -> ReleaseWatcher.builder(spotify)
        .deadline(FeedPublishingConfig.DEFAULT_RELEASE_DEADLINE).build());
    String url = config.mediaBaseUrl().toString();
    this.mediaBase = URI.create(url.endsWith("/") ? url : url + "/");
  }

  /**
   * Phase 1: writes the audio as {@code baseName} plus an extension for its type, then upserts
   * the feed item with {@code guid}; writes nothing when the feed already holds the same item and
   * the media file the same bytes.
   *
   * @return the feed item, as it is in the feed
   * @throws FeedPublishException if the media folder or the feed cannot be read or written
   */
  FeedItem publish(String guid, String title, String description, Instant pubDate, AudioClip audio, String baseName) {
    return publish(guid, title, description, pubDate, audio, null, baseName);
  }

  /**
   * Phase 1 with episode artwork: as {@link #publish(String, String, String, Instant, AudioClip,
   * String)}, and the image is written beside the audio as {@code baseName} plus {@code .png} or
   * {@code .jpg} (by its signature) and becomes the item's {@code itunes:image}.
   *
   * @param artwork a PNG or JPEG image, or null for none (the show's artwork then applies)
   * @throws IllegalArgumentException if {@code artwork} is neither PNG nor JPEG
   * @throws FeedPublishException if the media folder or the feed cannot be read or written
   */
  FeedItem publish(String guid, String title, String description, Instant pubDate, AudioClip audio, byte[] artwork,
      String baseName) {
    String fileName = baseName + extensionOf(audio);
    String imageName = artwork == null ? null : baseName + imageExtensionOf(artwork);
    FeedItem.Builder builder = FeedItem.builder()
        .guid(guid)
        .title(title)
        .description(description)
        .pubDate(pubDate)
        .enclosureUrl(mediaBase.resolve(fileName))
        .enclosureLength(audio.size())
        .enclosureType(audio.contentType())
        .duration(audio.duration().orElseGet(() -> estimate(audio.size())));
    if (imageName != null) {
      builder.imageUrl(mediaBase.resolve(imageName));
    }
    FeedItem item = builder.build();
    boolean mediaCurrent = mediaIsCurrent(fileName, audio.bytesUnsafe());
    boolean imageCurrent = imageName == null || mediaIsCurrent(imageName, artwork);
    if (mediaCurrent && imageCurrent && published(guid).filter(item::equals).isPresent()) {
      LOG.info("feed item {} is already in the feed of show {}; only its ingestion is left to confirm", guid,
          config.showId());
      return item;
    }
    if (!mediaCurrent) {
      writeMedia(fileName, audio.bytesUnsafe());
    }
    if (!imageCurrent) {
      writeMedia(imageName, artwork);
    }
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
   * The item with {@code guid} in the feed, when phase 1 got that far for it.
   *
   * @throws FeedPublishException if the feed cannot be read
   */
  Optional<FeedItem> published(String guid) {
    FeedSink sink = config.feedSink();
    try {
      return sink.items().stream().filter(i -> i.guid().equals(guid)).findFirst();
    } catch (IOException e) {
      throw new FeedPublishException("cannot read the feed at " + sink.feedUrl() + ": " + e.getMessage(), e);
    }
  }

  /** Whether {@code item}'s audio is served from this publisher's media base URL. */
  boolean servesMediaOf(FeedItem item) {
    return item.enclosureUrl().toString().startsWith(mediaBase.toString());
  }

  /**
   * Phase 2: waits until Spotify lists the episode made of {@code item}.
   *
   * @throws ReleaseTimeoutException if it did not appear before the watcher's deadline (a
   *     per-item failure: the feed item stays published, a later attempt only waits again)
   * @throws FeedPublishException if the wait was interrupted (the interrupt flag is kept)
   */
  SimplifiedEpisode awaitEpisode(FeedItem item) {
    try {
      return watcher.await(config.showId(), item);
    } catch (ReleaseTimeoutException e) {
      LOG.warn("feed item {} is published but Spotify has not listed it yet; a later run or a replay of the dead "
          + "letter only confirms the ingestion", item.guid());
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FeedPublishException("interrupted while waiting for Spotify to ingest feed item " + item.guid(), e);
    }
  }

  /** The watcher phase 2 waits with. */
  ReleaseWatcher watcher() {
    return watcher;
  }

  private boolean mediaIsCurrent(String fileName, byte[] bytes) {
    Path target = config.mediaFolder().resolve(fileName);
    try {
      return Files.isRegularFile(target) && Files.size(target) == bytes.length
          && Arrays.equals(Files.readAllBytes(target), bytes);
    } catch (IOException e) {
      throw new FeedPublishException("cannot read media file " + target + ": " + e.getMessage(), e);
    }
  }

  private void writeMedia(String fileName, byte[] bytes) {
    Path folder = config.mediaFolder();
    Path target = folder.resolve(fileName);
    try {
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
      throw new FeedPublishException("cannot write media file " + target + ": " + e.getMessage(), e);
    }
  }

  private Duration estimate(long bytes) {
    return Duration.ofMillis(bytes * 8L / config.assumedBitrateKbps());
  }

  /**
   * {@code .png} or {@code .jpg}, by the image's signature.
   *
   * @throws IllegalArgumentException if the bytes are neither PNG nor JPEG
   */
  static String imageExtensionOf(byte[] image) {
    if (image.length >= 8 && (image[0] & 0xff) == 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G') {
      return ".png";
    }
    if (image.length >= 3 && (image[0] & 0xff) == 0xff && (image[1] & 0xff) == 0xd8 && (image[2] & 0xff) == 0xff) {
      return ".jpg";
    }
    throw new IllegalArgumentException("episode artwork must be a PNG or JPEG image");
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
