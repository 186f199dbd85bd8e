package io.gridcast.bridge.flows;

import io.gridcast.testkit.MutableClock;
import io.gridcast.bridge.testing.Sandboxes;
import io.gridcast.spotify.feed.EpisodeMatcher;
import io.gridcast.spotify.feed.FeedItem;
import io.gridcast.spotify.feed.FeedSink;
import io.gridcast.spotify.feed.ReleaseWatcher;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Release watchers and feed sinks for the publishing flows' tests. */
final class ReleaseWatchers {

  private ReleaseWatchers() {}

  /** A watcher whose "sleep" lets the sandbox ingest the feed at once instead of after its delay. */
  static ReleaseWatcher ingesting(Sandboxes sandboxes) {
    return ReleaseWatcher.builder(sandboxes.spotify)
        .initialDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(1)).deadline(Duration.ofSeconds(20))
        .sleeper(d -> sandboxes.spotifySandbox.ingestNow())
        .build();
  }

  /**
   * A watcher that never sees the episodes of {@code stuckGuids} (as if Spotify never ingested
   * them) and gives up after 3 seconds of a clock its sleeper advances, so it waits no real time.
   */
  static ReleaseWatcher neverListing(Sandboxes sandboxes, Set<String> stuckGuids) {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    EpisodeMatcher usual = EpisodeMatcher.byTitleAndReleaseDate();
    return ReleaseWatcher.builder(sandboxes.spotify)
        .initialDelay(Duration.ofSeconds(1)).maxDelay(Duration.ofSeconds(1)).deadline(Duration.ofSeconds(3))
        .matcher((item, episode) -> !stuckGuids.contains(item.guid()) && usual.matches(item, episode))
        .clock(clock)
        .sleeper(d -> {
          sandboxes.spotifySandbox.ingestNow();
          clock.advance(d);
        })
        .build();
  }

  /** A feed sink that counts the upserts it passes on. */
  static class CountingFeedSink implements FeedSink {
    private final FeedSink delegate;
    final AtomicInteger upserts = new AtomicInteger();

    CountingFeedSink(FeedSink delegate) {
      this.delegate = delegate;
    }

    @Override
    public URI feedUrl() {
      return delegate.feedUrl();
    }

    @Override
    public List<FeedItem> items() throws IOException {
      return delegate.items();
    }

    @Override
    public UpsertOutcome upsert(FeedItem item) throws IOException {
      upserts.incrementAndGet();
      return delegate.upsert(item);
    }
  }

}
