package io.gridcast.testkit;

import io.gridcast.testkit.PodcastFeedReader.FeedItem;
import io.gridcast.testkit.SpotifyCatalog.Episode;
import io.gridcast.testkit.SpotifyCatalog.Show;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emulates Spotify's podcast ingestion: reads registered RSS feeds and, after a delay, turns items
 * whose guid the show has not seen into new episodes of that show.
 *
 * <p>Feeds are read on demand: whenever a request touches the show (at most once per poll
 * interval), or at once through {@link #pollAll()}. Fetching happens outside the catalog lock;
 * {@link #materialize(SpotifyCatalog, boolean)} must be called while holding it. Thread-safe.
 */
final class FeedIngestion {

  private static final Logger log = LoggerFactory.getLogger(FeedIngestion.class);

  private record Pending(FeedItem item, Instant dueAt) {}

  private final Clock clock;
  private final Duration delay;
  private final Duration pollInterval;
  private final Map<String, URI> feeds = new LinkedHashMap<>();
  private final Map<String, Instant> lastPoll = new LinkedHashMap<>();
  private final Map<String, Map<String, Pending>> pending = new LinkedHashMap<>();
  private final Runnable onIngested;
  private volatile HttpClient http;

  /**
   * @param onIngested runs (with the catalog lock held) after episodes were created
   */
  FeedIngestion(Clock clock, Duration delay, Duration pollInterval, Runnable onIngested) {
    this.clock = clock;
    this.delay = delay;
    this.pollInterval = pollInterval;
    this.onIngested = onIngested;
  }

  synchronized void register(String showId, URI feed) {
    String scheme = feed.getScheme() == null ? "" : feed.getScheme();
    if (!scheme.equals("file") && !scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("feed URL must be file:, http: or https:, was " + feed);
    }
    feeds.put(showId, feed);
    lastPoll.remove(showId);
  }

  synchronized Map<String, URI> feeds() {
    return new LinkedHashMap<>(feeds);
  }

  /** Forgets every registered feed and every item not yet ingested ({@link SpotifySandbox#reset()}). */
  synchronized void clear() {
    feeds.clear();
    lastPoll.clear();
    pending.clear();
  }

  /** Reads the show's feed if it has one and it was not read within the poll interval. */
  void pollIfDue(String showId) {
    URI feed;
    synchronized (this) {
      feed = feeds.get(showId);
      Instant last = lastPoll.get(showId);
      Instant now = clock.instant();
      if (feed == null || (last != null && now.isBefore(last.plus(pollInterval)))) {
        return;
      }
      lastPoll.put(showId, now);
    }
    read(showId, feed);
  }

  /** Reads every registered feed now. */
  void pollAll() {
    for (Map.Entry<String, URI> feed : feeds().entrySet()) {
      synchronized (this) {
        lastPoll.put(feed.getKey(), clock.instant());
      }
      read(feed.getKey(), feed.getValue());
    }
  }

  private void read(String showId, URI feed) {
    List<FeedItem> items;
    try {
      items = PodcastFeedReader.read(fetch(feed));
    } catch (IOException e) {
      log.warn("cannot read the feed of show {} at {}: {}", showId, feed, e.getMessage());
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    synchronized (this) {
      Map<String, Pending> queue = pending.computeIfAbsent(showId, k -> new LinkedHashMap<>());
      Instant due = clock.instant().plus(delay);
      for (FeedItem item : items) {
        queue.putIfAbsent(item.guid(), new Pending(item, due));
      }
    }
  }

  private byte[] fetch(URI feed) throws IOException, InterruptedException {
    if (feed.getScheme().equals("file")) {
      return Files.readAllBytes(Path.of(feed));
    }
    HttpClient client = http;
    if (client == null) {
      client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NORMAL).build();
      http = client;
    }
    HttpResponse<byte[]> response = client.send(
        HttpRequest.newBuilder(feed).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode());
    }
    return response.body();
  }

  /**
   * Turns due feed items into episodes; with {@code all}, every pending item regardless of the
   * delay. Items whose guid the show already has are dropped. Call with the catalog lock held.
   *
   * @return the episodes created, in feed order
   */
  synchronized List<Episode> materialize(SpotifyCatalog catalog, boolean all) {
    var created = new ArrayList<Episode>();
    Instant now = clock.instant();
    for (Map.Entry<String, Map<String, Pending>> show : pending.entrySet()) {
      Show target = catalog.shows.get(show.getKey());
      var it = show.getValue().values().iterator();
      while (it.hasNext()) {
        Pending p = it.next();
        if (target == null || catalog.episodeByGuid(target.id(), p.item().guid()).isPresent()) {
          it.remove();
          continue;
        }
        if (all || !now.isBefore(p.dueAt())) {
          Episode episode = toEpisode(target, p.item(), now);
          catalog.addEpisode(episode);
          created.add(episode);
          it.remove();
        }
      }
    }
    if (!created.isEmpty()) {
      log.debug("ingested {} feed episode(s)", created.size());
      onIngested.run();
    }
    return created;
  }

  private static Episode toEpisode(Show show, FeedItem item, Instant now) {
    String id = SpotifyIds.base62("feed-episode:" + show.id() + ":" + item.guid());
    LocalDate released = item.pubDate() != null ? item.pubDate() : now.atZone(ZoneOffset.UTC).toLocalDate();
    List<String> languages = item.language() != null ? List.of(item.language()) : show.languages();
    return new Episode(id, show.id(), item.title(), item.description(), item.htmlDescription(), item.durationMs(), item.explicit(),
        languages.get(0), languages, released.toString(), "day", null, imagesOf(show, item), item.guid(), item.enclosureUrl());
  }

  /** The item's own artwork ({@code itunes:image}) when it has one, else the show's, as Spotify shows them. */
  private static List<SpotifyCatalog.Image> imagesOf(Show show, FeedItem item) {
    return item.imageUrl() == null ? show.images() : List.of(new SpotifyCatalog.Image(item.imageUrl(), null, null));
  }
}
